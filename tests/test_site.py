"""The site builds strictly and keeps its promises on the home page.

That the languages mirror each other and every page is in the nav is tested with the site's
structure (tests/test_site_structure.py)."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from resultcache.plugin import declare
from tests.builtsite import parsed
from tests.docs import DOCS, LANGUAGES, ROOT, every_twin, fail_with, pages
from tests.result_inputs import built_language_inputs, built_pages_of

PINNED_TORCH = re.search(r"^torch==(\S+)", (ROOT / "requirements.txt").read_text(), re.M).group(1)


def test_every_page_is_built_in_both_languages(site):
    every_twin()
    missing = []
    for page in pages("zh"):
        html = page.with_suffix("") / "index.html" if page.stem != "index" else page.with_suffix(".html")
        missing += [f"docs/{language}/{page.as_posix()} was not built as site/{folder}{html.as_posix()}" for language, folder in (("zh", ""), ("en", "en/")) if not (site / folder / html).is_file()]
    fail_with(missing)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_names_the_pinned_torch(language):
    home = (DOCS / language / "index.md").read_text(encoding="utf-8")
    assert f"torch {PINNED_TORCH}" in home
    assert set(re.findall(r"torch[ =]+(\d+\.\d+\.\d+)", home)) == {PINNED_TORCH}


LOADED_LINKS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest"}


def remote_resources(soup: BeautifulSoup) -> list[str]:
    """The URLs on other hosts that a browser would fetch to show the page parsed in ``soup``."""
    urls = [tag.get("src", "") for tag in soup.find_all(["script", "img", "iframe", "audio", "video", "source"])]
    urls += [tag.get("href", "") for tag in soup.find_all("link") if LOADED_LINKS & set(tag.get("rel", []))]
    return [url for url in urls if urlsplit(url).netloc]


@declare(built_language_inputs)
@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_load_nothing_from_other_hosts(site, language):
    fail_with(
        [
            f"site/{path.relative_to(site).as_posix()} loads {url} from another host: serve it from the site (overrides/ or a hook)"
            for path in built_pages_of(language, site)
            for url in remote_resources(parsed(path))
        ]
    )


def test_the_remote_resource_check_can_fail():
    html = '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><link rel="canonical" href="https://x.org/">'
    assert remote_resources(BeautifulSoup(html, "html.parser")) == ["https://fonts.googleapis.com/css"]
