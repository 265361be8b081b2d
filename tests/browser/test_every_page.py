"""Every page of the built site, in both languages, loads cleanly, talks only to its own host and
has no accessibility violation axe-core finds, in either palette.

Each page is loaded once. axe runs every rule in the light palette as soon as the page has loaded
(``color-contrast`` on one element of each contrast signature: tests/browser/contrast_samples.py);
the palette is then switched on the same load and only the rules whose result depends on colours
run again (tests/browser/axe.py; tests/browser/test_accessibility.py shows no other rule can
differ). The page's traffic is read once the network has been idle for half a second, so that
whatever it requests after loading is in the record too.
"""

import pytest

from resultcache.plugin import declare
from tests.browser.axe import violations_in_both_palettes
from tests.docs import page_paths
from tests.result_inputs import page_audit_inputs


@declare(page_audit_inputs)
@pytest.mark.parametrize("path", page_paths(), ids=lambda path: path or "zh-home")
def test_page_loads_cleanly_and_passes_axe_in_both_palettes(page, base_url, path):
    response = page.goto(base_url + path, wait_until="load")
    assert response.status == 200
    assert violations_in_both_palettes(page) == {"default": [], "slate": []}  # light first: Playwright's default preference
    page.wait_for_load_state("networkidle")  # what the page requested after it loaded is in the record
    assert page.traffic.console_errors == []
    assert page.traffic.failed == []
    assert page.traffic.foreign == []
