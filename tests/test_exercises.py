"""The exercise notebooks: every cell, run again in a Jupyter kernel, prints what the notebook shows.

The notebooks under docs/<lang>/exercises/ keep the outputs an earlier run produced (the site
shows them; no output is typed by hand). Each notebook runs in its own kernel, in an empty folder,
and every code cell's output, normalised as the page checker normalises, must equal the stored
one. With ``--refresh-outputs`` the stored outputs are rewritten instead:

    .venv/bin/python -m pytest tests/test_exercises.py --refresh-outputs

Exercises raise nothing: a solution that shows an error catches it and prints it. The zh and en
notebooks are twins: the same cells, the same code, the same outputs, labels aside.
"""

import difflib
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_output

from resultcache.plugin import declare
from tests.result_inputs import exercise_inputs
from tests.docs import DOCS, LANGUAGES, notebooks, site_config, twin
from tests.kernels import outputs_text, run_notebooks, selected
from pagecheck.normalize import stable_text
from pagelint.parity import code_shape, output_differences
from pagelint.site_structure import chapters

CHAPTERS = [Path(chapter).stem for chapter in chapters(site_config())]
EXERCISES = [f"{language}/{notebook.as_posix()}" for language in LANGUAGES for notebook in notebooks(language)]


def read(exercise: str) -> nbformat.NotebookNode:
    """The exercise notebook named like ``zh/exercises/graph.ipynb``."""
    return nbformat.read(DOCS / exercise, as_version=4)


@pytest.fixture(scope="session")
def exercise_runs(request, tmp_path_factory):
    """Every exercise notebook the selected tests need, each run once in its own kernel."""
    needed = selected(request, test_cells_print_what_the_notebook_shows, "exercise")
    notebooks = {exercise: (read(exercise), set()) for exercise in needed}
    return run_notebooks(notebooks, {exercise: tmp_path_factory.mktemp("kernel") for exercise in needed})


def shown(outputs) -> str:
    """A cell's outputs as the comparison reads them: printed text and displayed values, normalised."""
    return stable_text(outputs_text(outputs, results=True))


def differences(notebook: nbformat.NotebookNode, runs) -> list[str]:
    """Each code cell whose run raised or printed something other than the notebook shows."""
    problems = []
    for index, run in runs.items():
        if run.raised:
            problems.append(f"cell {index + 1} raised:\n{run.exception_line}")
            continue
        stored, fresh = shown(notebook.cells[index].outputs), shown(run.outputs)
        if stored != fresh:
            diff = difflib.unified_diff(stored.splitlines(), fresh.splitlines(), "the notebook", "the kernel", lineterm="")
            problems.append(f"cell {index + 1}: the output differs from the notebook\n" + "\n".join(diff))
    return problems


def stored_outputs(outputs) -> list[nbformat.NotebookNode]:
    """Fresh outputs as the notebook keeps them: text normalised, no execution counts."""
    kept = []
    for output in outputs:
        if output.output_type == "stream":
            kept.append(new_output("stream", name=output.name, text=stable_text(output.text) + "\n"))
        elif output.output_type in ("execute_result", "display_data"):
            data = {**output.data, "text/plain": stable_text(output.data.get("text/plain", ""))}
            kept.append(new_output(output.output_type, data=data, **({"execution_count": None} if output.output_type == "execute_result" else {})))
    return kept


@pytest.mark.kernel
@declare(exercise_inputs)
@pytest.mark.parametrize("exercise", EXERCISES)
def test_cells_print_what_the_notebook_shows(exercise_runs, exercise, request):
    runs = exercise_runs[exercise]
    if isinstance(runs, BaseException):
        raise runs
    notebook = read(exercise)
    problems = differences(notebook, runs)
    if problems and request.config.getoption("--refresh-outputs") and not any(run.raised for run in runs.values()):
        for index, run in runs.items():
            notebook.cells[index].outputs = stored_outputs(run.outputs)
            notebook.cells[index].execution_count = None
        nbformat.write(notebook, DOCS / exercise)
        return
    assert problems == []


def test_every_exercise_notebook_belongs_to_a_chapter_in_the_nav():
    """That every chapter has its notebooks, in both languages, is tested with the site's structure
    (tests/test_site_structure.py)."""
    assert [str(path) for path in notebooks("zh") if path.stem not in CHAPTERS] == []


@pytest.mark.parametrize("notebook", notebooks("zh"), ids=str)
def test_zh_and_en_exercises_are_twins(notebook):
    zh, en = read(f"zh/{notebook.as_posix()}"), nbformat.read(twin(notebook), as_version=4)
    assert [(cell.cell_type, cell.metadata.get("tags")) for cell in zh.cells] == [
        (cell.cell_type, cell.metadata.get("tags")) for cell in en.cells
    ]
    for number, (zh_cell, en_cell) in enumerate(zip(zh.cells, en.cells), 1):
        if zh_cell.cell_type == "code":
            assert code_shape(zh_cell.source) == code_shape(en_cell.source), f"cell {number}: the code differs"
            zh_text, en_text = shown(zh_cell.outputs), shown(en_cell.outputs)
            assert output_differences(zh_cell.source, zh_text, en_cell.source, en_text) == [], f"cell {number}"


@pytest.mark.parametrize("exercise", EXERCISES)
def test_every_exercise_has_a_solution_that_shows_its_result(exercise):
    notebook = read(exercise)
    solutions = [cell for cell in notebook.cells if cell.cell_type == "code" and "solution" in cell.metadata.get("tags", [])]
    headings = [cell for cell in notebook.cells if cell.cell_type == "markdown" and cell.source.startswith("## ")]
    assert len(solutions) == len(headings) >= 2
    assert all(shown(cell.outputs) for cell in solutions)
