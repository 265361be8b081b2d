"""Wire the page checker into pytest.

Sybil checks every Markdown page under docs/; pytest-markdown-docs checks README.md and the
docstrings of snippets/ but nothing else, so each block runs exactly once per run.
"""

import pytest

from tests.docs import ROOT, docs_sybil

MARKDOWN_DOCS_SCOPE = (ROOT / "README.md", ROOT / "snippets")


def pytest_addoption(parser):
    parser.addoption(
        "--refresh-outputs",
        action="store_true",
        help="rewrite the output blocks of docs/ pages with what their code prints now",
    )
    parser.addoption(
        "--pages-in-reverse",
        action="store_true",
        help="run the docs/ pages in reverse order (each page's blocks still top to bottom)",
    )


def pytest_collection_modifyitems(config, items):
    """With --pages-in-reverse, run the pages last to first, to show no page needs another."""
    if config.getoption("--pages-in-reverse"):
        pages = list(dict.fromkeys(item.path for item in items))
        items.sort(key=lambda item: -pages.index(item.path))


def pytest_configure(config):
    collect = docs_sybil(refresh=config.getoption("--refresh-outputs")).pytest()
    config.pluginmanager.register(_DocsCollector(collect), "autograd-guide-docs")


class _DocsCollector:
    """A plugin object whose only hook collects docs/ pages with the page checker."""

    def __init__(self, collect):
        self.pytest_collect_file = collect


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path, parent):
    """Keep pytest-markdown-docs to README.md and snippets/; docs/ belongs to Sybil alone."""
    collected = yield
    if any(file_path == scope or scope in file_path.parents for scope in MARKDOWN_DOCS_SCOPE):
        return collected
    return [node for node in collected if not type(node).__module__.startswith("pytest_markdown_docs")]
