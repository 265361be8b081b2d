"""The pytest plugin: a test whose declared inputs are unchanged since it passed is reported
passed ("PASSED (cached)" in the verbose report) without running; any other test runs, and a
pass is recorded. A skip is recorded and reported again the same way ("SKIPPED (cached)"), so
that a page with a block this machine cannot run (no GPU) is not run again for that block's sake.

A kind of test declares its inputs with the ``result_inputs`` marker (:func:`declare`): a
function from the test item to its inputs (files, folders, values; see :mod:`.digest`). The
test's own file is always one of them. Tests that share state (the blocks of one page, run in
order in one namespace) are declared ``together``: they are reused only when every one of them
can be, and otherwise all run.

An inputs function that cannot tell them in this run (they are read from a site whose build
failed) raises :class:`InputsUnknown`: that test runs, and its result is not recorded.

A reused test runs no setup and no fixture, so a fixture only reused tests would need (the site
build, a Jupyter kernel) is never made; :func:`is_reused` tells a session-wide fixture which
tests will really run.

Off with ``--no-result-cache`` or the environment variable ``RESULT_CACHE=off``.
"""

import os
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from _pytest.runner import call_and_report

from .digest import Input, digest
from .store import ResultStore

MARKER = "result_inputs"
FOLDER = Path(".cache") / "results"
ENVIRONMENT = "RESULT_CACHE"
REUSED = ("result_cache", "reused")

_KEY = pytest.StashKey[str]()
_REUSED = pytest.StashKey[dict]()
_FAILED = pytest.StashKey[bool]()
_SKIP = pytest.StashKey[list]()
_PLUGIN = "resultcache"


class InputsUnknown(Exception):
    """Raised by an inputs function whose inputs cannot be known in this run: the test runs, unrecorded."""


def declare(inputs: Callable[[pytest.Item], Iterable[Input]], together: bool = False) -> pytest.MarkDecorator:
    """The marker that declares a test's inputs; ``together``: reuse the tests of one file all or none."""
    return getattr(pytest.mark, MARKER)(inputs=inputs, together=together)


def enabled(config: pytest.Config) -> bool:
    """Whether this run reuses and records results: not with ``--no-result-cache`` (which a
    conftest may also set, up to collection), nor with ``RESULT_CACHE=off``."""
    off = config.getoption("--no-result-cache") or os.environ.get(ENVIRONMENT, "").lower() in ("off", "0", "no")
    return not off


def is_reused(item: pytest.Item) -> bool:
    """Whether ``item`` will be reported from the cache rather than run."""
    return bool(item.stash.get(_REUSED, None))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--no-result-cache",
        action="store_true",
        help=f"run every test, reusing no recorded pass and recording none ({ENVIRONMENT}=off does the same)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{MARKER}(inputs, together): what the test's result reads (resultcache)")
    config.pluginmanager.register(ResultCache(ResultStore(config.rootpath / FOLDER)), _PLUGIN)


def _reused_report(report: pytest.TestReport) -> bool:
    return any(tuple(prop) == REUSED for prop in report.user_properties)


class ResultCache:
    """The cache's hooks, with the store and this run's counts."""

    def __init__(self, store: ResultStore) -> None:
        self.store = store
        self.counts = Counter()
        self._digests: dict[tuple, str] = {}

    def inputs_digest(self, inputs: tuple, root: Path) -> str:
        """The digest of ``inputs``, worked out once per run for each list (a page's blocks share one)."""
        if inputs not in self._digests:
            self._digests[inputs] = digest(inputs, root)
        return self._digests[inputs]

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        """Key every declared test by its inputs, and mark the ones a recorded pass answers."""
        if not enabled(config):
            return
        together: dict[Path, list[pytest.Item]] = {}
        for item in items:
            marker = item.get_closest_marker(MARKER)
            if marker is None:
                continue
            try:
                inputs = (item.path, *marker.kwargs["inputs"](item))
            except InputsUnknown:
                item.stash[_REUSED] = None
            else:
                item.stash[_KEY] = self.store.key(item.nodeid, self.inputs_digest(inputs, config.rootpath))
                item.stash[_REUSED] = self.store.recorded(item.stash[_KEY])
            if marker.kwargs.get("together"):
                together.setdefault(item.path, []).append(item)
        for group in together.values():
            if not all(is_reused(item) for item in group):
                for item in group:
                    item.stash[_REUSED] = None

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem) -> bool | None:
        """Report a reused test as recorded, without its setup or its run; then tear down as a run would."""
        if not is_reused(item):
            return None
        item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
        for when in ("setup", "call"):
            call = pytest.CallInfo.from_call(lambda: None, when)
            report = item.ihook.pytest_runtest_makereport(item=item, call=call)
            skip = item.stash[_REUSED].get("skip")
            if when == "call" and skip:
                report.outcome, report.longrepr = "skipped", tuple(skip)
            item.ihook.pytest_runtest_logreport(report=report)
        call_and_report(item, "teardown", log=True, nextitem=nextitem)  # what earlier tests set up that nextitem won't use
        item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
        return True

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo):
        """Tag the reports of a reused test; record a pass once a keyed test's three phases passed."""
        report = yield
        if _KEY not in item.stash:
            return report
        if is_reused(item):
            if REUSED not in report.user_properties:  # pytest hands each report the item's own list
                report.user_properties.append(REUSED)
        elif report.when == "call" and report.skipped and isinstance(report.longrepr, tuple):
            item.stash[_SKIP] = [str(part) for part in report.longrepr[:1]] + list(report.longrepr[1:])
        elif not report.passed:
            item.stash[_FAILED] = True
        elif report.when == "teardown" and not item.stash.get(_FAILED, False):
            skip = item.stash.get(_SKIP, None)
            self.store.record(item.stash[_KEY], item.nodeid, "skipped" if skip else "passed", skip)
        return report

    def pytest_report_teststatus(self, report: pytest.TestReport):
        """"PASSED (cached)" or "SKIPPED (cached)" in the verbose report for a reused test."""
        if report.when == "call" and _reused_report(report):
            if report.passed:
                return "passed", ".", ("PASSED (cached)", {"green": True})
            if report.skipped:
                return "skipped", "s", ("SKIPPED (cached)", {"yellow": True})
        return None

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Count the tests reused and run (in the process that reports, under xdist too)."""
        if report.when == "call":
            self.counts["reused" if _reused_report(report) else "ran"] += 1

    def pytest_terminal_summary(self, terminalreporter, config: pytest.Config) -> None:
        """One line: how many results were reused, from where, and how to run everything."""
        if not enabled(config):
            terminalreporter.write_line("result cache: off, every test ran")
            return
        terminalreporter.write_line(
            f"result cache: {self.counts['reused']} results reused, {self.counts['ran']} tests ran "
            f"({FOLDER}/; --no-result-cache or {ENVIRONMENT}=off runs every test)"
        )
