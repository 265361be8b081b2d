"""The bench's measure of a command (tests/process_cost.py) counts the CPU seconds of a process the
command left behind, as Chromium's zygote leaves its renderers."""

import os
import subprocess
import sys

import pytest

from resultcache.plugin import declare
from tests import result_inputs
from tests.docs import ROOT

BURN = 0.4
# A child that forks a grandchild and ends at once: the grandchild, orphaned, burns BURN CPU seconds.
LEAVES_A_PROCESS_BEHIND = f"""
import os, time
if os.fork() == 0:
    if os.fork() == 0:
        start = time.process_time()
        while time.process_time() - start < {BURN}:
            pass
    os._exit(0)
os.wait()
"""


def measure_inputs(item: pytest.Item) -> list:
    """This test reads the measuring module and runs Python."""
    return [ROOT / "tests" / "process_cost.py", *result_inputs.VERSIONS]


# The measure waits for every child of the process that measures: not this test's process, whose
# children (a fork server, a browser) outlive the test, but a process of its own.
MEASURE = f"""
import sys
from tests.process_cost import run_measured
finished, cost = run_measured([sys.executable, "-c", {LEAVES_A_PROCESS_BEHIND!r}], ".", check=True)
print(cost.cpu, cost.wall)
"""


@declare(measure_inputs)
def test_the_cpu_of_a_process_the_command_left_behind_is_counted(tmp_path):
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    measured = subprocess.run([sys.executable, "-c", MEASURE], cwd=tmp_path, capture_output=True, text=True, check=True, env=environment)
    cpu, wall = map(float, measured.stdout.split())
    assert cpu >= BURN
    assert wall >= BURN
