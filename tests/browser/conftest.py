"""Fixtures for the browser tests: the built site on loopback and one Chromium tab to read it.

Each test process starts one Chromium, opens one browser context and one tab in it, and every
browser test reads the site in that tab: a page load is the only work a test pays for. Between
tests the tab's record of its traffic starts afresh, the site's storage (the palette the reader
chose) is cleared and the tab is blank: each test starts from a blank tab with nothing stored.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.chromium import launch, require_chromium
from tests.browser.server import serve

VIEWPORT = {"width": 1280, "height": 900}
CLEAR_STORAGE = "() => { try { localStorage.clear(); sessionStorage.clear(); } catch (error) {} }"


@pytest.fixture(scope="session")
def base_url(site):
    """The built site, served on 127.0.0.1 for the whole run."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="package")
def browser():
    """One headless Chromium for the browser tests, closed when they are done.

    Playwright's sync API keeps an event loop running while it is open, which would stop
    later tests that use asyncio (the notebook kernels) from starting their own.
    """
    require_chromium()
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@dataclass
class Traffic:
    """What a page did on the network and in its console while a test looked at it."""

    host: str
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def record_request(self, request):
        if urlsplit(request.url).netloc != self.host and not request.url.startswith(("data:", "blob:")):
            self.foreign.append(request.url)

    def record_response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")


def recording_tab(context, host: str):
    """A new tab of ``context`` whose traffic (console errors, failed and foreign requests) goes to
    ``tab.traffic``; replace that attribute with a fresh :class:`Traffic` to start a new record."""
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.traffic = Traffic(host)
    tab.on("console", lambda message: message.type == "error" and tab.traffic.console_errors.append(message.text))
    tab.on("pageerror", lambda error: tab.traffic.console_errors.append(str(error)))
    tab.on("requestfailed", lambda request: tab.traffic.failed.append(f"{request.failure} {request.url}"))
    context.on("request", lambda request: tab.traffic.record_request(request))
    context.on("response", lambda response: tab.traffic.record_response(response))
    return tab


@pytest.fixture(scope="package")
def shared_context(browser, base_url):
    """The one browser context of this process's browser tests (clipboard allowed); its one tab in ``.tab``."""
    context = browser.new_context(viewport=VIEWPORT)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    context.tab = recording_tab(context, urlsplit(base_url).netloc)
    yield context
    context.close()


@pytest.fixture
def page(shared_context):
    """The shared tab, its traffic record fresh (``page.traffic``). After the test the site's storage
    is cleared, the reader's system preference is light again (Playwright's default) and the tab
    goes to about:blank, so that no request of this test's page ends up in the next test's record."""
    tab = shared_context.tab
    tab.traffic = Traffic(tab.traffic.host)
    yield tab
    tab.emulate_media(color_scheme="light")
    if tab.url.startswith("http"):
        tab.evaluate(CLEAR_STORAGE)
    tab.goto("about:blank")
