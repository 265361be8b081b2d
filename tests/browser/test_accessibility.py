"""The accessibility sweep's shortcut holds: switching the palette changes colours, nothing else axe checks.

tests/browser/test_every_page.py runs every axe rule in the light palette and, after switching
the palette on the same load, only the colour rules. Here, on the longest page, every rule runs
in both palettes and every result (passes and inapplicable rules included) is compared;
``python -m tests.browser.palette_rules`` does the same on every page.
"""

from resultcache.plugin import declare
from tests.browser.axe import RESULT_TYPES, colour_rules, outcomes, run, violations_in_both_palettes
from tests.browser.palette import scheme, switch_palette
from tests.result_inputs import pages_read

LONGEST_PAGE = "errors/"


@declare(pages_read("404.html"))
def test_the_404_page_has_no_accessibility_violations(page, base_url):
    page.goto(base_url + "404.html")
    assert violations_in_both_palettes(page) == {"default": [], "slate": []}


@declare(pages_read("en/"))
def test_the_colour_rules_are_contrast_and_links_in_text(page, base_url):
    page.goto(base_url + "en/")
    assert sorted(colour_rules(page)) == ["color-contrast", "link-in-text-block"]


@declare(pages_read(LONGEST_PAGE))
def test_switching_the_palette_changes_no_other_rules_result(page, base_url):
    page.goto(base_url + LONGEST_PAGE)
    light = outcomes(run(page, result_types=RESULT_TYPES))
    assert switch_palette(page) == "slate"
    dark = outcomes(run(page, result_types=RESULT_TYPES))
    differ = {rule for rule in light.keys() | dark.keys() if light.get(rule) != dark.get(rule)}
    assert len(light) > 20
    assert differ - set(colour_rules(page)) == set()


@declare(pages_read("graph/"))
def test_a_reader_who_prefers_dark_gets_the_dark_palette_at_load(page, base_url):
    page.emulate_media(color_scheme="dark")
    page.goto(base_url + "graph/")
    assert scheme(page) == "slate"
