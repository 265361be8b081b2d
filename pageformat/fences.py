"""Lex the fenced code blocks of a Markdown page.

Sybil's stock Markdown parsers only see a fence whose info string is exactly the language
(sybil#155), so ```` ```python title="x" ```` would escape testing. This lexer keeps the whole
info string and splits it into a language and its attributes itself.
"""

import re
from dataclasses import dataclass

from sybil import Document
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer

from .errors import PageError, page_name

PYTHON_LANGUAGES = frozenset({"python", "py", "python3", "pycon"})

_LEXER = RawFencedCodeBlockLexer(
    info_pattern=re.compile(r"(?P<info>[^\n]*)$\n", re.MULTILINE),
)
_LANGUAGE = re.compile(r"^[ \t]*\{?[ \t]*\.?(?P<language>[\w#+.-]*)(?P<attributes>.*?)\}?[ \t]*$")


@dataclass(frozen=True)
class Fence:
    """One fenced block: where it is, its language, its attributes and its text."""

    start: int
    end: int
    line: int
    language: str
    attributes: str
    source: str
    content_start: int
    content_end: int
    prefix: str

    @property
    def is_python(self) -> bool:
        """Whether the fence holds Python code, whatever its attributes."""
        return self.language.lower() in PYTHON_LANGUAGES


def lex_fences(document: Document) -> list[Fence]:
    """Return every fenced block of ``document`` in page order."""
    fences = []
    for region in _LEXER(document):
        match = _LANGUAGE.match(region.lexemes["info"])
        source = region.lexemes["source"]
        content_start = region.start + source.offset
        content_end = max(content_start, document.text.rfind("\n", 0, region.end) + 1)
        line = document.text.count("\n", 0, region.start) + 1
        if not document.text[content_end : region.end].lstrip(" \t>").startswith(("```", "~~~")):
            raise PageError(f"{page_name(document)}:{line}: this fence is never closed")
        fences.append(
            Fence(
                start=region.start,
                end=region.end,
                line=line,
                language=match.group("language"),
                attributes=match.group("attributes").strip(),
                source=str(source),
                content_start=content_start,
                content_end=content_end,
                prefix=_opening_prefix(document.text, region.start),
            )
        )
    return fences


def _opening_prefix(text: str, start: int) -> str:
    """The indentation or block-quote marks in front of the opening fence."""
    fence_at = min(i for i in (text.find("```", start), text.find("~~~", start)) if i >= 0)
    return text[start:fence_at]
