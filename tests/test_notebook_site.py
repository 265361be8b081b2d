"""The built site's notebooks: every page links the notebook made from it, and the exercise
notebooks come out as pages of the site in both languages, searchable and light."""

import json
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest
from bs4 import BeautifulSoup

from resultcache.plugin import declare
from pageformat.notebook import page_notebook
from tests.builtsite import parsed
from tests.docs import DOCS, LANGUAGES, notebooks, pages
from tests.result_inputs import built_language_inputs, built_page_inputs

MAX_WEIGHT_RATIO = 1.5


def built(site: Path, language: str, page: Path) -> Path:
    """The HTML file the build makes of a source page (``graph.md``, ``exercises/graph.ipynb``)."""
    root = site if language == "zh" else site / language
    stem = page.with_suffix("")
    return root / "index.html" if stem.name == "index" else root / stem / "index.html"


def soup_of(path: Path) -> BeautifulSoup:
    """The parsed HTML of a built page (:func:`tests.builtsite.parsed`: read it, never change it)."""
    return parsed(path)


def weight(html: Path) -> int:
    """Bytes a browser loads to show the page: its HTML, and the stylesheets and scripts it names."""
    soup = soup_of(html)
    linked = [tag["href"] for tag in soup.find_all("link", href=True) if "stylesheet" in tag.get("rel", [])]
    linked += [tag["src"] for tag in soup.find_all("script", src=True)]
    return html.stat().st_size + sum((html.parent / urlsplit(url).path).stat().st_size for url in linked)


MARKDOWN_PAGES = [(language, page) for language in LANGUAGES for page in pages(language)]
NOTEBOOK_PAGES = [(language, page) for language in LANGUAGES for page in notebooks(language)]


@declare(built_page_inputs)
@pytest.mark.parametrize(("language", "page"), MARKDOWN_PAGES, ids=lambda value: str(value))
def test_every_page_links_the_notebook_made_from_it(site, language, page):
    html = built(site, language, page)
    link = soup_of(html).select_one("a.notebook-download[download]")
    assert link is not None and link.get_text(strip=True) == {"zh": "下载 Notebook", "en": "Download notebook"}[language]
    downloaded = (html.parent / link["href"]).read_text(encoding="utf-8")
    assert nbformat.reads(downloaded, as_version=4) == page_notebook(DOCS / language / page, language).notebook


@declare(built_page_inputs)
@pytest.mark.parametrize(("language", "page"), NOTEBOOK_PAGES, ids=lambda value: str(value))
def test_exercise_notebooks_are_pages_of_the_site(site, language, page):
    soup = soup_of(built(site, language, page))
    article = soup.select_one("article.md-content__inner")
    assert soup.select_one("header.md-header") and soup.select_one("nav.md-nav--primary") and article
    assert article.h1 and article.select("details.success > summary") and article.select(".language-output")
    assert not article.find(["style", "script"]) and not article.select("[class^=jp-]")
    twin = "en" if language == "zh" else "zh"
    switch = soup.select_one(f"a.md-select__link[hreflang={twin}]")["href"]
    assert (built(site, language, page).parent / switch / "index.html").resolve() == built(site, twin, page).resolve()
    download = article.parent.select_one("a.notebook-download")["href"]
    assert nbformat.reads((built(site, language, page).parent / download).read_text(encoding="utf-8"), as_version=4)


def test_exercise_pages_are_in_the_search_index(site):
    for language, page in NOTEBOOK_PAGES:
        root = site if language == "zh" else site / language  # one index per language (hooks/search_languages.py)
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        indexed = {entry["location"]: entry for entry in index["docs"]}
        location = built(site, language, page).parent.relative_to(root).as_posix() + "/"
        assert location in indexed and indexed[location]["text"], location
        assert any(key.startswith(location + "#") for key in indexed), location


@declare(built_language_inputs)
@pytest.mark.parametrize("language", LANGUAGES)
def test_notebook_pages_weigh_little_more_than_markdown_pages(site, language):
    lightest = min(weight(built(site, language, page)) for page in pages(language))
    heavy = {
        str(page): weight(built(site, language, page))
        for page in notebooks(language)
        if weight(built(site, language, page)) > MAX_WEIGHT_RATIO * lightest
    }
    assert heavy == {}, f"over {MAX_WEIGHT_RATIO} x {lightest} bytes"
