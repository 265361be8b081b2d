"""Wire the page checker into pytest.

Sybil checks every Markdown page under docs/; pytest-markdown-docs checks README.md and the
docstrings of snippets/ but never docs/, so each block runs exactly once per run.
"""

from pathlib import Path

import pytest

from tests.pagecheck import make_sybil
from tests.pagecheck.isolation import fresh_torch_state

DOCS = Path(__file__).parent / "docs"


def pytest_addoption(parser):
    parser.addoption(
        "--refresh-outputs",
        action="store_true",
        help="rewrite the output blocks of docs/ pages with what their code prints now",
    )


def pytest_configure(config):
    sybil = make_sybil(
        refresh=config.getoption("--refresh-outputs"),
        setup=fresh_torch_state,
        path=str(DOCS),
        patterns=["*.md"],
    )
    config.pluginmanager.register(_DocsCollector(sybil.pytest()), "autograd-guide-docs")


class _DocsCollector:
    def __init__(self, collect):
        self.pytest_collect_file = collect


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path, parent):
    collected = yield
    if DOCS in file_path.parents:
        return [node for node in collected if not type(node).__module__.startswith("pytest_markdown_docs")]
    return collected
