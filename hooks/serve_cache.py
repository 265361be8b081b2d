"""MkDocs hook: after a save, `make serve` redoes only the work the save can change.

`mkdocs serve` rebuilds the whole site after each save, though a save changes one page. Two
parts of a rebuild depend on nothing but their input and took most of its time; their last
results are kept in the memory of the serving process and reused while that input is the same:

- mkdocs-jupyter's rendering of each exercise notebook, HTML and table of contents (a third of
  a rebuild): reused while the notebook's bytes and the options are the same. mkdocs-jupyter's
  own cache is off (``cache: false`` in mkdocs.yml), as it writes a .cache/ folder into the
  repository.
- the theme's search index entries of each page (two fifths of a rebuild once the notebooks
  are kept): reused while the page's HTML, table of contents, address, title and metadata are
  the same.

A single `mkdocs build` renders each notebook and indexes each page once, as before.
"""

import copy
import functools
from pathlib import Path

import mkdocs_jupyter.plugin as jupyter
from material.plugins.search.plugin import SearchIndex


def last_rendered(render):
    """``render(path, ...)``, run again only when the file at ``path`` or the arguments change."""
    kept: dict[str, tuple] = {}

    @functools.wraps(render)
    def rendered(path, *args, **kwargs):
        key = (Path(path).read_bytes(), repr(args), repr(sorted(kwargs.items())))
        if kept.get(path, (None,))[0] != key:
            kept[path] = (key, render(path, *args, **kwargs))
        return kept[path][1]

    return rendered


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
    """Keep the last rendering of each notebook and the last search entries of each page."""
    jupyter.convert.nb2html = last_rendered(jupyter.convert.nb2html)
    jupyter._get_nb_toc_tokens = last_rendered(jupyter._get_nb_toc_tokens)
    SearchIndex.add_entry_from_context = last_indexed(SearchIndex.add_entry_from_context)
