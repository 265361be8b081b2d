"""Fixtures for the browser tests: the built site on loopback and a Chromium to read it."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.chromium import launch, require_chromium
from tests.browser.server import serve


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


@pytest.fixture
def page(browser, base_url):
    """A fresh page (own storage, clipboard allowed) whose traffic is in ``page.traffic``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    traffic = Traffic(urlsplit(base_url).netloc)
    tab.on("console", lambda message: message.type == "error" and traffic.console_errors.append(message.text))
    tab.on("pageerror", lambda error: traffic.console_errors.append(str(error)))
    tab.on("requestfailed", lambda request: traffic.failed.append(f"{request.failure} {request.url}"))
    context.on("request", traffic.record_request)
    context.on("response", traffic.record_response)
    tab.traffic = traffic
    yield tab
    context.close()
