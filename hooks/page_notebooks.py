"""MkDocs hook: every Markdown page gets a Jupyter notebook made from it, placed beside it.

The notebook is built from the page's Markdown while the site builds (pageformat.notebook: the
prose, the python blocks, the outputs the tests check), so a new page gets one for free and no
notebook is ever edited by hand. The page gets ``nb_url``, the attribute mkdocs-jupyter gives
its notebook pages, and ``overrides/main.html`` turns it into the download link.
"""

import posixpath
import sys
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from nbformat import v4

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository, home of pageformat
from pageformat.notebook import page_notebook  # noqa: E402


def notebook_src_uri(page_src_uri: str) -> str:
    """Where a page's notebook pretends to come from: ``en/graph.md`` gives ``en/graph.ipynb``."""
    return posixpath.splitext(page_src_uri)[0] + ".ipynb"


@event_priority(-110)  # after mkdocs-static-i18n (-100) has given each page its language and place
def on_files(files, config):
    """Add the notebook of every Markdown page of the language being built, next to the page."""
    for page in files.documentation_pages():
        if page.src_uri.endswith(".md"):
            notebook = page_notebook(Path(page.abs_src_path), language=page.locale).notebook
            file = File.generated(config, notebook_src_uri(page.src_uri), content=v4.writes(notebook))
            file.dest_uri = posixpath.join(posixpath.dirname(page.dest_uri), f"{page.name}.ipynb")
            files.append(file)
    return files


def on_pre_page(page, config, files):
    """Tell the page where its notebook is."""
    notebook = files.src_uris.get(notebook_src_uri(page.file.src_uri))
    if notebook is not None and page.file.src_uri.endswith(".md"):
        page.nb_url = notebook.url
    return page
