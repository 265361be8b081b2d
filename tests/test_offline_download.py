"""The home pages offer the site zipped to read from disk, and ``make offline`` makes that zip."""

import re
import zipfile

import pytest
from bs4 import BeautifulSoup

from tests.builtsite import resolve
from tests.docs import LANGUAGES, ROOT, site_config

DOWNLOAD = site_config()["extra"]["offline_download"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_home_page_links_to_the_offline_copy(site, language):
    home = site / ("index.html" if language == "zh" else f"{language}/index.html")
    links = [a["href"] for a in BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser").find_all("a", href=True)]
    assert [href for href in links if resolve(site, home, href)[0] == site / DOWNLOAD]


def test_the_download_holds_the_offline_copy_with_both_search_indexes(site):
    names = set(zipfile.ZipFile(site / DOWNLOAD).namelist())
    for name in ("index.html", "graph.html", "en/graph.html", "search/search_index.js", "en/search/search_index.js"):
        assert f"autograd-guide/{name}" in names


def test_make_offline_writes_the_zip_the_home_pages_link_to():
    recipe = re.search(r"^offline:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M).group(1)
    assert "OFFLINE=true" in recipe
    assert f"site/{DOWNLOAD} " in recipe
