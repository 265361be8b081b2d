"""The accessibility sweep's two shortcuts hold.

tests/browser/test_every_page.py runs every axe rule in the light palette and, after switching
the palette on the same load, only the colour rules: switching the palette changes colours,
nothing else axe checks. Here, on the longest page, every rule runs in both palettes and every
result (passes and inapplicable rules included) is compared; ``python -m tests.browser.palette_rules``
does the same on every page.

Its ``color-contrast`` looks at one element of each contrast signature (tests/browser/contrast_samples.py):
here, on the longest page in both palettes, every element of a signature gets its sample's result,
as ``python -m tests.browser.contrast_proof`` measures on every page, and an element planted with
too little contrast in one palette, among thousands styled as it was, fails the sweep in that palette.
"""

from resultcache.plugin import declare
from tests.browser.axe import RESULT_TYPES, colour_rules, outcomes, run, violations_in_both_palettes
from tests.browser.contrast_samples import split_signatures
from tests.browser.palette import scheme, switch_palette
from tests.result_inputs import pages_read

LONGEST_PAGE = "errors/"
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


@declare(pages_read("404.html"))
def test_the_404_page_has_no_accessibility_violations(page, base_url):
    page.goto(base_url + "404.html")
    assert violations_in_both_palettes(page) == {"default": [], "slate": []}


@declare(pages_read("en/"))
def test_the_colour_rules_are_contrast_and_links_in_text(page, base_url):
    page.goto(base_url + "en/")
    assert sorted(colour_rules(page)) == COLOUR_RULES


@declare(pages_read(LONGEST_PAGE))
def test_on_the_longest_page_in_both_palettes_the_sweeps_two_shortcuts_miss_nothing(page, base_url):
    """Every rule on every element, in the light palette and then in the dark on the same load: no
    rule outside the colour rules changes its result with the palette, and every element gets the
    contrast result of its signature. One test, as both claims read the same two full audits
    (browser tests go out to workers one by one: pagecheck/workers.py)."""
    page.goto(base_url + LONGEST_PAGE)
    audited = {}
    for palette in ("light", "dark"):
        if palette == "dark":
            switch_palette(page)
        results = run(page, result_types=RESULT_TYPES)
        audited[scheme(page)] = (outcomes(results), split_signatures(page, results))
    (light, _), (dark, _) = audited["default"], audited["slate"]
    differ = {rule for rule in light.keys() | dark.keys() if light.get(rule) != dark.get(rule)}
    assert len(light) > 20
    assert differ - set(COLOUR_RULES) == set()
    assert {palette: split for palette, (_, split) in audited.items()} == {"default": {}, "slate": {}}


@declare(pages_read("graph/"))
def test_a_reader_who_prefers_dark_gets_the_dark_palette_at_load(page, base_url):
    page.emulate_media(color_scheme="dark")
    page.goto(base_url + "graph/")
    assert scheme(page) == "slate"


PLANTED = {  # elements each one of many styled alike: the last paragraph, a token of the last code block
    "paragraph": "[...document.querySelectorAll('article p')].at(-1)",
    "code token": "[...document.querySelectorAll('article pre code span.nb')].at(-1)",
}
FAINT = {"default": "#c8c8c8", "slate": "#404040"}  # 1.7:1 on white, 1.6:1 on slate; each passes in the other palette


@declare(pages_read(LONGEST_PAGE))
def test_an_element_too_faint_in_either_palette_fails_the_sweep_in_that_palette(page, base_url):
    page.goto(base_url + LONGEST_PAGE)
    planted = dict(zip(FAINT, PLANTED))  # the paragraph too faint in the light palette, the token in the dark
    for palette, element in planted.items():
        page.evaluate(f"colour => {{ {PLANTED[element]}.style.color = colour }}", FAINT[palette])
    found = violations_in_both_palettes(page)
    contrast = {palette: [line for line in lines if line.startswith("color-contrast: ")] for palette, lines in found.items()}
    assert list(found) == ["default", "slate"]  # Playwright's default preference, light, first
    for palette in FAINT:
        assert len(contrast[palette]) == 1 and f"foreground color: {FAINT[palette]}" in contrast[palette][0], found
