"""MkDocs hook: one search index per language, each language's pages searching their own.

Material's search plugin writes one index of every page, both languages mixed, and its script
loads it from ``<base>/search/search_index.json``, ``base`` being the site's root as written in
each page's ``<script id="__config">`` (mkdocs-static-i18n#271: upstream cannot split it). Here
the index is split after the build: the default language's at ``search/search_index.json``,
every other language's at ``<language>/search/search_index.json`` with its locations made
relative to the language's root, and the ``base`` of that language's pages pointed at that
root, so a reader searching from a Chinese page gets Chinese pages and one on an English page
English ones.

Pasting an error message into search should list the error gallery's entry on it first. Material
adds a wildcard to every query word and Lunr does not stem a wildcard word, so with the stemmer on,
``implicitly*`` never met the indexed ``implicit``: mkdocs.yml turns the search pipeline off. Lunr
then adds up, field by field, a weight for every indexed word each query word is the start of,
without length normalisation (Material sets its ``b`` to 0). Two things follow, and
:func:`with_messages` answers both with a field of its own, ``message``, on each gallery entry
(anchor ``#err-``), which Material indexes (every field the index's configuration lists) but never
shows:

- A section or page can be titled with a message's words ("Modified by an inplace operation"), and
  a title's words weigh most. The ``message`` field weighs its words as a title does, and holds
  every word of every message the entry prints, so the entry outweighs a title that shares only
  some of them.
- The short words of a pasted message (``a*``, ``in*``, ``to*``) are the start of many words of
  other, longer messages (``attribute``, ``inference``, ``torch``): they would lift the entry with
  the longest message. So each entry's field also holds every word of the gallery's messages that
  one of its own words is the start of: whatever another entry matches, the entry the message
  came from matches too, whatever the messages' lengths.

Words are cut at punctuation in the field (``autograd.grad()`` gives ``autograd`` and ``grad``), so
a word such as ``autograd`` is one word there however many calls it is part of. The message also
follows the entry's short heading in its title, where a reader who pasted it sees it in the
result, and where its own words, taken as printed, set the entry apart from the others a little
more. No entry weighs more or less than any other page: nothing depends on a message's length.

Lunr adds up words, one query word at a time, so no weighting lets a pasted message find its
entry and keeps every other query away from the gallery: a single word that a message holds, such
as ``detach``, or a sentence of short common words, such as a chapter's title ("detach: taking a
tensor out of the graph"), may list a gallery entry before the chapter. That is the price of every
message the gallery quotes listing its entry first (tests/browser/test_search.py pastes them all).

The offline build (Material's ``offline`` plugin) reads ``search_index.js``: each language gets
one beside its JSON.
"""

import html
import json
import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority

INDEX = "search/search_index.json"
SCRIPT = "search/search_index.js"
_GALLERY_ENTRY = "#err-"
_MESSAGE = re.compile(r"^\w+(?:Error|Warning): .+$", re.M)
_NOT_WORD = re.compile(r"[^\w']+")
_TAG = re.compile(r"<[^>]+>")
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(?P<json>.*?)(</script>)', re.DOTALL)


def language_of(location: str, languages: list[str], default: str) -> str:
    """The language of an index entry, read from its location (``en/detach/`` is ``en``)."""
    first = location.split("/", 1)[0]
    return first if first in languages and first != default else default


def split_index(index: dict, languages: list[str], default: str) -> dict[str, dict]:
    """``index`` cut into one index per language, locations relative to the language's root."""
    parts = {language: {**index, "docs": []} for language in languages}
    for doc in index["docs"]:
        language = language_of(doc["location"], languages, default)
        location = doc["location"] if language == default else doc["location"].removeprefix(f"{language}/")
        parts[language]["docs"].append({**doc, "location": location})
    return parts


def printed_messages(doc: dict) -> list[str]:
    """The torch messages a gallery entry's index entry quotes and prints, in order; none for any other entry."""
    if _GALLERY_ENTRY not in doc["location"]:
        return []
    return _MESSAGE.findall(html.unescape(_TAG.sub("\n", doc["text"])))


def message_words(messages: list[str]) -> set[str]:
    """The words of ``messages``, lower case, cut at punctuation (``can't`` stays whole)."""
    return {word for message in messages for word in _NOT_WORD.split(message.lower()) if word}


def with_messages(index: dict) -> dict:
    """``index`` with a ``message`` field on each error-gallery entry that prints a message,
    weighed as a title: the words of its messages, and every word of the gallery's messages
    that one of them is the start of. The entry's title also gets its message after its short
    heading: the first one it names (the quote under its heading), taken whole."""
    printed = {doc["location"]: printed_messages(doc) for doc in index["docs"]}
    own = {location: message_words(messages) for location, messages in printed.items()}
    gallery = set().union(*own.values())
    docs = []
    for doc in index["docs"]:
        if found := printed[doc["location"]]:
            whole = next((message for message in found[1:] if message.startswith(found[0])), found[0])
            words = sorted(word for word in gallery if any(word.startswith(start) for start in own[doc["location"]]))
            doc = {**doc, "title": f"{doc['title']} · {whole}", "message": " ".join(words)}
        docs.append(doc)
    fields = index["config"]["fields"]
    return {**index, "config": {**index["config"], "fields": {**fields, "message": {**fields["title"]}}}, "docs": docs}


def index_path(language: str, default: str) -> str:
    """Where the index of ``language`` lies in the built site."""
    return INDEX if language == default else f"{language}/{INDEX}"


def _i18n(config) -> tuple[list[str], str]:
    i18n = config.plugins["i18n"]
    return list(i18n.build_languages), i18n.default_language


def on_post_page(output: str, page, config) -> str:
    """Point ``base`` in the page's Material configuration at the root of the page's language."""
    languages, default = _i18n(config)
    language = getattr(page.file, "locale", default)
    if language == default:
        return output
    root = posixpath.relpath(language, posixpath.dirname(page.file.dest_uri) or ".")

    def rebase(match: re.Match) -> str:
        settings = json.loads(match["json"])
        settings["base"] = root
        return match.group(1) + json.dumps(settings).replace("</", "<\\/") + match.group(3)

    return _CONFIG.sub(rebase, output, count=1)


@event_priority(-110)  # after the search plugin wrote the index and Material's offline plugin inlined it
def on_post_build(config) -> None:
    """Write one search index per language where that language's pages look for it."""
    site = Path(config.site_dir)
    if not (site / INDEX).is_file():
        return
    languages, default = _i18n(config)
    index = with_messages(json.loads((site / INDEX).read_text(encoding="utf-8")))
    offline = (site / SCRIPT).is_file()
    for language, part in split_index(index, languages, default).items():
        if not part["docs"]:
            continue  # an index already split: keep what an earlier call wrote for that language
        target = site / index_path(language, default)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        target.write_text(data, encoding="utf-8")
        if offline:
            target.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")
