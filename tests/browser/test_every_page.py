"""Every page of the built site, in both languages, loads cleanly and talks only to its own host."""

import pytest

from resultcache.plugin import declare
from tests.docs import page_paths
from tests.result_inputs import page_load_inputs


@declare(page_load_inputs)
@pytest.mark.parametrize("path", page_paths(), ids=lambda path: path or "zh-home")
def test_page_loads_without_errors_or_foreign_requests(page, base_url, path):
    response = page.goto(base_url + path, wait_until="networkidle")
    assert response.status == 200
    assert page.traffic.console_errors == []
    assert page.traffic.failed == []
    assert page.traffic.foreign == []

