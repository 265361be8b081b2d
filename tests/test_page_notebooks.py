"""Every page's downloadable notebook, run in a real Jupyter kernel, prints what its page shows.

The notebooks are made from the pages as the site build makes them (pageformat.notebook); each
runs in its own kernel, started in an empty folder, since a downloaded notebook cannot count on
this repository. Every code cell made from a python block is compared with that block's output
or error block, normalised as the page checker normalises. The values Jupyter displays (a cell's
last expression, ``Out[n]``) are part of what a cell shows: a page shows only what its code
prints, so a displayed value the page lacks is a difference (pageformat.jupyter_code keeps them
out). A cell whose block the page checker skips (a GPU the machine lacks) must print the page's
reason and stop cleanly; its output is then not compared, and the test says why.
"""

import functools
from pathlib import Path

import nbformat
import pytest
from sybil import Document

from resultcache.plugin import declare
from pageformat.blocks import Block, pair_blocks
from pageformat.inline_snippets import snippet_imports
from pageformat.notebook import PageNotebook, page_notebook
from tests.docs import DOCS, LANGUAGES, fail_with, pages
from tests.result_inputs import kernel_self_test_inputs, page_notebook_inputs
from tests.kernels import CellRun, outputs_text, run_notebooks, selected
from pagecheck.hardware import AVAILABLE
from pagecheck.normalize import tidy
from pagecheck.verdict import output_diff, raise_mismatch

SAMPLES = Path(__file__).parent / "samples" / "notebook"
SELF_TEST = SAMPLES / "kernel_self_test.md"
ECHO = SAMPLES / "echo.md"
PAGES = [f"{language}/{page.as_posix()}" for language in LANGUAGES for page in pages(language)]


@functools.cache
def notebook_of(page: str) -> PageNotebook:
    """The notebook of a docs page named like ``en/graph.md``."""
    return page_notebook(DOCS / page, language=page.split("/")[0])


def skipped_cells(page: str) -> dict[int, str]:
    """The cells whose blocks the page checker skips on this machine, with the page's reason."""
    blocks = notebook_of(page).blocks
    return {index: block.reason for index, block in blocks.items() if block.needs and not AVAILABLE[block.needs]()}


def cell_differences(block: Block, run: CellRun) -> list[str]:
    """How a cell's run differs from the page block it was made from; empty when they agree."""
    mismatch = raise_mismatch(block, run.raised or bool(run.refused), run.exception_line or run.refused or "", "cell")
    if mismatch:
        return [mismatch]
    expected = tidy(block.shown.source) if block.shown else ""
    actual = run.shown_text(results=True)
    return [] if expected == actual else [output_diff(expected, actual, "the page", "the kernel")]


def skip_differences(reason: str, run: CellRun) -> list[str]:
    """How a cell whose block the checker skips differs from printing the page's ``reason``, cleanly."""
    if run.raised or run.refused:
        return [f"the cell raised instead of printing the page's reason: {run.exception_line or run.refused}"]
    expected, actual = tidy(reason + "\n"), run.shown_text(results=True)
    return [] if expected == actual else [output_diff(expected, actual, "the page's reason", "the kernel")]


@pytest.fixture(scope="session")
def page_runs(request, tmp_path_factory):
    """The notebook of every page the selected tests need, each run once in its own kernel."""
    needed = selected(request, test_cell_prints_what_the_page_shows, "page")
    notebooks = {page: (notebook_of(page).notebook, set()) for page in needed}
    return run_notebooks(notebooks, {page: tmp_path_factory.mktemp("kernel") for page in needed})


@pytest.mark.kernel
@declare(page_notebook_inputs)
@pytest.mark.parametrize(
    ("page", "index"),
    [
        pytest.param(page, index, id=f"docs/{page}:{block.code.line}")
        for page in PAGES
        for index, block in notebook_of(page).blocks.items()
    ],
)
def test_cell_prints_what_the_page_shows(page_runs, page, index):
    block = notebook_of(page).blocks[index]
    runs = page_runs[page]
    if isinstance(runs, BaseException):
        raise runs
    where = f"docs/{page}:{block.code.line} (cell {index + 1} of the page's notebook, run in a Jupyter kernel)"
    if index in skipped_cells(page):
        fail_with([f"{where}: {problem}" for problem in skip_differences(skipped_cells(page)[index], runs[index])])
        pytest.skip(f"docs/{page}:{block.code.line}: {skipped_cells(page)[index]}")
    fail_with([f"{where}: {problem}" for problem in cell_differences(block, runs[index])])


@pytest.mark.parametrize("page", PAGES)
def test_notebook_holds_every_block_with_the_output_the_page_shows(page):
    made = notebook_of(page)
    nbformat.validate(made.notebook)
    blocks = pair_blocks(Document((DOCS / page).read_text(encoding="utf-8"), str(DOCS / page)))
    assert [block.code.line for block in made.blocks.values()] == [block.code.line for block in blocks]
    for index, block in made.blocks.items():
        outputs = made.notebook.cells[index].outputs
        errors = ["\n".join(output.traceback) for output in outputs if output.output_type == "error"]
        assert tidy(outputs_text(outputs) + "".join(errors)) == tidy(block.shown.source if block.shown else "")


@pytest.mark.parametrize("page", PAGES)
def test_notebook_needs_nothing_from_the_repository(page):
    code = [cell.source for cell in notebook_of(page).notebook.cells if cell.cell_type == "code"]
    assert [statement for source in code for statement in snippet_imports(source)] == []


@declare(kernel_self_test_inputs)
@pytest.mark.kernel
def test_the_kernel_check_notices_a_wrong_output_and_keeps_warnings_stderr_and_errors_in_place(tmp_path):
    made = page_notebook(SELF_TEST, language="en")
    runs = run_notebooks({"sample": (made.notebook, set())}, {"sample": tmp_path})["sample"]
    wrong, error, warning, stderr, value = (cell_differences(block, runs[index]) for index, block in made.blocks.items())
    assert wrong and "-two\n+one" in wrong[0]
    assert error == warning == stderr == value == []


@declare(kernel_self_test_inputs)
@pytest.mark.kernel
def test_the_kernel_check_notices_a_value_jupyter_displays_and_the_page_does_not(tmp_path):
    made = page_notebook(ECHO, language="en")
    [(index, block)] = made.blocks.items()
    notebook = made.notebook
    assert notebook.cells[index].source.endswith("sorted(numbers);")
    displaying = nbformat.from_dict({**notebook.cells[index], "id": "displaying", "source": block.code.source})
    notebook.cells.append(displaying)
    runs = run_notebooks({"sample": (notebook, set())}, {"sample": tmp_path})["sample"]
    assert cell_differences(block, runs[index]) == []
    [difference] = cell_differences(block, runs[len(notebook.cells) - 1])
    assert "+[1, 2, 3]" in difference
