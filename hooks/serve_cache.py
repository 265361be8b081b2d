"""MkDocs hook: after a save, `make serve` redoes only the work the save can change.

`mkdocs serve` rebuilds the whole site after each save, though a save changes one page. The
theme's search index entries of each page depend on nothing but the page and took two fifths
of a rebuild: the last entries of each page are kept in the memory of the serving process and
reused while the page's HTML, table of contents, address, title and metadata are the same.
(The exercise notebooks' rendering keeps its last results itself, hooks/notebook_cells.py.)

A single `mkdocs build` indexes each page once, as before.
"""

import copy
import functools

from material.plugins.search.plugin import SearchIndex


def last_indexed(index_page):
    """``SearchIndex.add_entry_from_context``, run again for a page only when what it reads changed."""
    kept: dict[str, tuple] = {}

    @functools.wraps(index_page)
    def indexed(index: SearchIndex, page) -> None:
        key = (page.content, str(page.toc), page.title, repr(page.meta), repr(index.config))
        if kept.get(page.url, (None,))[0] != key:
            before = len(index.entries)
            index_page(index, page)
            kept[page.url] = (key, copy.deepcopy(index.entries[before:]))
        else:
            index.entries += copy.deepcopy(kept[page.url][1])

    return indexed


def on_startup(**_) -> None:
    """Keep the last search entries of each page."""
    SearchIndex.add_entry_from_context = last_indexed(SearchIndex.add_entry_from_context)
