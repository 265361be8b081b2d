"""Chinese copywriting as AutoCorrect writes it: a space between Chinese and Latin words, numbers,
inline code and formulas, full-width punctuation beside Chinese, no space beside it.

AutoCorrect (``autocorrect-py``, the linter Chinese documentation projects use) reads the lines
of :mod:`.prose`, prose as it renders and code comments, with the rules of ``.autocorrectrc`` at
the repository's root. It reads them masked (:func:`.prose.masked`): it weighs the spaces around
inline code, formulas and 《》 titles but never rewrites code, or a title as it was published. A
blockquote quotes another text as it was written and is not read.
"""

import difflib
import re
from functools import cache
from pathlib import Path

import autocorrect_py

from .prose import PLACEHOLDERS, Line, masked, verbatim

CONFIG = Path(__file__).resolve().parent.parent / ".autocorrectrc"
CONTEXT = 6  # unchanged characters shown either side of a change
_PLACEHOLDER = re.compile("|".join(re.escape(placeholder) for placeholder in PLACEHOLDERS.values()))
_QUOTATION = re.compile(r"^\s*>")
_WORD = re.compile(r"[A-Za-z0-9_.]")


@cache
def _configured() -> None:
    """Load the project's rules into AutoCorrect, once per process (it keeps them globally)."""
    autocorrect_py.load_config(CONFIG.read_text(encoding="utf-8"))


def autocorrected(text: str) -> str:
    """The text as AutoCorrect would write it, its code, formulas and titles untouched."""
    _configured()
    pieces = iter(verbatim(text))
    return _PLACEHOLDER.sub(lambda _: next(pieces), autocorrect_py.format(masked(text)))


def copywriting_problems(lines: list[Line]) -> list[str]:
    """Every change AutoCorrect would make to these lines, by place, as what it wants for what is written."""
    problems = []
    for line in lines:
        if _QUOTATION.match(line.text):
            continue
        written = line.text.strip()
        problems += [
            f"{line.place}: AutoCorrect wants '{new}' for '{old}'" for old, new in _changes(written, autocorrected(written))
        ]
    return problems


def _changes(old: str, new: str) -> list[tuple[str, str]]:
    """The changed stretches of a line as (old, new), each with CONTEXT unchanged characters either
    side or up to the end of the Latin word there; changes closer than twice that are one stretch."""
    edits = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    stretches: list[list[int]] = []
    for _, i1, i2, j1, j2 in edits:
        if stretches and i1 - stretches[-1][1] <= 2 * CONTEXT:
            stretches[-1][1], stretches[-1][3] = i2, j2
        else:
            stretches.append([i1, i2, j1, j2])
    changes = []
    for i1, i2, j1, j2 in stretches:
        start, end = _word_start(old, max(0, i1 - CONTEXT)), _word_end(old, min(len(old), i2 + CONTEXT))
        changes.append((old[start:end], old[start:i1] + new[j1:j2] + old[i2:end]))
    return changes


def _word_start(text: str, index: int) -> int:
    """``index``, moved back to the start of the Latin word it cuts."""
    while 0 < index < len(text) and _WORD.match(text[index - 1]) and _WORD.match(text[index]):
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    """``index``, moved on to the end of the Latin word it cuts."""
    while 0 < index < len(text) and _WORD.match(text[index - 1]) and _WORD.match(text[index]):
        index += 1
    return index
