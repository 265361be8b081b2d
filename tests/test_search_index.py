"""The built site has one search index per language, and each language's pages load their own."""

import json
import posixpath
import re

import pytest

from tests.docs import LANGUAGES, page_paths
from tests.gallery import gallery_messages, printed

INDEX = {"zh": "search/search_index.json", "en": "en/search/search_index.json"}
ROOT = {"zh": "", "en": "en/"}


def index(site, language: str) -> dict:
    """The search index the pages of ``language`` load."""
    return json.loads((site / INDEX[language]).read_text(encoding="utf-8"))


def config_base(html: str) -> str:
    """The ``base`` of Material's configuration on a page: where its search index is looked up."""
    settings = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(settings.group(1))["base"]


@pytest.mark.parametrize("path", page_paths(), ids=lambda path: path or "zh-home")
def test_each_page_looks_up_the_index_of_its_own_language(site, path):
    language = "en" if path.startswith("en/") else "zh"
    base = config_base((site / path / "index.html").read_text(encoding="utf-8"))
    assert posixpath.normpath(posixpath.join(path, base)) == posixpath.normpath(ROOT[language] or ".")
    assert (site / path / base / "search/search_index.json").resolve() == (site / INDEX[language]).resolve()


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_index_holds_every_page_of_its_language_and_no_other(site, language):
    locations = {doc["location"] for doc in index(site, language)["docs"]}
    pages = {path.removeprefix(ROOT[language]) for path in page_paths() if (path.startswith("en/")) == (language == "en")}
    assert {location for location in locations if "#" not in location} == pages


def test_chinese_text_is_indexed_word_by_word(site):
    """jieba's segmentation (Material marks word boundaries with U+200B) survives the split."""
    home = next(doc for doc in index(site, "zh")["docs"] if doc["location"] == "")
    assert "\u200b计算\u200b" in home["text"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_gallery_entry_carries_the_words_of_its_messages_weighed_as_a_pages_title(site, language):
    search_index = index(site, language)
    fields = search_index["config"]["fields"]
    assert search_index["config"]["pipeline"] == []
    assert fields["message"]["boost"] == fields["title"]["boost"] * (1 + 2**2) / (1 + 1**2)
    assert all("boost" not in doc for doc in search_index["docs"] if doc["location"].startswith("errors/"))
    carried = {doc["location"].split("#")[1]: set(doc["message"].split()) for doc in search_index["docs"] if "message" in doc}
    assert set(carried) == set(gallery_messages(language))
    for anchor, messages in printed(language).items():
        words = {word for message in messages for word in re.split(r"[^\w']+", message.lower()) if word}
        assert words <= carried.get(anchor, set()), anchor


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_carries_the_gallery_words_its_title_begins_weighed_as_a_title(site, language):
    """A page matches, for each word of its title, every word of the gallery's messages an entry
    can match for it (hooks/search_languages.py); exercise pages weigh half, after their chapter."""
    search_index = index(site, language)
    assert search_index["config"]["fields"]["title_words"] == search_index["config"]["fields"]["title"]
    gallery = set().union(*(doc["message"].split() for doc in search_index["docs"] if "message" in doc))
    pages = [doc for doc in search_index["docs"] if "#" not in doc["location"]]
    assert {doc["location"] for doc in search_index["docs"] if "title_words" in doc} == {doc["location"] for doc in pages}
    for doc in pages:
        title = re.sub(r"<[^>]+>", "", doc["title"]).lower()
        starts = {word for word in re.split(r"[^\w']+", title) if word}
        assert set(doc["title_words"].split()) == {word for word in gallery if any(word.startswith(start) for start in starts)}, doc["location"]
        if doc["location"].startswith("exercises/"):
            assert doc["boost"] == 0.5, doc["location"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_entry_matches_every_word_of_the_gallerys_messages_its_own_words_begin(site, language):
    """Whatever word of another entry's message a pasted word is the start of, the entry the
    message came from has it too (hooks/search_languages.py)."""
    carried = [set(doc["message"].split()) for doc in index(site, language)["docs"] if "message" in doc]
    gallery = set().union(*carried)
    for words in carried:
        assert {word for word in gallery if any(word.startswith(start) for start in words)} == words
