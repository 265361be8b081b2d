"""Run notebooks in real Jupyter kernels, one kernel per notebook and a few at once (one more than
there are cores), and read what each cell printed in the form a page shows it.

The kernels are forks of one process that has imported ipykernel and torch already
(:mod:`tests.forked_kernels`): each starts in a fraction of the time, and is still a kernel of
its own that has run nothing before its notebook. That process, the zygote, is started once per
test process and serves every notebook it runs (it costs as much CPU as a dozen kernels).

Two things differ between a kernel and the page checker, and both are settled here:

- Warnings are shown as the checker shows them (:func:`pagecheck.execution.show_warnings_as_python_does`:
  every time, but no library's ``DeprecationWarning``); the kernel runs that very function.
- Jupyter sends warnings to stderr, in a stream of their own, so their order against stdout is
  lost. Before a notebook's cells run, the kernel is told to show each warning as the checker
  does (``UserWarning: message``), on stderr, after flushing stdout: the streams then arrive in
  the order the code wrote them.
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
import inspect
import os
import textwrap
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import nbformat
from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from pagecheck.execution import HIDDEN_FROM_LIBRARIES, show_warnings_as_python_does
from pagecheck.normalize import stable_text
from resultcache.plugin import is_reused
from tests.forked_kernels import SPEC_NAME, zygote

CELL_TIMEOUT_S = 300
SHOW_WARNINGS_AS_PAGES_DO = f"""\
import sys, warnings

def _show_warning(message, category, *_):
    sys.stdout.flush()
    print(f"{{category.__name__}}: {{message}}", file=sys.stderr, flush=True)

warnings.showwarning = _show_warning
HIDDEN_FROM_LIBRARIES = {"(" + ", ".join(category.__name__ for category in HIDDEN_FROM_LIBRARIES) + ",)"}
{textwrap.dedent(inspect.getsource(show_warnings_as_python_does))}
show_warnings_as_python_does()
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
    """The text of a cell's stream outputs in order, and with ``results`` its displayed values."""
    texts = []
    for output in outputs:
        if output.output_type == "stream":
            texts.append(output.text)
        elif results and output.output_type in ("execute_result", "display_data"):
            texts.append(output.get("data", {}).get("text/plain", "") + "\n")
    return "".join(texts)


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
            await _printed_by(client, SHOW_WARNINGS_AS_PAGES_DO)
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
