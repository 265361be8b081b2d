"""Figures: a page shows the graph a block draws by inlining an SVG file committed with the site.

A block that calls :func:`snippets.autograd_graph.show_graph` draws a graph. The page shows it,
after that block, with a snippet line that pymdownx.snippets replaces with the file's content when
the site is built, alone inside a ``<figure>`` (bare, the SVG would be taken for the text of a
paragraph)::

    <figure>
    --8<-- "figures/graph-first-example.svg"
    </figure>

A caption, in the page's language, may follow the snippet line on a line of its own
(``<figcaption>...</figcaption>``). Two figures to compare sit side by side inside a
``<div class="figure-pair">`` line and a ``</div>`` line (``pages.css`` lays them out); each is
checked like any other figure.

The checker draws each graph itself while the block runs, asks torchviz for a second opinion on
its nodes and edges (:mod:`.peer`), and compares the drawing with the committed file byte for
byte, so a figure cannot fall behind the code that draws it. Figures are shown in the order they
are drawn, one figure for each drawing; zh and en pages share the file, so both must draw the
same graph. With ``--refresh-outputs`` a stale or missing file is redrawn.
"""

import re
from dataclasses import dataclass
from typing import Optional

from sybil import Document

from pageformat.errors import PageError, page_name
from pageformat.fences import lex_fences
from pageformat.inline_snippets import REPOSITORY

FIGURE = re.compile(r'^<figure>\n--8<-- "(?P<path>[^"\n]+\.svg)"\n(?:<figcaption>[^<>\n]+</figcaption>\n)?</figure>$', re.M)
SNIPPET_LINE = re.compile(r"^.*--8<--.*$", re.M)


@dataclass(frozen=True)
class Figure:
    """A figure of a page: the SVG file it inlines, relative to the repository root, and its snippet line."""

    path: str
    line: int


@dataclass(frozen=True)
class Drawing:
    """A graph a block drew: the block's line, the SVG, and how torchviz disagrees with it."""

    line: int
    svg: str
    peer: tuple[str, ...]


def page_figures(document: Document) -> list[tuple[int, int, Figure]]:
    """Every figure of the page outside code blocks: ``(start, end, figure)``.

    A snippet line anywhere else outside code blocks is an error: it would not render as a figure.
    """
    fences = [(fence.start, fence.end) for fence in lex_fences(document)]

    def in_code(position: int) -> bool:
        return any(start <= position < end for start, end in fences)

    figures = [match for match in FIGURE.finditer(document.text) if not in_code(match.start())]
    framed = {match.start() + len("<figure>\n") for match in figures}
    for line in SNIPPET_LINE.finditer(document.text):
        if line.start() not in framed and not in_code(line.start()):
            raise PageError(
                f"{page_name(document)}:{_line(document, line.start())}: a figure's snippet line must stand alone "
                "inside <figure> and </figure> lines (a <figcaption> line may follow it), and name an .svg file"
            )
    return [
        (snippet, match.end(), Figure(match["path"], _line(document, snippet)))
        for match in figures
        for snippet in [match.start() + len("<figure>\n")]
    ]


def _line(document: Document, position: int) -> int:
    return document.text.count("\n", 0, position) + 1


def figure_problem(drawing: Drawing, figure: Figure, refresh: bool) -> Optional[str]:
    """What is wrong with showing ``drawing`` as ``figure``; with ``refresh`` a stale file is redrawn."""
    if drawing.peer:
        return "torchviz's make_dot sees a different graph from the figure's:\n  " + "\n  ".join(drawing.peer)
    file = REPOSITORY / figure.path  # where mkdocs runs: pymdownx.snippets reads paths from here
    committed = file.read_text(encoding="utf-8") if file.is_file() else None
    if committed == drawing.svg:
        return None
    if refresh:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(drawing.svg, encoding="utf-8", newline="")
        return None
    if committed is None:
        return f"{figure.path} does not exist; `make refresh` draws it"
    return (
        f"{figure.path} is stale: the code draws a different graph ({len(committed.encode())} bytes committed, "
        f"{len(drawing.svg.encode())} drawn): if the code is right, `make refresh` redraws it; then read git diff"
    )
