"""Every page's first load (HTML + the CSS and JS it references, search index aside) stays small."""

from tests.builtsite import first_load_bytes, html_pages

BUDGET = 400 * 1024


def test_every_page_loads_within_the_budget(site, capsys):
    weights = {str(page.relative_to(site)): first_load_bytes(site, page) for page in html_pages(site)}
    heaviest = max(weights, key=weights.get)
    with capsys.disabled():
        print(f"\nheaviest first load: {heaviest}, {weights[heaviest] / 1024:.0f} KB of {BUDGET // 1024} KB")
    assert {page: weight for page, weight in weights.items() if weight > BUDGET} == {}
