"""Run notebooks in real Jupyter kernels, one kernel per notebook and a few at once (one more than
there are cores), and read what each cell printed in the form a page shows it.

The kernels are forks of one process that has imported ipykernel and torch already
(:mod:`tests.forked_kernels`): each starts in a fraction of the time, and is still a kernel of
its own that has run nothing before its notebook. That process, the zygote, is started once per
test process and serves every notebook it runs (it costs as much CPU as a dozen kernels).

What differs between a kernel and the page checker is settled here:

- Jupyter sends warnings to stderr, and a page shows them as ``UserWarning: message`` among what
  the code printed (:mod:`pagecheck.execution`). Before a notebook's cells run, the kernel is
  told to show each warning that way, on stdout, so that warnings keep their place in it; which
  warnings are shown is left to the kernel's own filters, as for a reader.
- Jupyter keeps stdout and stderr in two streams, each flushed on its own, so their order is
  lost. The kernel is told to flush stdout before each write to stderr and stderr after it: the
  streams then arrive in the order the code wrote them, and stderr is marked as a page marks it.
- Jupyter reports an exception by its bare name (``GradcheckError``); a page shows the last line
  of a Python traceback (``torch.autograd.gradcheck.GradcheckError: ...``). After a cell raises,
  the kernel is asked for that line.

The kernel shows tracebacks in IPython's ``Minimal`` mode (``%xmode Minimal``): what is compared
is what a cell prints and the exception's line, never the frames of its traceback, and IPython's
default mode reads, parses and highlights the source of every frame of every error, torch's
own modules included: that cost the kernels of the page notebooks three fifths of their CPU
time (19.5 s of it before, 7.6 s after, on the 22 page notebooks). The code runs the same.
"""

import asyncio
import atexit
import copy
import functools
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import nbformat
from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from pagecheck.execution import Transcript
from pagecheck.normalize import stable_text
from resultcache.plugin import is_reused
from tests.forked_kernels import SPEC_NAME, zygote

CELL_TIMEOUT_S = 300
SHOW_STREAMS_AS_PAGES_DO = """\
import sys, warnings

def _show_warning(message, category, *_):
    print(f"{category.__name__}: {message}", flush=True)

class _StderrInOrder:
    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        sys.stdout.flush()
        written = self._stream.write(text)
        self._stream.flush()
        return written

    def __getattr__(self, name):
        return getattr(self._stream, name)

warnings.showwarning = _show_warning
sys.stderr = _StderrInOrder(sys.stderr)
get_ipython().InteractiveTB.set_mode("Minimal")
"""
LAST_EXCEPTION_LINE = """\
import sys, traceback
print("".join(traceback.format_exception_only(sys.last_type, sys.last_value)), end="")
"""


@dataclass(frozen=True)
class CellRun:
    """What one code cell did in its kernel."""

    outputs: list[nbformat.NotebookNode]
    exception_line: str
    refused: Optional[str] = None

    @property
    def raised(self) -> bool:
        """Whether the cell raised an exception."""
        return any(output.output_type == "error" for output in self.outputs)

    def shown_text(self, results: bool = False) -> str:
        """stdout and stderr in order, then the exception's line: the form of a page's output block.

        With ``results``, the values Jupyter displays (``Out[n]``) are part of it too.
        """
        return stable_text(outputs_text(self.outputs, results) + self.exception_line)


def outputs_text(outputs: list[nbformat.NotebookNode], results: bool = False) -> str:
    """The text of a cell's stream outputs in order, stderr marked, and with ``results`` its displayed values."""
    transcript = Transcript(cap=2**62)
    for output in outputs:
        if output.output_type == "stream" and output.name == "stderr":
            transcript.write_stderr(output.text)
        elif output.output_type == "stream":
            transcript.write(output.text)
        elif results and output.output_type in ("execute_result", "display_data"):
            transcript.write(output.get("data", {}).get("text/plain", "") + "\n")
    return transcript.getvalue()


def selected(request, test, parameter: str) -> set[str]:
    """The values of ``parameter`` that the tests of this run pass to the test function ``test``,
    leaving out the tests the result cache answers (they run nothing)."""
    return {
        item.callspec.params[parameter]
        for item in request.session.items
        if getattr(item, "function", None) is test and not is_reused(item)
    }


def run_notebooks(
    notebooks: dict[str, tuple[nbformat.NotebookNode, set[int]]], folders: dict[str, Path]
) -> dict[str, dict[int, CellRun]]:
    """Run each notebook, leaving out the cells of its set, in a kernel working in its folder.

    Returns, for each notebook, the run of every code cell that ran, by cell index. A notebook
    whose kernel failed maps to the exception instead. The kernels are driven from a thread of
    their own: the main thread may already run an event loop (Playwright's, in the browser tests).
    """

    async def run_all(specs):
        slots = asyncio.Semaphore((os.cpu_count() or 1) + 1)  # one more: a starting kernel waits on I/O

        async def run_one(name):
            async with slots:
                notebook, skipped = notebooks[name]
                return await _run(notebook, skipped, folders[name], specs)

        results = await asyncio.gather(*(run_one(name) for name in notebooks), return_exceptions=True)
        return dict(zip(notebooks, results))

    with ThreadPoolExecutor(max_workers=1) as driver:
        return driver.submit(asyncio.run, run_all(shared_zygote())).result()


@functools.cache
def shared_zygote() -> Path:
    """The kernel specs of this process's zygote, started on first use and stopped when the process exits."""
    running = zygote()
    specs = running.__enter__()
    atexit.register(running.__exit__, None, None, None)
    return specs


async def _run(notebook: nbformat.NotebookNode, skipped: set[int], folder: Path, specs: Path) -> dict[int, CellRun]:
    notebook = copy.deepcopy(notebook)
    client = NotebookClient(
        notebook,
        km=AsyncKernelManager(kernel_name=SPEC_NAME, kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(specs)])),
        timeout=CELL_TIMEOUT_S,
        record_timing=False,
        resources={"metadata": {"path": str(folder)}},
    )
    runs = {}
    async with client.async_setup_kernel():
        try:
            await _printed_by(client, SHOW_STREAMS_AS_PAGES_DO)
            for index, cell in enumerate(notebook.cells):
                if cell.cell_type != "code" or index in skipped:
                    continue
                refused = None
                try:
                    await client.async_execute_cell(cell, index)
                except CellExecutionError as error:
                    refused = str(error)
                raised = any(output.output_type == "error" for output in cell.outputs)
                exception_line = await _printed_by(client, LAST_EXCEPTION_LINE) if raised else ""
                runs[index] = CellRun(list(cell.outputs), exception_line, refused)
        finally:
            await client.km.shutdown_kernel(now=True)  # nbclient leaves alone a kernel manager it was handed
    return runs


async def _printed_by(client: NotebookClient, code: str) -> str:
    """Run ``code`` in the kernel, outside the notebook and its history; return what it printed."""
    printed = []

    def collect(message):
        if message["msg_type"] == "stream":
            printed.append(message["content"]["text"])

    await client.kc.execute_interactive(code, store_history=False, output_hook=collect, timeout=CELL_TIMEOUT_S)
    return "".join(printed)
