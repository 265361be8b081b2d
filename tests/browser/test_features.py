"""What a reader does with the site, checked in a real Chromium."""

import pytest

from resultcache.plugin import declare
from tests.browser.search_box import search
from tests.result_inputs import language_inputs, pages_read, searching


def switch_language(page, language: str) -> None:
    """Open the header's language selector and pick ``language``."""
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang={language}]")


@declare(pages_read("detach/", "en/detach/"))
def test_language_switcher_goes_to_the_same_page_and_back(page, base_url):
    page.goto(base_url + "detach/", wait_until="load")
    switch_language(page, "en")
    page.wait_for_url(base_url + "en/detach/")
    assert page.locator("html").get_attribute("lang") == "en"
    switch_language(page, "zh")
    page.wait_for_url(base_url + "detach/")
    assert page.locator("html").get_attribute("lang") == "zh"


@declare(language_inputs)
@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("", "计算图", "graph/"),
        ("en/", "detach", "en/detach/"),
    ],
)
def test_search_lists_the_right_page_first(page, base_url, path, query, expected):
    results = search(page, base_url, path, query)
    assert results[0] == base_url + expected


@declare(searching("zh"))
def test_search_finds_the_leaf_tensor_section(page, base_url):
    results = search(page, base_url, "", "叶子节点")
    assert base_url + "graph/#leaf-tensors" in results


@declare(pages_read("en/"))
def test_copy_button_copies_the_code_and_not_its_output(page, base_url):
    page.goto(base_url + "en/", wait_until="load")
    code = page.locator(".language-python code").first
    code.hover()
    page.locator(".language-python [data-md-type=copy]").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == code.inner_text().strip()
    assert "tensor(6.)" not in copied
    assert page.locator(".language-output [data-md-type=copy]").first.is_hidden()


@declare(pages_read("errors/"))
def test_every_code_block_has_its_copy_button_before_it_comes_into_view(page, base_url):
    page.goto(base_url + "errors/", wait_until="load")
    copyable = page.locator("[data-md-component=content] .language-python pre > code")
    buttons = page.locator("[data-md-component=content] .language-python pre > nav > [data-md-type=copy]")
    assert copyable.count() > 20 and buttons.count() == copyable.count()
    assert page.locator("[data-md-component=content] .no-copy:is(.language-output, .language-error) [data-md-type=copy]").count() == 0
    last = copyable.last
    assert last.evaluate("code => code.getBoundingClientRect().top > innerHeight")  # below the fold: not mounted yet
    buttons.last.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()").strip() == last.inner_text().strip()
    assert buttons.count() == copyable.count()  # mounting the block made no second button


@declare(pages_read("errors/"))
def test_an_overflowing_code_block_below_the_fold_is_focusable_before_it_comes_into_view(page, base_url):
    page.goto(base_url + "errors/", wait_until="load")
    blocks = page.evaluate(
        """() => [...document.querySelectorAll("pre > code")].map(code => ({
            overflows: code.scrollWidth > code.offsetWidth,
            below_the_fold: code.getBoundingClientRect().top > innerHeight,
            mounted: code.parentElement.id.startsWith("__code_"),
            focusable: code.getAttribute("tabindex") === "0",
        }))"""
    )
    waiting = [block for block in blocks if block["overflows"] and block["below_the_fold"] and not block["mounted"]]
    assert waiting, "the error gallery has no overflowing block left for Material to mount"
    assert all(block["focusable"] for block in waiting)
    assert not any(block["focusable"] for block in blocks if not block["overflows"])


@declare(pages_read("graph/", "detach/"))
def test_palette_toggle_switches_and_persists_across_pages(page, base_url):
    page.goto(base_url + "graph/", wait_until="load")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("label.md-header__button[for='__palette_1']").click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.goto(base_url + "detach/", wait_until="load")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


@declare(pages_read("graph/"))
def test_a_formula_renders(page, base_url):
    page.goto(base_url + "graph/", wait_until="load")
    formula = page.locator(".math math[display=block]").first
    assert formula.is_visible()
    box = formula.bounding_box()
    assert box["width"] > 100 and box["height"] > 20


@declare(pages_read("404.html"))
def test_a_missing_url_shows_the_sites_404_page(page, base_url):
    response = page.goto(base_url + "no/such/page/", wait_until="load")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "404 - Not found"
    assert page.locator(".md-header").is_visible()


@declare(pages_read("en/glossary/"))
@pytest.mark.parametrize("term", ["term-gradient-clipping", "term-view", "term-version-counter", "term-anomaly-detection"])
def test_a_link_to_a_glossary_term_below_tables_not_yet_laid_out_lands_on_the_term(page, base_url, term):
    page.goto(f"{base_url}en/glossary/#{term}", wait_until="load")
    page.wait_for_function("() => window.scrollY > 0")
    top = page.evaluate(f"() => new Promise(done => requestAnimationFrame(() => done(document.getElementById('{term}').getBoundingClientRect().top)))")
    header = page.evaluate("() => document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top < header + 40
