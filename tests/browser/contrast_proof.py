"""Measure that a contrast signature holds everything axe's ``color-contrast`` result depends on.

On every page of a built site, in both palettes, ``color-contrast`` runs on every element and its
results are grouped by the elements' signatures (tests/browser/contrast_samples.py): a signature
whose elements axe passes and fails alike, or an element axe judged that has no signature, would
let the sweep's samples miss a violation. It also times the sampled audit against the full one.

``python -m tests.browser.contrast_proof [SITE]`` (a fresh build without one) prints one line per
page and palette, and exits non-zero when a signature is split.
"""

import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.axe import RESULT_TYPES, load_axe, run
from tests.browser.chromium import launch
from tests.browser.conftest import VIEWPORT
from tests.browser.contrast_samples import CONTRAST, mark, sampled_violations, split_signatures, unmark
from tests.browser.measurement import measure_site
from tests.browser.palette import scheme, switch_palette
from tests.browser.server import serve
from tests.docs import page_paths


def compare(site: Path) -> bool:
    """Print, for every page of ``site`` in both palettes, the signatures whose elements axe judges
    differently, and the time of the sampled audit against the full one; True if there are none."""
    split = False
    every, sampled = 0.0, 0.0
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        for path in [*page_paths(), "404.html"]:
            page.goto(base_url + path, wait_until="load")
            load_axe(page)
            for _ in range(2):
                start = time.perf_counter()
                differ = split_signatures(page, run(page, [CONTRAST], RESULT_TYPES))
                every += time.perf_counter() - start
                start = time.perf_counter()
                sampled_violations(page)
                sampled += time.perf_counter() - start
                signatures = mark(page)
                unmark(page)
                split |= bool(differ)
                print(f"{path or '(home)':<28} {scheme(page):<8} {signatures:3} signatures, split: {differ or 'none'}")
                switch_palette(page)
        browser.close()
    print(f"color-contrast on every page, both palettes: every element {every:.1f} s, the samples {sampled:.1f} s (wall)")
    return not split


def main() -> None:
    """Compare on the site given as argument, or on a fresh build."""
    measure_site(compare, "every signature's elements get one result", "a signature's elements get different results")


if __name__ == "__main__":
    main()
