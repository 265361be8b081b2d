"""Chinese prose uses Chinese punctuation, as a Chinese engineer writes it: what AutoCorrect leaves.

AutoCorrect (:mod:`.copywriting`) turns ``,`` and ``?`` after a Chinese character into ``，？``,
and ``:`` and ``!`` before a Chinese character, a space or the end of a line into ``：！``. Two
mistakes it leaves are caught here, in the lines it reads, masked the same way
(:func:`.prose.masked`): the rest of the ASCII punctuation right next to a Chinese character
(``梯度;叶子``, ``梯度(叶子``, ``前向传播:x``, `` `x`,梯度``), and corner quotes 「」『』 where the
pages quote with “”.
"""

import re

from .prose import Line, masked

CJK = "\u4e00-\u9fff"
ASCII_BESIDE_CHINESE = re.compile(
    rf"[{CJK}][;(]|;[{CJK}]"  # AutoCorrect leaves ; alone, and its fix for ( is a space where the pages want （
    rf"|[{CJK}][:!](?=[^ {CJK}])"  # : and ! before Latin text, code, a quote or a bracket
    rf"|(?<![\w{CJK}]),[{CJK}]"  # a comma after code, a bracket, a quote or a space
)
CORNER_QUOTES = re.compile(r"[「」『』]")


def punctuation_problems(lines: list[Line]) -> list[str]:
    """Every line with ASCII punctuation beside a Chinese character that AutoCorrect leaves, or with corner quotes, by place."""
    problems = []
    for line in lines:
        if ASCII_BESIDE_CHINESE.search(masked(line.text)):
            problems.append(f"{line.place}: ASCII punctuation beside Chinese: {line.text.strip()}")
        if CORNER_QUOTES.search(line.text):
            problems.append(f"{line.place}: 「」 quotes where the pages use “”: {line.text.strip()}")
    return problems
