"""The words a reader reads: the prose of a page or notebook, and the comments of its code.

The writing checks (terms, punctuation, copywriting) look only at these lines. Prose is every line
outside a fenced block, with what is not prose blanked: inline code, link targets, attribute lists,
HTML tags, formulas, snippet includes and an admonition's marker (its title stays). A check of the
spaces around code reads the prose as it renders instead (``keep_code``): inline code and formulas
stay, and the markup goes without leaving a blank. Comments are those of ``python`` blocks and of
notebook code cells; string literals are code, and what the code prints is an output block, so
neither is prose.
"""

import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

import nbformat

from pageformat.fences import PYTHON_LANGUAGES

_NOT_PROSE = re.compile(r"`[^`]*`|\]\([^)]*\)|\{[#.][^}]*\}|<[^>]+>|\$[^$]*\$")
_MARKUP = re.compile(
    r"(?P<code>`[^`]*`|\$[^$]*\$)|!?\[(?P<link>[^\]]*)\]\([^)]*\)|<(?P<url>\w+://[^>]*)>|\s*\{[#.][^}]*\}"
    r"|(?P<br><br\s*/?>)|<[^>]+>"
)
_FENCE = re.compile(r"^(?P<indent>[ \t>]*)(?P<marker>`{3,}|~{3,})(?P<info>.*)$")
_VERBATIM = re.compile(r"`[^`]*`|\$[^$]*\$|《[^》]*》")
PLACEHOLDERS = {"`": "`c`", "$": "$f$", "《": "《书》"}
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*")
_SNIPPET = re.compile(r"^\s*--8<--")


@dataclass(frozen=True)
class Line:
    """One line a reader reads, where it is (``docs/zh/graph.md:12``) and its text."""

    place: str
    text: str


def page_prose(text: str, name: str, keep_code: bool = False) -> list[Line]:
    """The prose lines of a Markdown page, with what is not prose blanked (as it renders with ``keep_code``)."""
    return [Line(f"{name}:{number}", line) for number, line in _prose(text, keep_code)]


def page_comments(text: str, name: str) -> list[Line]:
    """The comments of the page's ``python`` blocks, each at its line of the page."""
    return [Line(f"{name}:{number}", comment) for number, comment in _python_comments(text)]


def notebook_lines(path: Path, name: str, keep_code: bool = False) -> list[Line]:
    """The prose of a notebook's Markdown cells (as it renders with ``keep_code``) and the comments of its code cells."""
    lines = []
    for index, cell in enumerate(nbformat.read(path, as_version=4).cells, 1):
        if cell.cell_type == "markdown":
            found = _prose(cell.source, keep_code) + _python_comments(cell.source)
        elif cell.cell_type == "code":
            found = comments(cell.source)
        else:
            found = []
        lines += [Line(f"{name} cell {index}, line {number}", text) for number, text in found]
    return lines


def prose_of(line: str) -> str:
    """One line of Markdown with its code, link targets, attributes, tags and formulas blanked."""
    return _NOT_PROSE.sub(" ", _ADMONITION.sub("", line))


def rendered_of(line: str) -> str:
    """One line of Markdown as it renders: inline code, formulas, a link's text and an autolink's address
    kept; a line break a space; link targets, attribute lists, other HTML tags and an admonition's
    marker gone."""
    return _MARKUP.sub(_rendered, _ADMONITION.sub("", line))


def _rendered(match: re.Match) -> str:
    """What one piece of markup shows: code and formulas as written, a link's text or address, a space for a break."""
    return match["code"] or match["link"] or match["url"] or (" " if match["br"] else "")


def verbatim(text: str) -> list[str]:
    """The pieces of inline code, formulas and 《》 titles in a line, in order: written as they are, not prose."""
    return _VERBATIM.findall(text)


def masked(text: str) -> str:
    """The line with each piece of inline code, formula and 《》 title replaced by a placeholder of its
    kind (``PLACEHOLDERS``): a writing check weighs what stands beside them, never what they hold."""
    return _VERBATIM.sub(lambda match: PLACEHOLDERS[match[0][0]], text)


def comments(source: str) -> list[tuple[int, str]]:
    """The comments of Python source as (line, text without the ``#``); by line if it does not tokenize."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return [(row, line.split("#", 1)[1]) for row, line in enumerate(source.splitlines(), 1) if "#" in line]
    return [(token.start[0], token.string[1:]) for token in tokens if token.type == tokenize.COMMENT]


@dataclass(frozen=True)
class Fence:
    """A fenced block being read: the line it opens on, its language, its indent and its marker."""

    line: int
    language: str
    indent: str
    marker: str

    def closed_by(self, match: re.Match) -> bool:
        """Whether a fence line closes this block: the same character, at least as many, no info."""
        marker = match["marker"]
        return marker[0] == self.marker[0] and len(marker) >= len(self.marker) and not match["info"].strip()


def numbered_lines(text: str) -> list[tuple[int, str, Fence | None]]:
    """Each line of a page with its number and the fenced block it lies inside (``None`` outside,
    and on the fence lines themselves)."""
    lines, fence = [], None
    for number, line in enumerate(text.splitlines(), 1):
        match = _FENCE.match(line)
        if fence is None and match:
            language = (match["info"].strip().lstrip("{.").split() or [""])[0]
            fence = Fence(number, language, match["indent"], match["marker"])
            lines.append((number, line, None))
        elif fence is not None and match and fence.closed_by(match):
            fence = None
            lines.append((number, line, None))
        else:
            lines.append((number, line, fence))
    return lines


def _prose(text: str, keep_code: bool = False) -> list[tuple[int, str]]:
    """The lines outside fenced blocks, fence lines and snippet includes, with what is not prose
    blanked, or as they render with ``keep_code``."""
    of = rendered_of if keep_code else prose_of
    return [
        (number, of(line))
        for number, line, fence in numbered_lines(text)
        if fence is None and not _SNIPPET.match(line) and not _FENCE.match(line)
    ]


def _python_comments(text: str) -> list[tuple[int, str]]:
    """The comments of every ``python`` block of a page, at their lines of the page."""
    blocks: dict[int, list[tuple[int, str]]] = {}
    for number, line, fence in numbered_lines(text):
        if fence is not None and fence.language.lower() in PYTHON_LANGUAGES:
            blocks.setdefault(fence.line, []).append((number, line[len(fence.indent) :]))
    found = []
    for block in blocks.values():
        numbers = [number for number, _ in block]
        found += [(numbers[row - 1], comment) for row, comment in comments("\n".join(line for _, line in block))]
    return found
