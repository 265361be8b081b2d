"""The checker runs exactly what the site shows as Python code: no more, no less, page by page.

A fence the Markdown renderer shows as text (indented by a tab, or as an indented code block)
must never be executed in silence, and a block the site highlights as Python must never escape
the checker. The python fences the checker reads are compared with the highlighted Python
blocks of the built HTML.
"""

import pytest
from bs4 import BeautifulSoup
from sybil import Document

from resultcache.plugin import declare
from pageformat.fences import PYTHON_LANGUAGES, lex_fences
from tests.docs import DOCS, LANGUAGES, pages
from tests.result_inputs import built_page_inputs

PAGES = [(language, page) for language in LANGUAGES for page in pages(language)]


def built_page(site, language: str, page) -> str:
    """The HTML the site build wrote for ``page`` of ``language``."""
    folder = site if language == "zh" else site / language
    stem = page.with_suffix("").as_posix()
    html = folder / "index.html" if stem == "index" else folder / stem.removesuffix("/index") / "index.html"
    return html.read_text(encoding="utf-8")


def highlighted_python(html: str) -> list[str]:
    """The text of every block the page highlights as Python."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        block.find("code").get_text()
        for block in soup.select("div.highlight")
        if any(css.removeprefix("language-") in PYTHON_LANGUAGES for css in block.get("class", []))
    ]


def checked_python(language: str, page) -> list[str]:
    """The source of every python fence the checker reads on ``page``."""
    path = DOCS / language / page
    document = Document(path.read_text(encoding="utf-8"), str(path))
    return [fence.source for fence in lex_fences(document) if fence.is_python]


@declare(built_page_inputs)
@pytest.mark.parametrize(("language", "page"), PAGES, ids=lambda value: str(value))
def test_the_checker_runs_the_python_blocks_the_site_shows(site, language, page):
    assert checked_python(language, page) == highlighted_python(built_page(site, language, page))


def test_the_comparison_notices_a_block_shown_as_text():
    html = '<div class="language-python highlight"><pre><code>print(1)\n</code></pre></div><pre><code>print(2)\n</code></pre>'
    assert highlighted_python(html) == ["print(1)\n"]
