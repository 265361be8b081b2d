"""axe-core, the standard accessibility engine, run inside a page of the site.

axe.min.js comes from the axe-playwright-python package (pinned in requirements.txt), so the
test needs no network; only the script is used, run with the WCAG 2 A and AA rules and
``aria-dialog-name`` (a best practice Lighthouse checks: every dialog has a name).

``color-contrast``, three quarters of an audit's time, looks at one element of each contrast
signature rather than at every element that holds text (tests/browser/contrast_samples.py).

A page is audited in both palettes on one load. Switching the palette changes colours only, so
in the second palette only the rules whose result depends on colours run again: the rules axe
itself files under ``cat.color`` (of those run, ``color-contrast`` and ``link-in-text-block``).
tests/browser/test_accessibility.py and :mod:`tests.browser.palette_rules` show that no other
rule's result differs between the palettes.
"""

import functools
from importlib.resources import files

from tests.browser.contrast_samples import CONTRAST, sampled_violations
from tests.browser.palette import scheme, switch_palette

AXE = files("axe_playwright_python") / "axe.min.js"
WCAG2_AA = ["wcag2a", "wcag2aa"]
EXTRA_RULES = ["aria-dialog-name"]
RESULT_TYPES = ("violations", "incomplete", "passes", "inapplicable")


@functools.cache
def axe_script() -> str:
    """axe.min.js, read once per process."""
    return AXE.read_text(encoding="utf-8")


# What is off screen is laid out only when it comes near (content-visibility in pages.css), and axe
# cannot tell the colours of what is not laid out (it reports them "incomplete", which no test
# reads): the audit lays out the whole page first, as a reader's scrolling does, part by part.
# Material eases colours from one palette to the other (CSS transitions of up to a quarter of a
# second), and axe would read them half way: in the audit, colours change at once, to where the
# reader's screen settles.
LAID_OUT = "* { content-visibility: visible !important; transition: none !important; }"


def load_axe(page) -> None:
    """Put axe into the page open in ``page``, once per load, with all of the page laid out and no colour easing."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_style_tag(content=LAID_OUT)
        page.add_script_tag(content=axe_script())


def run(page, rules: list[str] | None = None, result_types: tuple[str, ...] = ("violations",), without: tuple[str, ...] = ()) -> dict:
    """axe's results for the page open in ``page``: every rule the site is held to, or only ``rules``;
    never the rules in ``without``.

    Only the ``result_types`` asked for carry all their nodes (axe keeps one of each other type's).
    """
    load_axe(page)
    if rules is None:
        enabled = {rule: {"enabled": True} for rule in EXTRA_RULES}
        selection = {"runOnly": {"type": "tag", "values": WCAG2_AA}, "rules": {**enabled, **{rule: {"enabled": False} for rule in without}}}
    else:
        selection = {"runOnly": {"type": "rule", "values": [rule for rule in rules if rule not in without]}}
    return page.evaluate("options => axe.run(document, options)", {**selection, "resultTypes": list(result_types)})


def violations(page, rules: list[str] | None = None) -> list[dict]:
    """The violations axe finds on the page open in ``page``, each with its nodes (every rule, or only
    ``rules``); ``color-contrast`` looks at a sample of each contrast signature (:mod:`.contrast_samples`)."""
    found = run(page, rules, without=(CONTRAST,))["violations"] if rules != [CONTRAST] else []
    return found + (sampled_violations(page) if rules is None or CONTRAST in rules else [])


def colour_rules(page) -> list[str]:
    """The rules the site is held to whose result depends on colours: those axe files under ``cat.color``."""
    load_axe(page)
    return page.evaluate(
        "([tags, extra]) => axe.getRules(['cat.color'])"
        ".filter(rule => rule.tags.some(tag => tags.includes(tag)) || extra.includes(rule.ruleId))"
        ".map(rule => rule.ruleId)",
        [WCAG2_AA, EXTRA_RULES],
    )


def violations_in_both_palettes(page) -> dict[str, list[str]]:
    """The violations on the page open in ``page`` in its palette (every rule) and, after switching the
    palette on the same load, in the other (the colour rules): :func:`summary` lines by palette."""
    found = {scheme(page): summary(violations(page))}
    other = switch_palette(page)  # first: in ``found[switch_palette(page)] = ...`` Python would audit before switching
    found[other] = summary(violations(page, colour_rules(page)))
    return found


def outcomes(results: dict) -> dict[str, dict[str, list[str]]]:
    """Each rule's outcome in ``results`` (of :func:`run` with every result type): for each result
    type it has (a rule can pass on some elements and fail on others), the elements, sorted."""
    found: dict[str, dict[str, list[str]]] = {}
    for kind in RESULT_TYPES:
        for rule in results[kind]:
            found.setdefault(rule["id"], {})[kind] = sorted(str(node["target"]) for node in rule["nodes"])
    return found


def summary(found: list[dict]) -> list[str]:
    """One line per offending element: the rule, the element and axe's reason."""
    return [
        f"{violation['id']}: {node['target'][0]} — {node.get('failureSummary', '').splitlines()[-1].strip()}"
        for violation in found
        for node in violation["nodes"]
    ]
