"""The site builds strictly, mirrors its languages and keeps its promises on the home page."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.docs import DOCS, LANGUAGES, ROOT, notebooks, pages, site_config

PINNED_TORCH = re.search(r"^torch==(\S+)", (ROOT / "requirements.txt").read_text(), re.M).group(1)


def test_every_page_is_built_in_both_languages(site):
    for page in pages("zh"):
        html = page.with_suffix("") / "index.html" if page.stem != "index" else page.with_suffix(".html")
        assert (site / html).is_file(), html
        assert (site / "en" / html).is_file(), html


def test_languages_mirror_each_other_file_for_file():
    zh = sorted(path.relative_to(DOCS / "zh") for path in (DOCS / "zh").rglob("*") if path.is_file())
    en = sorted(path.relative_to(DOCS / "en") for path in (DOCS / "en").rglob("*") if path.is_file())
    assert zh == en


def nav_paths(entries: list) -> list[str]:
    """Every file the nav names, those inside sections included."""
    paths = []
    for entry in entries:
        target = next(iter(entry.values()))
        paths += nav_paths(target) if isinstance(target, list) else [str(target)]
    return paths


def test_every_page_is_in_the_nav():
    in_nav = sorted(nav_paths(site_config()["nav"]))
    assert in_nav == sorted(str(page) for page in pages("zh") + notebooks("zh"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_names_the_pinned_torch(language):
    home = (DOCS / language / "index.md").read_text(encoding="utf-8")
    assert f"torch {PINNED_TORCH}" in home
    assert set(re.findall(r"torch[ =]+(\d+\.\d+\.\d+)", home)) == {PINNED_TORCH}


LOADED_LINKS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest"}


def remote_resources(html: str) -> list[str]:
    """The URLs on other hosts that a browser would fetch to show ``html``."""
    soup = BeautifulSoup(html, "html.parser")
    urls = [tag.get("src", "") for tag in soup.find_all(["script", "img", "iframe", "audio", "video", "source"])]
    urls += [tag.get("href", "") for tag in soup.find_all("link") if LOADED_LINKS & set(tag.get("rel", []))]
    return [url for url in urls if urlsplit(url).netloc]


def test_pages_load_nothing_from_other_hosts(site):
    offenders = {
        str(path.relative_to(site)): remote
        for path in site.rglob("*.html")
        if (remote := remote_resources(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_remote_resource_check_can_fail():
    html = '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><link rel="canonical" href="https://x.org/">'
    assert remote_resources(html) == ["https://fonts.googleapis.com/css"]
