"""The offline copy of the site, opened from disk (file://): pages, navigation and search work."""

from urllib.parse import urlsplit

import pytest

from resultcache.plugin import declare
from tests.browser.conftest import VIEWPORT, Traffic, recording_tab
from tests.browser.search_box import SEARCH_INPUT, search_again
from tests.result_inputs import offline_inputs

pytestmark = declare(offline_inputs)


@pytest.fixture(scope="package")
def disk_context(browser):
    """A browser context for files of the offline copy, with one tab; its traffic in ``.tab.traffic``."""
    context = browser.new_context(viewport=VIEWPORT)
    context.tab = recording_tab(context, host="")  # file:// URLs have no host: anything with one went out
    yield context
    context.close()


@pytest.fixture
def disk_page(disk_context, offline_site):
    """The offline copy's tab, its traffic record fresh; blank again after the test."""
    tab = disk_context.tab
    tab.traffic = Traffic(host="")
    yield tab
    tab.goto("about:blank")


def open_from_disk(page, site, path: str) -> None:
    """Open ``path`` of the offline copy in ``page`` through a file:// URL."""
    page.goto((site / path).as_uri(), wait_until="load")
    assert page.locator("h1").first.is_visible()


def test_a_page_opens_from_disk_and_links_to_the_next(disk_page, offline_site):
    open_from_disk(disk_page, offline_site, "index.html")
    disk_page.locator(".md-content a[href='graph.html']").first.click()
    disk_page.wait_for_url((offline_site / "graph.html").as_uri())
    assert disk_page.locator("h1").first.is_visible()
    assert disk_page.traffic.foreign == []
    assert disk_page.traffic.console_errors == []


@pytest.mark.parametrize(("path", "query"), [("graph.html", "计算图"), ("en/graph.html", "detach")])
def test_search_works_from_disk_in_the_pages_language(disk_page, offline_site, path, query):
    open_from_disk(disk_page, offline_site, path)
    disk_page.click(SEARCH_INPUT)
    results = search_again(disk_page, query)
    english = (offline_site / "en").as_uri() + "/"
    assert results, query
    assert [url.startswith(english) for url in results] == [path.startswith("en/")] * len(results), results
    assert all(urlsplit(url).path.endswith(".html") for url in results), results
    assert disk_page.traffic.foreign == []
