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
_CONTAINER = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?|===|[-*+][ \t]|\d+\.[ \t])")
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
    for region in _outermost(_LEXER(document)):
        match = _LANGUAGE.match(region.lexemes["info"])
        source = region.lexemes["source"]
        content_start = region.start + source.offset
        content_end = max(content_start, document.text.rfind("\n", 0, region.end) + 1)
        line = document.text.count("\n", 0, region.start) + 1
        if not document.text[content_end : region.end].lstrip(" \t>").startswith(("```", "~~~")):
            raise PageError(f"{page_name(document)}:{line}: this fence is never closed")
        prefix = _opening_prefix(document.text, region.start)
        _reject_text_fence(document, region.start, line, prefix)
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
                prefix=prefix,
            )
        )
    return _outside_comments(document, fences)


def _outside_comments(document: Document, fences: list[Fence]) -> list[Fence]:
    """The fences that are not inside an HTML comment; a python fence inside one is refused.

    The site never shows what an HTML comment holds, so code there must not run: it could change
    what the visible blocks print (seed their random numbers, say) without the reader knowing.
    """
    shown = []
    comments = _comments(document.text, fences)
    for fence in fences:
        if not any(start < fence.start < end for start, end in comments):
            shown.append(fence)
        elif fence.is_python:
            raise PageError(
                f"{page_name(document)}:{fence.line}: this python block is inside an HTML comment (<!-- ... -->), "
                "so the site does not show it and the checker will not run it; move it out of the comment or delete it"
            )
    return shown


def _comments(text: str, fences: list[Fence]) -> list[tuple[int, int]]:
    """Where the page's HTML comments start and end, leaving out ``<!--`` inside code blocks and code spans."""
    comments = []
    position = 0
    while (start := text.find("<!--", position)) >= 0:
        inside = next((fence for fence in fences if fence.start <= start < fence.end), None)
        line_start = text.rfind("\n", 0, start) + 1
        if inside is not None:
            position = inside.end
            continue
        if text.count("`", line_start, start) % 2:
            position = start + 4
            continue
        end = text.find("-->", start + 4)
        end = len(text) if end < 0 else end + 3
        comments.append((start, end))
        position = end
    return comments


def _outermost(regions) -> list:
    """The lexer's regions in page order, less those inside another one.

    Sybil's lexer nests fences, but in CommonMark a fenced block holds text only: a fence line
    inside a longer fence (```` ```` ```` around ```` ``` ````) is part of its content.
    """
    outermost = []
    for region in sorted(regions, key=lambda region: region.start):
        if not outermost or region.start >= outermost[-1].end:
            outermost.append(region)
    return outermost


def _opening_prefix(text: str, start: int) -> str:
    """The indentation or block-quote marks in front of the opening fence."""
    fence_at = min(i for i in (text.find("```", start), text.find("~~~", start)) if i >= 0)
    return text[start:fence_at]


def _reject_text_fence(document: Document, start: int, line: int, prefix: str) -> None:
    """Refuse a fence that Markdown renders as plain text, so that the checker never runs what the site shows as prose.

    A fence indented by a tab, or by four spaces or more outside an admonition, a list item or
    a tab that it belongs to, is an indented code block: the reader sees its backticks, not code.
    """
    indent = prefix.lstrip(">").lstrip(" ") if prefix.startswith(">") else prefix
    if "\t" in indent:
        raise PageError(
            f"{page_name(document)}:{line}: this fence is indented with a tab, so the site shows it as plain "
            "text, not as code; indent it with spaces, four for each admonition or list it sits in"
        )
    if len(indent) >= 4 and not _inside_container(document.text[:start], len(indent)):
        raise PageError(
            f"{page_name(document)}:{line}: this fence is indented by {len(indent)} spaces outside an admonition "
            "or list, so the site shows it as an indented block of plain text, not as code; remove the indentation"
        )


def _inside_container(before: str, indent: int) -> bool:
    """Whether the nearest less indented line before a fence opens the admonition, list item or tab that holds it."""
    for text in reversed(before.splitlines()):
        if text.strip() and len(text) - len(text.lstrip(" ")) < indent:
            return len(text) - len(text.lstrip(" ")) == indent - 4 and _CONTAINER.match(text) is not None
    return False
