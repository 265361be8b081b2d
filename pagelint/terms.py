"""One term per concept: the glossary decides, the pages follow.

Each entry of a glossary (``docs/<lang>/glossary.md``) is a table row whose first cell opens with
its anchor, ``<span id="term-…"></span>``, then the term. Its definition may end with one line,
after a ``<br>``, naming words the site does not use for it::

    | <span id="term-requires-grad"></span>需要梯度 | requires grad | … <br>不说：要求梯度 | … |
    | <span id="term-leaf-tensor"></span>leaf tensor | 叶子张量 | … <br>Instead of: leaf node | … |

and one naming what other books call it, for the reader who meets those words there (``也叫：``,
``Also called:``); those are not checked. A word may be followed by a note in brackets. A page that uses a word to avoid fails, naming the
place, the word and the term the glossary prefers.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from .prose import Line

AVOID = {"zh": "不说：", "en": "Instead of:"}
ALSO_CALLED = {"zh": "也叫：", "en": "Also called:"}
SEPARATOR = {"zh": "、", "en": ","}
_NOTE = re.compile(r"（[^）]*）|\([^)]*\)")
_ENTRY = re.compile(r'^\|\s*<span id="(?P<anchor>term-[\w-]+)"></span>(?P<term>[^|]+?)\s*\|(?P<rest>.*)$')


@dataclass(frozen=True)
class Term:
    """A glossary entry: its anchor, the term, the words to avoid and what others call it."""

    anchor: str
    term: str
    avoid: tuple[str, ...] = ()
    also_called: tuple[str, ...] = ()


def read_glossary(path: Path, language: str) -> list[Term]:
    """Every entry of a glossary page, with its lists of other words."""
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = _ENTRY.match(line)
        if entry:
            terms.append(
                Term(
                    anchor=entry["anchor"],
                    term=entry["term"],
                    avoid=_listed(entry["rest"], AVOID[language], language),
                    also_called=_listed(entry["rest"], ALSO_CALLED[language], language),
                )
            )
    return terms


def term_problems(lines: list[Line], terms: list[Term]) -> list[str]:
    """Every use of a word to avoid in ``lines``: place, the word, the term to use instead."""
    patterns = sorted(((word, term) for term in terms for word in term.avoid), key=lambda pair: -len(pair[0]))
    problems = []
    for line in lines:
        taken: set[int] = set()
        found = []
        for word, term in patterns:
            for match in _pattern(word).finditer(line.text):
                if not taken.intersection(range(match.start(), match.end())):
                    taken.update(range(match.start(), match.end()))
                    found.append((match.start(), match.group(), term))
        problems += [
            f"{line.place}: “{word}” where the glossary says “{term.term}” (glossary.md#{term.anchor})"
            for _, word, term in sorted(found, key=lambda hit: hit[0])
        ]
    return problems


def without_word_lists(lines: list[Line], language: str) -> list[Line]:
    """The glossary's own lines with the lists of other words in its table rows blanked: they name them on purpose."""
    lists = re.compile(rf"(?:{re.escape(AVOID[language])}|{re.escape(ALSO_CALLED[language])})[^|]*")
    return [Line(line.place, lists.sub(" ", line.text) if line.text.lstrip().startswith("|") else line.text) for line in lines]


def _listed(cells: str, label: str, language: str) -> tuple[str, ...]:
    """The words after ``label`` up to the next line break or cell, split at the language's separator.

    A note in brackets after a word, ``分离（《动手学深度学习》）``, tells the reader where it is
    used and is not part of the word."""
    found = re.search(rf"{re.escape(label)}\s*(?P<words>[^|<]*)", cells)
    if not found:
        return ()
    words = _NOTE.sub("", found["words"])
    return tuple(word.strip() for word in words.split(SEPARATOR[language]) if word.strip())


def _pattern(word: str) -> re.Pattern:
    """A word to avoid as a pattern: English words whole, in any case, plural too; Chinese as written."""
    if word.isascii():
        return re.compile(rf"\b{re.escape(word)}(?:s|es)?\b", re.IGNORECASE)
    return re.compile(re.escape(word))
