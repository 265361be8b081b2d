"""Search in the reader's language: each language's pages search that language's index only, a
message pasted from a traceback lists its error-gallery entry first, and a chapter's title, or a word
of it, lists the chapter first."""

import html
import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import pytest

from pagelint.site_structure import chapters
from tests.browser.search_box import search, search_again
from tests.docs import site_config
from tests.gallery import gallery_messages, quoted_messages
from tests.test_search_index import index
from resultcache.plugin import declare
from tests.result_inputs import language_inputs, searching

PREFIX = {"zh": "", "en": "en/"}

# In the page: Material's own search worker, set up with the index this page's search loads, as
# Material's script does, then asked every query in turn. For each query, the first result as
# Material shows it: its page, then the page's sections, best first.
FIRST_RESULTS = """async queries => {
  const config = JSON.parse(document.getElementById("__config").textContent)
  const index = await (await fetch(new URL(config.base + "/search/search_index.json", location.href))).json()
  const worker = new Worker(new URL(config.search, location.href))
  const reply = () => new Promise(resolve => worker.addEventListener("message", event => resolve(event.data), {once: true}))
  worker.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}})
  await reply()
  const first = []
  for (const query of queries) {
    worker.postMessage({type: 2, data: query})
    const [best] = (await reply()).data.items
    first.push(best ? [...best.filter(item => !item.location.includes("#")), ...best.filter(item => item.location.includes("#"))].map(item => item.location) : [])
  }
  worker.terminate()
  return first
}"""


def first_results(page, base_url: str, language: str, queries: list[str]) -> dict[str, list[str]]:
    """What Material's search lists first for each query on a page of ``language``: the page's
    location, then its sections', best first. One load of the language's home page, its lightest
    (every page of a language searches the same index); the queries go to Material's search worker,
    the code behind the search box, without typing them."""
    page.goto(base_url + PREFIX[language], wait_until="load")
    return dict(zip(queries, page.evaluate(FIRST_RESULTS, queries)))


@declare(language_inputs)
@pytest.mark.parametrize("language", PREFIX)
def test_every_message_the_gallery_quotes_lists_its_entry_first(page, base_url, language):
    quoted = quoted_messages(language)
    wrong = {}
    for message, first in first_results(page, base_url, language, list(quoted)).items():
        if first[:1] != ["errors/"] or len(first) < 2 or urlsplit(first[1]).fragment not in quoted[message]:
            wrong[message] = first[:3]
    assert len(gallery_messages(language)) >= 15
    assert len(quoted) > 3 * len(gallery_messages(language))
    assert wrong == {}


def title_words(title: str, separator: str) -> set[str]:
    """The words of a title as the index splits them, cut at punctuation, lower case."""
    return {word for part in re.split(separator, title.lower()) for word in re.split(r"[^\w']+", part) if word}


def chapter_queries(site, language: str) -> dict[str, str]:
    """Each chapter's title as a reader types it, and each word of it that begins no word of
    another title (the chapter's own sections, its exercise page, which repeats its title, and the
    gallery's entries aside), with the chapter's location."""
    search_index = index(site, language)
    separator = search_index["config"]["separator"]
    titles = {doc["location"]: html.unescape(re.sub(r"<[^>]+>", "", doc["title"])) for doc in search_index["docs"]}
    queries = {}
    for chapter in (f"{PurePosixPath(path).stem}/" for path in chapters(site_config())):
        others = set().union(
            *(
                title_words(title, separator)
                for location, title in titles.items()
                if location.split("#")[0] not in (chapter, f"exercises/{chapter}") and "#err-" not in location
            )
        )
        queries[titles[chapter].replace("\u200b", "")] = chapter
        for word in title_words(titles[chapter], separator):
            if not any(other.startswith(word) for other in others):
                queries[word] = chapter
    return queries


@declare(language_inputs)
@pytest.mark.parametrize("language", PREFIX)
def test_every_chapter_title_and_its_own_words_list_the_chapter_first(page, base_url, site, language):
    queries = chapter_queries(site, language)
    wrong = {
        query: first[:2]
        for query, first in first_results(page, base_url, language, list(queries)).items()
        if first[:1] != [queries[query]]
    }
    assert len(set(queries.values())) == len(chapters(site_config())) < len(queries)
    assert wrong == {}


@declare(searching("en"))
def test_the_search_box_lists_the_gallery_entry_for_a_pasted_message_first(page, base_url):
    results = search(page, base_url, "en/going-further/", "Inference tensors cannot be saved for backward")
    assert results[:2] == [base_url + "en/errors/", base_url + "en/errors/#err-inference-saved"]


@declare(language_inputs)
@pytest.mark.parametrize(
    ("path", "query"),
    [("", "detach"), ("graph/", "backward"), ("en/", "detach"), ("en/graph/", "backward"), ("en/", "grad_fn")],
)
def test_search_lists_only_pages_of_the_readers_language(page, base_url, path, query):
    results = search(page, base_url, path, query)
    in_english = [url.startswith(base_url + "en/") for url in results]
    assert in_english == [path.startswith("en/")] * len(results), results


@declare(language_inputs)
@pytest.mark.parametrize("language", PREFIX)
def test_a_page_fetches_its_search_index_when_the_reader_opens_search_and_not_before(page, base_url, language):
    index = base_url + PREFIX[language] + "search/search_index.json"
    requested = []

    def record(request):
        requested.append(request.url)

    page.on("request", record)
    try:
        page.goto(base_url + PREFIX[language] + "detach/", wait_until="networkidle")
        assert index not in requested
        with page.expect_response(index) as response:
            page.keyboard.press("/")  # Material's shortcut: it focuses the search box
    finally:
        page.remove_listener("request", record)
    assert response.value.status == 200
    assert search_again(page, "detach")[0].startswith(base_url + PREFIX[language])
