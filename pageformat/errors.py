"""How the engine names a page and reports bad input in it."""

import os

from sybil import Document


class PageError(Exception):
    """A page that cannot be checked as written; the message starts with ``path:line``."""


def page_name(document: Document) -> str:
    """The page's path relative to the working directory, such as ``docs/en/graph.md``."""
    return os.path.relpath(document.path)
