"""No WCAG 2 A/AA violation that axe-core finds, on any page, in either palette."""

import pytest

from resultcache.plugin import declare
from tests.browser.axe import summary, violations
from tests.docs import page_paths
from tests.result_inputs import page_audit_inputs

SCHEMES = {"light": "default", "dark": "slate"}  # the reader's system preference, and Material's palette for it


@declare(page_audit_inputs)
@pytest.mark.parametrize("path", [*page_paths(), "404.html"], ids=lambda path: path or "zh-home")
@pytest.mark.parametrize("preference", SCHEMES)
def test_page_has_no_accessibility_violations(page, base_url, preference, path):
    page.emulate_media(color_scheme=preference)
    page.goto(base_url + path)  # "load": the site is static; Material has set the palette by then
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[preference]
    assert summary(violations(page)) == []
