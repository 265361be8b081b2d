"""After a run with ``--refresh-outputs``, list the files it rewrote (pages, figures, exercise
notebooks), or say it rewrote none, so that the diff to read is named.

The files are fingerprinted before the run and compared after it, in the process that reports
(pytest-xdist's workers do the rewriting); a pytest plugin, loaded by conftest.py.
"""

import hashlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("docs/**/*.md", "docs/**/*.ipynb", "figures/*.svg")
_BEFORE = pytest.StashKey[dict]()


def fingerprints(root: Path = ROOT) -> dict[str, str]:
    """A hash of each file a refresh may rewrite, by its path relative to ``root``."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for pattern in WATCHED
        for path in root.glob(pattern)
    }


def rewritten(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """The files whose content changed, appeared or went between two fingerprints."""
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


def summary(files: list[str]) -> str:
    """What the refresh says it did."""
    if not files:
        return "refresh rewrote nothing"
    return f"refresh rewrote {len(files)} file{'s' if len(files) > 1 else ''}; read `git diff` for each:\n" + "\n".join(f"  {name}" for name in files)


def pytest_configure(config):
    if config.getoption("--refresh-outputs", default=False) and not hasattr(config, "workerinput"):
        config.stash[_BEFORE] = fingerprints()


def pytest_terminal_summary(terminalreporter, config):
    before = config.stash.get(_BEFORE, None)
    if before is not None:
        terminalreporter.write_line(summary(rewritten(before, fingerprints())))
