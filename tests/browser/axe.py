"""axe-core, the standard accessibility engine, run inside a page of the site.

axe.min.js comes from the axe-playwright-python package (pinned in requirements.txt), so the
test needs no network; only the script is used, run with the WCAG 2 A and AA rules.
"""

from importlib.resources import files

AXE = files("axe_playwright_python") / "axe.min.js"
WCAG2_AA = ["wcag2a", "wcag2aa"]


def violations(page) -> list[dict]:
    """The WCAG 2 A/AA violations axe finds on the page open in ``page``, each with its nodes."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG2_AA,
    )
    return result["violations"]


def summary(found: list[dict]) -> list[str]:
    """One line per offending element: the rule, the element and axe's reason."""
    return [
        f"{violation['id']}: {node['target'][0]} — {node.get('failureSummary', '').splitlines()[-1].strip()}"
        for violation in found
        for node in violation["nodes"]
    ]
