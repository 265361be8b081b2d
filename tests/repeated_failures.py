"""One fault, one message: a failure whose message a previous test of the run already gave (a
missing twin fails every test that needs it, with the same sentence) is shown in a line that
points at the first, not again in full. A pytest plugin, loaded by conftest.py.
"""

import pytest

_FIRST = pytest.StashKey[dict]()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_logreport(report):
    """Shorten the report of a failure whose message was given already, before the terminal keeps it."""
    if not report.failed or report.longrepr is None:
        return
    config = _CONFIG[0]
    first = config.stash.setdefault(_FIRST, {})
    message = str(report.longrepr)
    if message in first:
        report.longrepr = f"the same failure as {first[message]} (above)"
    else:
        first[message] = report.nodeid


_CONFIG: list = [None]


def pytest_configure(config):
    _CONFIG[0] = config
