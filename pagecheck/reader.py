"""The reader's run: a page's python blocks, top to bottom, in a process of their own.

This module runs in the child process that :mod:`pagecheck.pageprocess` starts for each page.
The child is forked from a warm process that has imported this module, and so torch, and nothing
of any page: every page starts from a state no other page has touched, as in a reader's new
kernel. What the child adds is what that kernel has too: a fresh, unpredictable random state,
code that runs as ``__main__``, the working folder of the run, the page as ``sys.argv``, and no
variable of the test runner's in its environment.

The child reports to the checker over a connection, block by block: ``("started", line,
monotonic time)`` before a block runs, ``("ran", BlockRun)`` after it, and
``("ended", changes)`` once the page is done, with the files the page rewrote in place.
"""

import os
import random
import sys
import time
import numpy
import torch

from .drawing import recording
from .execution import Transcript, run_code, show_warnings_on
from .figures import Drawing
from .hardware import AVAILABLE
from .normalize import stable_text
from .reports import BlockRun, PageRequest
from .side_effects import Watch, guarded

RUNNER_VARIABLES = ("PYTEST_", "PYTHONHASHSEED")


def become_fresh() -> dict:
    """Give this process what a reader's new interpreter has; return the page's namespace."""
    for name in [name for name in os.environ if name.startswith(RUNNER_VARIABLES)]:
        del os.environ[name]
    torch.seed()
    random.seed()
    numpy.random.seed()
    return {"__name__": "__main__"}


def read_page(connection, request: PageRequest) -> None:
    """Run every block of the page in one namespace and send what each did over ``connection``."""
    os.chdir(request.cwd)
    sys.argv = [request.page]
    namespace = become_fresh()
    watch = Watch.start(request.root, request.refresh)
    transcript = Transcript()
    show_warnings_on(lambda: transcript)
    for block in request.blocks:
        if block.needs and not AVAILABLE[block.needs]():
            connection.send(("ran", BlockRun(block.line, "", "", 0, False, "", (), (), skipped=True)))
            continue
        connection.send(("started", block.line, time.monotonic()))
        transcript = Transcript()
        drawings: list[Drawing] = []
        with guarded(watch) as touched, recording(drawings, block.line):
            run = run_code(block.source, request.page, block.line + 1, namespace, transcript)
        printed = run.printed + (run.error_line if run.error is not None else "")
        connection.send(
            (
                "ran",
                BlockRun(
                    line=block.line,
                    shown=stable_text(printed),
                    printed=run.printed,
                    dropped=run.dropped,
                    raised=run.error is not None,
                    trace=run.trace,
                    touched=tuple(touched),
                    drawings=tuple(drawings),
                ),
            )
        )
    connection.send(("ended", tuple(watch.changes_since())))
    connection.close()
