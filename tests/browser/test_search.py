"""Search in the reader's language: each language's pages search that language's index only."""

from urllib.parse import urlsplit

import pytest

from resultcache.plugin import declare
from tests.browser.search_box import search, search_again
from tests.gallery import gallery_messages
from tests.result_inputs import built_site_inputs

pytestmark = declare(built_site_inputs)

PREFIX = {"zh": "", "en": "en/"}
BEST_PAGE = ".md-search-result__item:first-child a.md-search-result__link"  # the page, then its sections, best first


def best_page_and_sections(page) -> list[str]:
    """The URLs of the first result: the best page, then its sections, best first."""
    return [urlsplit(url)._replace(query="").geturl() for url in page.eval_on_selector_all(BEST_PAGE, "links => links.map(link => link.href)")]


@pytest.mark.parametrize("language", PREFIX)
def test_a_pasted_error_message_lists_its_gallery_entry_first(page, base_url, language):
    messages = gallery_messages(language)
    gallery = base_url + PREFIX[language] + "errors/"
    search(page, base_url, PREFIX[language] + "graph/", "backward")
    wrong = {}
    for anchor, message in messages.items():
        search_again(page, message)
        best = best_page_and_sections(page)
        sections = [url for url in best if urlsplit(url).fragment]
        entries = {f"{gallery}#{other}" for other, printed in messages.items() if printed == message}
        if best[0] != gallery or sections[0] not in entries:
            wrong[anchor] = best[:3]
    assert len(messages) >= 15
    assert wrong == {}


@pytest.mark.parametrize(
    ("path", "query"),
    [("", "detach"), ("graph/", "backward"), ("en/", "detach"), ("en/graph/", "backward"), ("en/", "grad_fn")],
)
def test_search_lists_only_pages_of_the_readers_language(page, base_url, path, query):
    results = search(page, base_url, path, query)
    in_english = [url.startswith(base_url + "en/") for url in results]
    assert in_english == [path.startswith("en/")] * len(results), results
