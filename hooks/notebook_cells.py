"""An exercise notebook's cells, rendered straight into the markup of the site's own pages.

mkdocs-jupyter renders a notebook with nbconvert's HTML exporter: JupyterLab's markup around
every cell, a copy of JupyterLab's stylesheet, a clipboard script, and a second pass through
nbconvert (its Markdown exporter) for the table of contents. The site kept only what the cells
hold, parsing all that HTML again, and this took a fifth of a build. Here each cell is rendered
once, as the site shows it, with the pieces nbconvert renders it with, and the HTML is the same
(tests/test_notebook_cells.py compares it with mkdocs-jupyter's for every exercise notebook):

- a Markdown cell by nbconvert's Markdown renderer (mistune, with the heading ids and anchor
  links mkdocs-jupyter gives it); its headings take the anchors of the page's table of contents
  and its formulas are MathML (hooks/mathml.py, no MathJax);
- a code cell's source highlighted by Pygments with the kernel's lexer, as nbconvert does, in the
  theme's code block; code is the same in both languages, so each source is highlighted once;
- what a code cell printed (a stream, or a result's plain text) as the site's output blocks;
- each run of cells tagged ``solution`` folded into a ``<details>`` block under a label.

The table of contents is made as mkdocs-jupyter makes it: Python-Markdown's toc extension over
the Markdown cells, their code left out. Used by hooks/notebook_pages.py.
"""

import functools
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

import markdown
import nbformat
import nbformat.reader
from bs4 import BeautifulSoup
from markdown.extensions.toc import TocExtension
from mathml import to_mathml  # a sibling hook: MkDocs loads hooks with their folder importable
from mkdocs_jupyter import convert  # noqa: F401 (imported for its effect: mkdocs-jupyter's heading ids in nbconvert's renderer)
from nbconvert.filters.ansi import strip_ansi
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
from nbconvert.filters.strings import strip_files_prefix
from pygments import highlight
from pygments.formatters.html import HtmlFormatter
from pygments.lexers import get_lexer_by_name

SOLUTION_TAG = "solution"
NO_ALT_TEXT = "No description has been provided for this image"  # nbconvert's words for an image without alt text
ANCHOR_LINK_TEXT = "¶"  # nbconvert's default
_MATH = re.compile(r"\$\$(?P<display>.+?)\$\$|\$(?P<inline>[^$\n]+?)\$", re.DOTALL)
_HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
# mkdocs-jupyter's nb2md: fenced code, inline code, then code spans across lines without a heading
_FENCED_CODE = re.compile(r"```.*?```", re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_CODE_SPAN = re.compile(r"`[^`]*`")
_HEADING_LINE = re.compile(r"^#{1,6} ", re.MULTILINE)
# the printed text of each kind of output the site shows: a stream's text, a result's plain text
_PRINTED = {"stream": lambda output: output.text, "execute_result": lambda output: output.data["text/plain"]}


@dataclass(frozen=True)
class RenderedNotebook:
    """A notebook's cells in the site's markup, its table of contents and its title (its first level-1 heading)."""

    html: str
    toc_tokens: list
    title: str | None


def rendered_notebook(path: str, solution_label: str, toc_depth: int) -> RenderedNotebook:
    """The notebook at ``path`` in the site's markup, solutions folded under ``solution_label``.

    The last results are kept: `make serve` rebuilds every page after each save, most of them
    from the same notebook.
    """
    return _rendered(Path(path).read_text(encoding="utf-8"), str(Path(path).parent), solution_label, toc_depth)


@functools.lru_cache(maxsize=32)
def _rendered(source: str, folder: str, solution_label: str, toc_depth: int) -> RenderedNotebook:
    notebook = nbformat.convert(nbformat.reader.reads(source), 4)  # unchecked: tests/test_notebook_cells.py checks each against the schema
    toc_tokens = _toc_tokens(notebook, toc_depth)
    anchors = iter([token["id"] for token in _flat(toc_tokens)])
    language = notebook.metadata.get("kernelspec", {}).get("language", "python")
    parts, solution = [], []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            markup = _markdown_markup(cell, folder, anchors)
        elif cell.cell_type == "code":
            markup = _code_markup(cell, language)
        else:
            raise ValueError(f"a {cell.cell_type} cell, which the site does not show")
        if SOLUTION_TAG in cell.metadata.get("tags", []):
            solution.append(markup)
            continue
        parts += _folded(solution, solution_label)
        solution = []
        parts.append(markup)
    left = next(anchors, None)
    if left is not None:
        raise ValueError(f"the table of contents has {left!r}, which no heading took")
    html = "\n".join(parts + _folded(solution, solution_label)).strip()  # a leading blank would make a search section
    title = next((token["name"] for token in toc_tokens if token["level"] == 1), None)
    return RenderedNotebook(html, toc_tokens, title)


def _toc_tokens(notebook, toc_depth: int) -> list:
    """The table of contents mkdocs-jupyter makes: its Markdown cells, their code left out, through Python-Markdown's toc."""
    body = "\n\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    body = _INLINE_CODE.sub("", _FENCED_CODE.sub("", body))
    body = _CODE_SPAN.sub(lambda span: span[0] if _HEADING_LINE.search(span[0]) else "", body)
    toc = _toc_markdown(toc_depth)
    toc.reset().convert(body)
    return toc.toc_tokens


@functools.cache
def _toc_markdown(toc_depth: int) -> markdown.Markdown:
    """Python-Markdown with the toc extension, as mkdocs-jupyter sets it up, made once (and reset before each use)."""
    return markdown.Markdown(extensions=[TocExtension(toc_depth=toc_depth)])


def _markdown_markup(cell, folder: str, anchors) -> str:
    """A Markdown cell as nbconvert's HTML exporter renders it, its headings taking the next ``anchors``."""
    attachments = cell.get("attachments")
    renderer = _markdown_renderer(folder) if not attachments else _new_markdown_renderer(folder, attachments)
    soup = BeautifulSoup(strip_files_prefix(renderer.render(cell.source)), "html.parser")
    for image in soup.find_all("img", alt=False):  # as nbconvert's HTML exporter does
        image["alt"] = NO_ALT_TEXT
    for heading in soup.find_all(_HEADINGS):
        anchor = next(anchors, None)
        if anchor is None:
            raise ValueError(f"a heading the table of contents does not have: {heading.get_text()!r}")
        heading["id"] = anchor
        for link in heading.find_all("a", class_="anchor-link"):
            link.attrs = {"class": "headerlink", "href": f"#{anchor}", "title": "Permanent link"}
    for text in soup.find_all(string=_MATH):
        if text.find_parent(["code", "pre"]) is None:
            text.replace_with(BeautifulSoup(_with_mathml(str(text)), "html.parser"))
    return f"\n{soup.decode()}"


@functools.cache
def _markdown_renderer(folder: str) -> MarkdownWithMath:
    """The renderer of a Markdown cell without attachments, made once: mistune compiles its patterns for each one made."""
    return _new_markdown_renderer(folder, {})


def _new_markdown_renderer(folder: str, attachments: dict) -> MarkdownWithMath:
    """nbconvert's Markdown renderer as its HTML exporter sets it up for a cell with ``attachments``."""
    return MarkdownWithMath(renderer=IPythonRenderer(escape=False, attachments=attachments, path=folder, anchor_link_text=ANCHOR_LINK_TEXT))


def _code_markup(cell, language: str) -> str:
    """A code cell: its source as the theme's code block, then each thing it printed as an output block."""
    parts = [_highlighted(cell.source, language)]
    for output in cell.outputs:
        if output.output_type not in _PRINTED or (output.output_type != "stream" and set(output.data) != {"text/plain"}):
            raise ValueError(f"an output the site does not show: {output.output_type} {sorted(output.get('data', {}))}")
        parts.append(f'<div class="language-output highlight"><pre><code>{escape(strip_ansi(_PRINTED[output.output_type](output)))}</code></pre></div>')
    return "\n".join(parts)


@functools.cache
def _highlighted(source: str, language: str) -> str:
    """``source`` highlighted as nbconvert highlights a code cell, in the theme's code block."""
    code = highlight(source, get_lexer_by_name(language), HtmlFormatter(nowrap=True))
    return f'<div class="language-python highlight"><pre><code>{code}</code></pre></div>'


def _with_mathml(text: str) -> str:
    """``text`` as HTML, each ``$...$`` and ``$$...$$`` formula in it as MathML."""
    parts, position = [], 0
    for match in _MATH.finditer(text):
        parts.append(escape(text[position : match.start()]))
        if match["display"] is not None:
            parts.append(f'<div class="math">{to_mathml(match["display"], "block")}</div>')
        else:
            parts.append(f'<span class="math">{to_mathml(match["inline"], "inline")}</span>')
        position = match.end()
    return "".join(parts) + escape(text[position:])


def _flat(tokens: list) -> list:
    return [entry for token in tokens for entry in [token, *_flat(token["children"])]]


def _folded(cells: list[str], label: str) -> list[str]:
    if not cells:
        return []
    return [f'<details class="success"><summary>{escape(label)}</summary>\n' + "\n".join(cells) + "\n</details>"]
