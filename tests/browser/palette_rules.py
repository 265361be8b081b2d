"""Which axe rules give a different result in the dark palette than in the light one, on every page.

The accessibility sweep (tests/browser/test_every_page.py) runs only the colour rules again after
switching the palette. This measures, once over every page of a built site, that no other rule's
result differs: every rule runs in both palettes on one load, and every result type (violations,
incomplete, passes, inapplicable, with the elements each names) is compared. It also times the
in-page axe runs: every rule against the colour rules alone.

``python -m tests.browser.palette_rules [SITE]`` (a fresh build without one) prints one line per
page and exits non-zero when a rule outside the colour rules differs.
"""

import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.axe import RESULT_TYPES, colour_rules, load_axe, outcomes, run
from tests.browser.chromium import launch
from tests.browser.conftest import VIEWPORT
from tests.browser.measurement import measure_site
from tests.browser.palette import switch_palette
from tests.browser.server import serve
from tests.docs import page_paths


def differing_rules(page) -> tuple[set[str], float, float]:
    """The rules whose results differ between the palettes on the page open in ``page``, and the
    seconds an every-rule run and a colour-rules run took in the light palette."""
    load_axe(page)
    colour = colour_rules(page)
    start = time.perf_counter()
    light = outcomes(run(page, result_types=RESULT_TYPES))
    every_rule = time.perf_counter() - start
    start = time.perf_counter()
    run(page, colour)
    colour_only = time.perf_counter() - start
    switch_palette(page)
    dark = outcomes(run(page, result_types=RESULT_TYPES))
    return {rule for rule in light.keys() | dark.keys() if light.get(rule) != dark.get(rule)}, every_rule, colour_only


def compare(site: Path) -> bool:
    """Print, for every page of ``site``, the rules that differ between palettes; True if only colour rules do."""
    outside = False
    totals = [0.0, 0.0]
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = launch(playwright)
        for path in [*page_paths(), "404.html"]:
            context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
            page.goto(base_url + path, wait_until="networkidle")
            differ, every_rule, colour_only = differing_rules(page)
            other = differ - set(colour_rules(page))
            outside |= bool(other)
            totals[0] += every_rule
            totals[1] += colour_only
            print(f"{path or '(home)':<28} differ: {sorted(differ) or '-'}  outside the colour rules: {sorted(other) or 'none'}")
            context.close()
        browser.close()
    print(f"axe in the page, all pages: every rule {totals[0]:.1f} s, the colour rules alone {totals[1]:.1f} s (wall, light palette)")
    return not outside


def main() -> None:
    """Compare the palettes on the site given as argument, or on a fresh build."""
    measure_site(compare, "only the colour rules differ", "a rule outside the colour rules differs")


if __name__ == "__main__":
    main()
