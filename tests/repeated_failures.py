"""One fault, one message: a failure whose message a previous test of the run already gave (a
missing twin fails every test that needs it, with the same sentence) is shown in a line that
points at the first, not again in full. A pytest plugin, loaded by conftest.py; it acts in the
process that reports (not in pytest-xdist's workers, which send it their reports).
"""

import pytest


class FirstFailures:
    """Remembers the first test to fail with each message, and points the later ones at it."""

    def __init__(self):
        self.first: dict[str, str] = {}

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_logreport(self, report):
        """Shorten the report of a failure whose message was given already, before the terminal keeps it."""
        if not report.failed or report.longrepr is None:
            return
        message = str(report.longrepr)
        if message in self.first:
            report.longrepr = f"the same failure as {self.first[message]} (above)"
        else:
            self.first[message] = report.nodeid


def pytest_configure(config):
    if not hasattr(config, "workerinput"):
        config.pluginmanager.register(FirstFailures(), "autograd-guide-repeated-failures")
