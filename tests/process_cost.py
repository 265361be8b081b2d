"""What one run of a command costs: its wall seconds, and the CPU seconds of every process it starts.

A process's CPU seconds reach its parent's ``RUSAGE_CHILDREN`` only when the parent waits for it.
Chromium's zygote forks each renderer twice, so a renderer's parent is gone before it ends: counted
that way, the renderers' work is missing (in a fresh `make test`, about 90 CPU s of some 240). The
measuring process makes itself the subreaper of what the command starts (Linux's
``PR_SET_CHILD_SUBREAPER``), so that such processes become its children, and waits for them too.
"""

import ctypes
import os
import resource
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

_PR_SET_CHILD_SUBREAPER = 36


@dataclass(frozen=True)
class Cost:
    """What one run of a command cost."""

    cpu: float
    wall: float


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(command: list[str], cwd: Path, **options) -> tuple[subprocess.CompletedProcess, Cost]:
    """Run ``command`` in ``cwd`` (``options`` go to :func:`subprocess.run`) and wait for every process
    it started, those its processes left behind included; the finished run, and what it cost.

    It waits for every child of the calling process: call it from one that has no other child (the
    bench), never from a test process, whose fork server and browser live on."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_CHILD_SUBREAPER, 1)
    before, start = _children_cpu(), time.perf_counter()
    try:
        finished = subprocess.run(command, cwd=cwd, **options)
        while True:
            try:
                os.waitpid(-1, 0)
            except ChildProcessError:
                break
    finally:
        libc.prctl(_PR_SET_CHILD_SUBREAPER, 0)
    return finished, Cost(_children_cpu() - before, time.perf_counter() - start)
