"""Wire the page checker into pytest.

Sybil checks every Markdown page under docs/; pytest-markdown-docs checks README.md and the
docstrings of snippets/ but nothing else, so each block runs exactly once per run.

Each page runs in a process of its own (:mod:`pagecheck.pageprocess`), each block under its
time limit (``timeout=N`` on a fence changes it for one block). The tests go out to
pytest-xdist workers, a page's blocks to one worker (see :mod:`pagecheck.workers`).

A page whose inputs (tests/result_inputs.py) are unchanged since all its blocks passed is
reported passed from the result cache without running (resultcache/; ``--no-result-cache``
runs every test, as does ``--refresh-outputs``).
"""

from pathlib import Path

import pytest

from pagecheck.workers import PageScheduling, crash_report, exit_status

pytest_plugins = ["resultcache.plugin"]

ROOT = Path(__file__).parent
# After --refresh-outputs, the list of files it rewrote; a failure already given in full is not repeated;
# the garbage collector stops walking what a test process keeps to its end.
pytest_plugins += ["tests.refresh_report", "tests.repeated_failures", "tests.long_lived_objects"]
DOCS = ROOT / "docs"
MARKDOWN_DOCS_SCOPE = (ROOT / "README.md", ROOT / "snippets")


def pytest_addoption(parser):
    parser.addoption(
        "--refresh-outputs",
        action="store_true",
        help="rewrite the output blocks of docs/ pages with what their code prints now",
    )
    parser.addoption(
        "--pages",
        default="docs",
        help="the folder whose Markdown pages the checker runs (the self-tests point it at tests/samples/...)",
    )


def pytest_collection_modifyitems(config, items):
    """Give each page block its page's cache inputs, and each README or docstring example its own."""
    from resultcache.plugin import declare  # after pytest_plugins loaded it, so that pytest rewrites its asserts
    from tests.result_inputs import docstring_example_inputs, page_run_inputs

    for item in items:
        if hasattr(item, "example") and DOCS in item.path.parents:
            item.add_marker(declare(page_run_inputs, together=True))
        elif in_markdown_docs_scope(item.path):
            item.add_marker(declare(docstring_example_inputs))


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    """Hand docs/ pages to the checker, in each process that collects tests.

    The process that hands tests out to xdist workers collects nothing, so it leaves torch unimported.
    """
    if config.getoption("--refresh-outputs"):
        config.option.no_result_cache = True  # refreshing rewrites what it runs: run everything
    if config.pluginmanager.hasplugin("dsession"):
        return
    from tests.docs import docs_sybil

    collect = docs_sybil(refresh=config.getoption("--refresh-outputs"), folder=ROOT / config.getoption("--pages")).pytest()
    config.pluginmanager.register(_DocsCollector(collect), "autograd-guide-docs")


class _DocsCollector:
    """A plugin object whose only hook collects docs/ pages with the page checker."""

    def __init__(self, collect):
        self.pytest_collect_file = collect


def in_markdown_docs_scope(path: Path) -> bool:
    """Whether ``path`` is README.md or a module of snippets/, whose examples pytest-markdown-docs checks."""
    return any(path == scope or scope in path.parents for scope in MARKDOWN_DOCS_SCOPE)


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path, parent):
    """Keep pytest-markdown-docs to README.md and snippets/; docs/ belongs to Sybil alone."""
    collected = yield
    if in_markdown_docs_scope(file_path):
        return collected
    return [node for node in collected if not type(node).__module__.startswith("pytest_markdown_docs")]


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Page-affine scheduling that does not run a page again after one of its blocks ended its worker."""
    if config.getoption("dist") == "loadfile":
        return PageScheduling(config, log)
    return None


@pytest.hookimpl(optionalhook=True)
def pytest_handlecrashitem(crashitem, report, sched):
    """Name the page line of a block that ended its worker, and how the worker ended."""
    report.longrepr = crash_report(crashitem, exit_status(report.node))
