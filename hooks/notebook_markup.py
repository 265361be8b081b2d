"""The HTML mkdocs-jupyter makes of a notebook, in the markup of the site's own pages.

mkdocs-jupyter's HTML carries JupyterLab's stylesheet (about 600 KB), a clipboard script, a
MathJax loader and prompts. Only the cells are kept: Markdown cells as they are, their formulas
in MathML (hooks/mathml.py, no MathJax), code as the theme's code blocks, printed text as the
site's output blocks, and each run of cells tagged ``solution`` folded into a ``<details>``
block. Headings take the anchors of the page's table of contents. A notebook page then looks,
searches and weighs like any other page. Used by hooks/notebook_pages.py.
"""

import functools
import re
from html import escape

from bs4 import BeautifulSoup
from mathml import to_mathml  # a sibling hook: MkDocs loads hooks with their folder importable

SOLUTION_TAG = "solution"
NO_ALT_TEXT = "No description has been provided for this image"  # nbconvert's words for an image without alt text
_MATH = re.compile(r"\$\$(?P<display>.+?)\$\$|\$(?P<inline>[^$\n]+?)\$", re.DOTALL)
_HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
_NOTEBOOK = '<div class="jp-Notebook'


def site_markup(html: str, solution_label: str, anchors: list[str]) -> str:
    """The cells of mkdocs-jupyter's ``html`` in the site's markup.

    Solutions are folded under ``solution_label``; the headings, in order, take ``anchors``.
    The last results are kept: `make serve` rebuilds every page after each save, most of them
    from the same notebook HTML (hooks/serve_cache.py).
    """
    return _site_markup(html, solution_label, tuple(anchors))


@functools.lru_cache(maxsize=32)
def _site_markup(html: str, solution_label: str, anchors: tuple[str, ...]) -> str:
    cells = html.index(_NOTEBOOK)  # before the cells: the head and JupyterLab's stylesheet, nine tenths of the HTML
    soup = BeautifulSoup(html[cells:], "html.parser")
    for image in soup.find_all("img", alt=False):  # as nbconvert's HTML exporter does (hooks/notebook_exporter.py)
        image["alt"] = NO_ALT_TEXT
    markdown = soup.find_all(class_="jp-RenderedMarkdown")
    headings = [heading for cell in markdown for heading in cell.find_all(_HEADINGS)]
    for heading, anchor in zip(headings, anchors, strict=True):
        heading["id"] = anchor
        for link in heading.find_all("a", class_="anchor-link"):
            link.attrs = {"class": "headerlink", "href": f"#{anchor}", "title": "Permanent link"}
    for text in [text for cell in markdown for text in cell.find_all(string=_MATH)]:
        if text.find_parent(["code", "pre"]) is None:
            text.replace_with(BeautifulSoup(_with_mathml(str(text)), "html.parser"))
    parts, solution = [], []
    for cell in [cell for notebook in soup.find_all(class_="jp-Notebook") for cell in _children(notebook, "jp-Cell")]:
        if _is_solution(cell):
            solution.append(_cell_markup(cell))
            continue
        parts += _folded(solution, solution_label)
        solution = []
        parts.append(_cell_markup(cell))
    return "\n".join(parts + _folded(solution, solution_label)).strip()  # a leading blank would make a search section


def _cell_markup(cell) -> str:
    markdown = cell.find(class_="jp-RenderedMarkdown")
    if markdown is not None:
        return markdown.decode_contents()
    parts = []
    for code in [code for area in cell.find_all(class_="jp-InputArea") for code in area.find_all("pre")]:
        opening = code.find(recursive=False)
        if opening is not None and opening.name == "span" and not opening.contents:
            opening.extract()  # the empty <span> Pygments opens a block with (hooks/light_highlight.py leaves it out)
        parts.append(f'<div class="language-python highlight"><pre><code>{code.decode_contents()}</code></pre></div>')
    for output in cell.find_all(class_="jp-OutputArea-output"):
        text = output.find("pre")
        if text is None:
            parts.append(output.decode_contents())
        else:
            parts.append(f'<div class="language-output highlight"><pre><code>{escape(text.get_text())}</code></pre></div>')
    return "\n".join(parts)


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


def _is_solution(cell) -> bool:
    tag = f"celltag_{SOLUTION_TAG}"
    return tag in cell.get("class", []) or cell.find(class_=tag) is not None


def _children(tag, css_class: str) -> list:
    """The children of ``tag`` of class ``css_class`` (BeautifulSoup's own search: CSS selectors cost more)."""
    return tag.find_all(class_=css_class, recursive=False)


def _folded(cells: list[str], label: str) -> list[str]:
    if not cells:
        return []
    return [f'<details class="success"><summary>{escape(label)}</summary>\n' + "\n".join(cells) + "\n</details>"]
