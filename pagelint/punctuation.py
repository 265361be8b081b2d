"""Chinese prose uses Chinese punctuation, as a Chinese engineer writes it.

Two mistakes are caught in the lines a reader reads (:mod:`.prose`): ASCII punctuation right
next to a Chinese character (``梯度,叶子``, ``前向传播:``), and corner quotes 「」『』 where the
pages quote with “”.
"""

import re

from .prose import Line

CJK = "\u4e00-\u9fff"
ASCII_BESIDE_CHINESE = re.compile(rf"[{CJK}][,;:?!(]|[,;][{CJK}]")
CORNER_QUOTES = re.compile(r"[「」『』]")


def punctuation_problems(lines: list[Line]) -> list[str]:
    """Every line with ASCII punctuation beside a Chinese character or with corner quotes, by place."""
    problems = []
    for line in lines:
        if ASCII_BESIDE_CHINESE.search(line.text):
            problems.append(f"{line.place}: ASCII punctuation beside Chinese: {line.text.strip()}")
        if CORNER_QUOTES.search(line.text):
            problems.append(f"{line.place}: 「」 quotes where the pages use “”: {line.text.strip()}")
    return problems
