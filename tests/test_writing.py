"""Chinese prose uses Chinese punctuation, as a Chinese engineer writes it."""

import re

import nbformat
import pytest

from tests.docs import DOCS, notebooks, pages

CJK = "\u4e00-\u9fff"
ASCII_BESIDE_CHINESE = re.compile(rf"[{CJK}][,;:?!(]|[,;][{CJK}]")
NOT_PROSE = re.compile(r"`[^`]*`|\]\([^)]*\)|\{[#.][^}]*\}|<[^>]+>|\$[^$]*\$")
FENCE = re.compile(r"\s*(```|~~~)")
ADMONITION = re.compile(r"\s*(!!!|\?\?\?)")


def ascii_punctuation(text: str) -> list[str]:
    """Lines of prose where ASCII punctuation stands next to a Chinese character."""
    found, in_fence = [], False
    for number, line in enumerate(text.splitlines(), 1):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and not ADMONITION.match(line):
            if ASCII_BESIDE_CHINESE.search(NOT_PROSE.sub("", line)):
                found.append(f"{number}: {line.strip()}")
    return found


@pytest.mark.parametrize("page", pages("zh"), ids=str)
def test_chinese_prose_uses_full_width_punctuation(page):
    assert ascii_punctuation((DOCS / "zh" / page).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("notebook", notebooks("zh"), ids=str)
def test_chinese_prose_of_notebooks_uses_full_width_punctuation(notebook):
    cells = nbformat.read(DOCS / "zh" / notebook, as_version=4).cells
    assert ascii_punctuation("\n\n".join(cell.source for cell in cells if cell.cell_type == "markdown")) == []


def test_the_check_notices_ascii_punctuation():
    assert ascii_punctuation("梯度,叶子节点:见 `x,y`") == ["1: 梯度,叶子节点:见 `x,y`"]
    assert ascii_punctuation("梯度，叶子节点：见 `x,y`") == []
