"""MkDocs hook: one search index per language, each language's pages searching their own.

Material's search plugin writes one index of every page, both languages mixed, and its script
loads it from ``<base>/search/search_index.json``, ``base`` being the site's root as written in
each page's ``<script id="__config">`` (mkdocs-static-i18n#271: upstream cannot split it). Here
the index is split after the build: the default language's at ``search/search_index.json``,
every other language's at ``<language>/search/search_index.json`` with its locations made
relative to the language's root, and the ``base`` of that language's pages pointed at that
root, so a reader searching from a Chinese page gets Chinese pages and one on an English page
English ones.

Pasting an error message into search should find the error gallery's entry on it. Material adds
a wildcard to every query term, and Lunr does not stem a wildcard term, so with the stemmer on,
``implicitly*`` never met the indexed ``implicit``: mkdocs.yml turns the search pipeline off.
The short words of a long message (``a*``, ``to*``) still match all over the site, so each index
entry of a gallery section (anchor ``#err-``) also gets the message its output prints as a field
of its own, ``message``, weighted above the text: Material's search indexes every field the
index's configuration lists and shows only the title and text. The message also follows the
entry's short heading in its title, where a reader who pasted it sees it in the result, and each
entry is weighed by :func:`message_boost`.

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
MESSAGE_FIELD = {"message": {"boost": 300.0}}
MESSAGE_WORDS = 4
_GALLERY_ENTRY = "#err-"
_MESSAGE = re.compile(r"^\w+(?:Error|Warning): .+$", re.M)
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


def message_boost(message: str) -> float:
    """How much a gallery entry weighs in search: less than a page, and less the longer its message.

    Material's search scores without length normalisation (Lunr's ``b`` is 0) and adds a
    wildcard to every word of a query, so a long message matches the short words of any other
    (``a*``, ``to*``) many times over and would outrank the entry a pasted message is about.
    The square root of ``MESSAGE_WORDS`` over the message's distinct words puts each pasted
    message's own entry first, in both languages, while a chapter still comes before the gallery
    for a word of its own, such as ``detach`` (tests/browser/test_search.py, test_features.py).
    """
    return (MESSAGE_WORDS / len(set(message.split()))) ** 0.5


def with_messages(index: dict) -> dict:
    """``index`` with a ``message`` field on each error-gallery entry: the message it prints.

    An entry quotes its message under its heading, sometimes only its start, and prints it whole
    in its first output block: the message is the first one the entry names, taken whole.
    """
    docs = []
    for doc in index["docs"]:
        found = _MESSAGE.findall(html.unescape(_TAG.sub("\n", doc["text"]))) if _GALLERY_ENTRY in doc["location"] else []
        whole = next((message for message in found[1:] if message.startswith(found[0])), found[0]) if found else None
        if whole:
            doc = {**doc, "title": f"{doc['title']} · {whole}", "message": whole, "boost": message_boost(whole)}
        docs.append(doc)
    return {**index, "config": {**index["config"], "fields": {**index["config"]["fields"], **MESSAGE_FIELD}}, "docs": docs}


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
