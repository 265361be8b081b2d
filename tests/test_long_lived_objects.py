"""The garbage collector's freeze (tests/long_lived_objects.py) keeps what pytest reports: an
exception raised by the finalizer of an object the tests threw away is still reported."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from resultcache.plugin import declare
from tests import result_inputs
from tests.docs import ROOT

SAMPLE_TEST = '''
import gc


class Cycle:
    def __del__(self):
        raise RuntimeError("the finalizer of a thrown-away cycle")


def test_what_collection_left_is_frozen():
    assert gc.get_freeze_count() > 0


def test_throws_away_a_cycle():
    cycle = Cycle()
    cycle.itself = cycle
'''


def plugin_inputs(item: pytest.Item) -> list:
    """These tests read the plugin and run pytest."""
    return [ROOT / "tests" / "long_lived_objects.py", *result_inputs.VERSIONS]


@declare(plugin_inputs)
def test_objects_are_frozen_after_collection_and_a_finalizer_s_exception_is_still_reported(tmp_path: Path):
    (tmp_path / "test_sample.py").write_text(SAMPLE_TEST, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "tests.long_lived_objects", "test_sample.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert "2 passed" in run.stdout, run.stdout + run.stderr
    assert "RuntimeError: the finalizer of a thrown-away cycle" in run.stdout + run.stderr
    assert "PytestUnraisableExceptionWarning" in run.stdout + run.stderr
