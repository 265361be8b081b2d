"""hooks/notebook_cells.py renders each exercise notebook as mkdocs-jupyter's rendering, its cells kept in the site's markup, reads.

The reference is the path the site took before: mkdocs-jupyter's HTML (nbconvert), parsed, its
JupyterLab markup dropped and each cell's content kept. When mkdocs-jupyter, nbconvert, mistune
or Pygments render a notebook otherwise, the two part and this test fails.
"""

import re
import sys
from html import escape
from types import SimpleNamespace
from pathlib import Path

import pytest
import nbformat
from bs4 import BeautifulSoup
from mkdocs_jupyter import convert
from mkdocs_jupyter.plugin import _get_nb_toc_tokens

from resultcache.plugin import declare
from tests.docs import DOCS, LANGUAGES, ROOT, notebooks
from tests.result_inputs import notebook_rendering_inputs

sys.path.insert(0, str(ROOT / "hooks"))  # the hooks import their siblings as MkDocs lets them
from notebook_cells import NO_ALT_TEXT, SOLUTION_TAG, _flat, _folded, _with_mathml, rendered_notebook  # noqa: E402

LABEL = "Solution"
TOC_DEPTH = 6  # mkdocs-jupyter's default, which mkdocs.yml keeps
_MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+?\$", re.DOTALL)
_HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
NOTEBOOKS = [DOCS / language / page for language in LANGUAGES for page in notebooks(language)]


def reference(path: Path, anchors: list[str]) -> str:
    """mkdocs-jupyter's HTML of the notebook at ``path``, only its cells kept, in the site's markup."""
    html = convert.nb2html(str(path))
    soup = BeautifulSoup(html[html.index('<div class="jp-Notebook') :], "html.parser")
    for image in soup.find_all("img", alt=False):
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
    for cell in [cell for notebook in soup.find_all(class_="jp-Notebook") for cell in notebook.find_all(class_="jp-Cell", recursive=False)]:
        if cell.find(class_=f"celltag_{SOLUTION_TAG}") is not None or f"celltag_{SOLUTION_TAG}" in cell["class"]:
            solution.append(_cell(cell))
            continue
        parts += _folded(solution, LABEL)
        solution = []
        parts.append(_cell(cell))
    return "\n".join(parts + _folded(solution, LABEL)).strip()


def _cell(cell) -> str:
    markdown = cell.find(class_="jp-RenderedMarkdown")
    if markdown is not None:
        return markdown.decode_contents()
    parts = []
    for code in [code for area in cell.find_all(class_="jp-InputArea") for code in area.find_all("pre")]:
        opening = code.find(recursive=False)
        if opening is not None and opening.name == "span" and not opening.contents:
            opening.extract()
        parts.append(f'<div class="language-python highlight"><pre><code>{code.decode_contents()}</code></pre></div>')
    for output in cell.find_all(class_="jp-OutputArea-output"):
        parts.append(f'<div class="language-output highlight"><pre><code>{escape(output.find("pre").get_text())}</code></pre></div>')
    return "\n".join(parts)


@declare(notebook_rendering_inputs)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.relative_to(DOCS).as_posix())
def test_a_notebook_renders_as_mkdocs_jupyter_renders_it(path):
    rendered = rendered_notebook(str(path), LABEL, TOC_DEPTH)
    toc_tokens, title = _get_nb_toc_tokens(str(path), TOC_DEPTH)
    assert (rendered.toc_tokens, rendered.title) == (toc_tokens, title)
    assert rendered.html == reference(path, [token["id"] for token in _flat(toc_tokens)])
    assert 'class="language-output' in rendered.html and "<details" in rendered.html and "<h2" in rendered.html


@declare(notebook_rendering_inputs)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.relative_to(DOCS).as_posix())
def test_a_notebook_meets_the_notebook_schema(path):
    """The build reads the notebooks without the schema check (a tenth of their rendering); here each is checked."""
    nbformat.validate(nbformat.reader.reads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("option", ["execute", "show_input", "no_input", "remove_tag_config", "highlight_extra_classes"])
def test_a_rendering_option_the_site_does_not_follow_stops_the_build(option):
    """The notebook pages are not rendered by mkdocs-jupyter: setting one of its rendering options otherwise is refused."""
    from mkdocs.exceptions import PluginError  # noqa: PLC0415
    from notebook_pages import RENDERING, on_config  # noqa: PLC0415

    changed = {"execute": True, "show_input": False, "no_input": True, "remove_tag_config": {"remove_cell_tags": ["x"]}, "highlight_extra_classes": "x"}
    jupyter = SimpleNamespace(config=dict(RENDERING, toc_depth=TOC_DEPTH))
    assert on_config(SimpleNamespace(plugins={"mkdocs-jupyter": jupyter}))
    jupyter.config[option] = changed[option]
    with pytest.raises(PluginError, match=option):
        on_config(SimpleNamespace(plugins={"mkdocs-jupyter": jupyter}))
