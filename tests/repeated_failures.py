"""One fault, one report. A page block's failure is reported in the checker's own words, whose first
line names the page line, without Sybil's preamble ("Example at <absolute path>, line …, column …
did not evaluate as expected"). A test that a fixture skips is reported at the line of the fixture
that skipped it, not at the test's own line, so that pytest's summary folds the tests one fixture
skips for one reason (a failed site build: tests/conftest.py) into one line with their count.

One fault often fails several tests: a missing twin fails every test that needs it with the same
sentence; a page block that fails also fails its notebook cell and the page's parity with its twin,
whose reports begin with the same page line (``docs/en/detach.md:18``).

At the end of the run, before pytest prints the failures, they are grouped by fault: two failures
belong together when their messages are the same, or when the first lines of both name the same
page line. The first failure of each group (a page's own check first, then by test id) is printed
in full; the others are listed once, under it, in a section of their own, and counted as
"repeated" in pytest's last line instead of "failed". They still fail the run: pytest's exit
status counts them as the tests reported them.

A pytest plugin, loaded by conftest.py; the grouping acts in the process that reports (not in
pytest-xdist's workers, which send it their reports).
"""

import inspect
import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from sybil.example import SybilFailure

PAGE_LINE = re.compile(r"\bdocs/[\w./-]+\.md:\d+")
PYTEST = Path(inspect.getfile(pytest.Item)).parent  # pytest's own code: a skip raised there is a skip marker's
FAILED = ("failed", "error")
REPEATED = "repeated"


def fault_marks(message: str) -> set[str]:
    """What tells a failure's fault: its whole message, and the page lines its first line names."""
    first_line = message.strip().partition("\n")[0]
    return {message, *PAGE_LINE.findall(first_line)}


def report_order(report: pytest.TestReport) -> tuple[bool, str]:
    """Which failure of a fault is printed in full: a page's own check (its blocks' ids begin
    with docs/) before the tests that compare or rerun the page, then the first by test id."""
    return not report.nodeid.startswith("docs/"), report.nodeid


def repeats(reports: Iterable[pytest.TestReport]) -> dict[str, list[pytest.TestReport]]:
    """The failures that repeat an earlier one's fault, under the test id of the one printed in full."""
    first_of: dict[str, str] = {}
    repeated: dict[str, list[pytest.TestReport]] = {}
    for report in sorted(reports, key=report_order):
        marks = fault_marks(str(report.longrepr))
        first = next((first_of[mark] for mark in marks if mark in first_of), None)
        if first is None:
            first_of.update(dict.fromkeys(marks, report.nodeid))
        else:
            repeated.setdefault(first, []).append(report)
    return repeated


def fixture_skip_place(call: pytest.CallInfo) -> tuple[str, int] | None:
    """The file and line of the fixture that skipped a test in its setup; None for any other skip,
    and for one pytest raised itself (a skip marker)."""
    if call.when != "setup" or call.excinfo is None or not isinstance(call.excinfo.value, pytest.skip.Exception):
        return None
    raised = call.excinfo.traceback.filter(call.excinfo)[-1]
    return None if PYTEST in Path(raised.path).parents else (str(raised.path), raised.lineno + 1)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A page block's failure in the checker's own words; a fixture's skip at the fixture's line (see the module's docstring)."""
    report = yield
    if call.excinfo is not None and isinstance(call.excinfo.value, SybilFailure):
        report.longrepr = call.excinfo.value.result
    place = fixture_skip_place(call)
    if place and isinstance(report.longrepr, tuple):
        report.longrepr = (*place, report.longrepr[2])
    return report


class RepeatedFailures:
    """Moves the repeated failures out of pytest's list of failures, and lists them under their first."""

    def __init__(self) -> None:
        self.repeated: dict[str, list[pytest.TestReport]] = {}

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        """Group the run's failures by fault, before the terminal prints them (it does once every
        plugin's pytest_sessionfinish ran)."""
        terminal = session.config.pluginmanager.get_plugin("terminalreporter")
        if terminal is None:
            return
        stats = terminal.stats
        self.repeated = repeats(report for kind in FAILED for report in stats.get(kind, []) if isinstance(report, pytest.TestReport))
        moved = {id(report) for reports in self.repeated.values() for report in reports}
        for kind in FAILED:
            kept = [report for report in stats.pop(kind, []) if id(report) not in moved]
            if kept:
                stats[kind] = kept
        if moved:
            stats[REPEATED] = [report for reports in self.repeated.values() for report in reports]

    def pytest_terminal_summary(self, terminalreporter) -> None:
        """List each fault's repeated failures once, under the test id of the failure printed in full."""
        if not self.repeated:
            return
        terminalreporter.write_sep("=", "repeated failures: the same fault as a failure above")
        for first, reports in sorted(self.repeated.items()):
            terminalreporter.write_line(f"the fault of {first} fails {len(reports)} more:")
            for report in reports:
                terminalreporter.write_line(f"  {report.nodeid}")


def pytest_configure(config):
    """Group the failures in the process that reports them."""
    if not hasattr(config, "workerinput"):
        config.pluginmanager.register(RepeatedFailures(), "autograd-guide-repeated-failures")
