"""MkDocs hook: one search index per language, each language's pages searching their own.

Material's search plugin writes one index of every page, both languages mixed, and its script
loads it from ``<base>/search/search_index.json``, ``base`` being the site's root as written in
each page's ``<script id="__config">`` (mkdocs-static-i18n#271: upstream cannot split it). Here
the index is split after the build: the default language's at ``search/search_index.json``,
every other language's at ``<language>/search/search_index.json`` with its locations made
relative to the language's root, and the ``base`` of that language's pages pointed at that
root, so a reader searching from a Chinese page gets Chinese pages and one on an English page
English ones.

Pasting an error message into search should list the error gallery's entry on it first, and a
chapter's title, or a word of it, the chapter. Material adds a wildcard to every query word and Lunr
does not stem a wildcard word, so with the stemmer on, ``implicitly*`` never met the indexed
``implicit``: mkdocs.yml turns the search pipeline off. Lunr then adds up, field by field, a weight
for every indexed word each query word is the start of, without length normalisation (Material
sets its ``b`` to 0), and Material multiplies the sum by ``1 + (page + share)²``: ``page`` is 1 for
a page and 0 for a section, ``share`` the share of the query's words the entry holds, so a page that
holds every word counts :data:`PAGE_BONUS` (5/2) times a section that does. :func:`with_messages`
adds two fields, which Material indexes (every field the index's configuration lists) but never
shows:

- ``message``, on each gallery entry (anchor ``#err-``) that prints a message: the words of its
  messages, cut at punctuation (``autograd.grad()`` gives ``autograd`` and ``grad``), and every
  word of the gallery's messages that one of them is the start of. A pasted message's short words
  (``a*``, ``in*``) are the start of longer words of other messages (``attribute``, ``inference``);
  whatever another entry matches of them, the entry the message came from matches too, whatever
  the messages' lengths. The field weighs a title times :data:`PAGE_BONUS`: a word of an entry's
  message counts as much as a word of a page's title, so a message outweighs a page or section
  titled with its words ("Modified by an inplace operation").
- ``title_words``, on each page: every word of the gallery's messages that a word of the page's
  title is the start of, weighed as a title, that is the ``message`` field over
  :data:`PAGE_BONUS`. Scaled by Material's page factor, each of these words counts for a page that
  holds the whole query exactly what it counts for an entry. For a query made of a page's title
  (``detach: taking a tensor out of the graph``) the page holds every gallery word any entry holds
  for it, so the short words that lift an entry lift the page as much, and its title decides. For a
  pasted message the entry holds every gallery word the page holds for it and more: the field
  never lifts a page above the entry.

Neither weight is set by a message's or title's length or words. Exercise pages, titled
"Exercises: " and their chapter's title, weigh :data:`EXERCISE_BOOST`: for the words they share
with the chapter, the chapter comes first. A section titled with a word of a gallery message
(``NumPy``, ``Tensor hooks``) is not a page: for that word alone the gallery entry, whose field holds
it too, can come first. tests/browser/test_search.py pastes every message the gallery quotes and
searches every chapter's title and each word of it that no other title begins.

The offline build (Material's ``offline`` plugin) reads ``search_index.js``: each language gets
one beside its JSON.
"""

import bisect
import html
import json
import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority

INDEX = "search/search_index.json"
SCRIPT = "search/search_index.js"
_GALLERY_ENTRY = "#err-"
_EXERCISE_PAGE = re.compile(r"(^|/)exercises/")
PAGE_BONUS = (1 + (1 + 1) ** 2) / (1 + 1**2)  # Material's factor for a page holding every query word, over a section's
EXERCISE_BOOST = 0.5
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


def title_text(doc: dict) -> str:
    """An index entry's title as a reader sees it: tags gone, entities read."""
    return html.unescape(_TAG.sub("", doc["title"]))


def reach(words: set[str], vocabulary: list[str]) -> str:
    """The words of ``vocabulary`` (sorted) that one of ``words`` is the start of, space-separated.

    The words a text begins lie together in sorted order, from where that text would be inserted.
    """
    reached = set()
    for start in words:
        index = bisect.bisect_left(vocabulary, start)
        while index < len(vocabulary) and vocabulary[index].startswith(start):
            reached.add(vocabulary[index])
            index += 1
    return " ".join(sorted(reached))


def with_messages(index: dict) -> dict:
    """``index`` with a ``message`` field on each error-gallery entry that prints a message, a
    ``title_words`` field on each page, and exercise pages weighed at :data:`EXERCISE_BOOST`
    (see the module's docstring)."""
    own = {doc["location"]: message_words(printed_messages(doc)) for doc in index["docs"]}
    gallery = sorted(set().union(*own.values()))
    docs = []
    for doc in index["docs"]:
        location = doc["location"]
        if own[location]:
            doc = {**doc, "message": reach(own[location], gallery)}
        elif "#" not in location:
            doc = {**doc, "title_words": reach(message_words([title_text(doc)]), gallery)}
            if _EXERCISE_PAGE.search(location):
                doc["boost"] = doc.get("boost", 1) * EXERCISE_BOOST
        docs.append(doc)
    fields = index["config"]["fields"]
    title = fields["title"]["boost"]
    fields = {**fields, "message": {"boost": title * PAGE_BONUS}, "title_words": {"boost": title}}
    return {**index, "config": {**index["config"], "fields": fields}, "docs": docs}


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
