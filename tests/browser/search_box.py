"""Material's search box, driven as a reader does: type a query, read the results' URLs."""

from urllib.parse import urlsplit, urlunsplit

SEARCH_INPUT = "input.md-search__input"
RESULT_LINKS = ".md-search-result__item a.md-search-result__link"


def search(page, base_url: str, path: str, query: str) -> list[str]:
    """Type ``query`` into the search box of ``path``; return the results' URLs, highlighting dropped."""
    page.goto(base_url + path, wait_until="load")
    page.click(SEARCH_INPUT)
    return search_again(page, query)


def search_again(page, query: str) -> list[str]:
    """Replace what the open search box holds with ``query``; return the results' URLs as ``search`` does."""
    page.fill(SEARCH_INPUT, "")
    page.keyboard.press("End")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 0")
    page.fill(SEARCH_INPUT, query)
    page.keyboard.press("End")  # a key event makes Material read the whole query
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item a').length > 0"
        " && /\\d/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    links = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(link => link.href)")
    return [urlunsplit(urlsplit(link)._replace(query="")) for link in links]
