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
import shutil
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_output

from resultcache.plugin import declare
from tests.result_inputs import exercise_inputs
from tests.docs import DOCS, LANGUAGES, ROOT, fail_with, notebooks, site_config, twin
from tests.kernels import outputs_text, run_notebooks, selected
from pagecheck.normalize import stable_text
from pageformat.exercise_text import orphan_texts, pair_problems, write_notebook, write_text
from pagelint.exercises import exercise_problems
from pagelint.parity import code_shape, output_differences
from pagelint.site_structure import chapters

PLANTED = Path(__file__).parent / "samples" / "exercises"
REFRESH = "`.venv/bin/python -m pytest tests/test_exercises.py --refresh-outputs` stores what it prints; read the diff"
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
            problems.append(f"cell {index + 1} raised (an exercise raises nothing: a solution that shows an error catches and prints it):\n{run.exception_line}")
            continue
        stored, fresh = shown(notebook.cells[index].outputs), shown(run.outputs)
        if stored != fresh:
            diff = difflib.unified_diff(stored.splitlines(), fresh.splitlines(), "the notebook", "the kernel", lineterm="")
            problems.append(f"cell {index + 1}: the output differs from the notebook; {REFRESH}\n" + "\n".join(diff))
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
    fail_with([f"docs/{exercise} {problem}" for problem in problems])


def test_every_exercise_notebook_belongs_to_a_chapter_in_the_nav():
    """That every chapter has its notebooks, in both languages, is tested with the site's structure
    (tests/test_site_structure.py)."""
    fail_with(
        [
            f"docs/zh/exercises/{path.name} belongs to no chapter: a chapter's exercises are named after its page in the nav of mkdocs.yml"
            for path in notebooks("zh")
            if path.stem not in CHAPTERS
        ]
    )


@pytest.mark.parametrize("exercise", EXERCISES)
def test_every_notebook_is_written_from_its_text_file(exercise):
    fail_with(pair_problems(Path("docs") / exercise))


def test_every_text_file_has_its_notebook():
    fail_with(orphan_texts())


def twin_problems(zh_name: str, en_name: str, zh: nbformat.NotebookNode, en: nbformat.NotebookNode) -> list[str]:
    """A sentence for each cell where twin exercise notebooks differ beyond translation."""
    kinds = [(cell.cell_type, cell.metadata.get("tags")) for cell in zh.cells], [(cell.cell_type, cell.metadata.get("tags")) for cell in en.cells]
    if kinds[0] != kinds[1]:
        number = next((index for index, (z, e) in enumerate(zip(*kinds), 1) if z != e), min(map(len, kinds)) + 1)
        return [
            f"{zh_name} and {en_name} differ from cell {number} on in the kind of their cells or their tags "
            f"({len(zh.cells)} and {len(en.cells)} cells): the twins have the same cells, in the same order, with the same tags"
        ]
    problems = []
    for number, (zh_cell, en_cell) in enumerate(zip(zh.cells, en.cells), 1):
        if zh_cell.cell_type != "code":
            continue
        if code_shape(zh_cell.source) != code_shape(en_cell.source):
            problems.append(f"{zh_name} and {en_name} cell {number}: the code differs; only its labels and comments are translated")
            continue
        zh_text, en_text = shown(zh_cell.outputs), shown(en_cell.outputs)
        if output_differences(zh_cell.source, zh_text, en_cell.source, en_text):
            problems.append(f"{zh_name} and {en_name} cell {number}: the outputs differ beyond translated labels; {REFRESH}")
    return problems


@pytest.mark.parametrize("notebook", notebooks("zh"), ids=str)
def test_zh_and_en_exercises_are_twins(notebook):
    zh, en = read(f"zh/{notebook.as_posix()}"), nbformat.read(twin(notebook), as_version=4)
    fail_with(twin_problems(f"docs/zh/{notebook.as_posix()}", f"docs/en/{notebook.as_posix()}", zh, en))


@pytest.mark.parametrize("exercise", EXERCISES)
def test_every_exercise_has_a_solution_that_shows_its_result(exercise):
    fail_with(exercise_problems(DOCS / exercise, f"docs/{exercise}"))


def test_a_planted_notebook_with_one_exercise_and_no_solution_fails_naming_the_rules():
    assert exercise_problems(PLANTED / "one_exercise.ipynb", "docs/zh/exercises/one.ipynb") == [
        "docs/zh/exercises/one.ipynb has 1 exercise; a chapter has at least 2, each a Markdown cell that starts with a `## ` heading, "
        "followed by its code and a code cell tagged `solution`: edit exercises/zh/one.md and run `make exercises`",
        "docs/zh/exercises/one.ipynb cell 2: the exercise “## 练习 1：叶子张量” has no code cell tagged `solution` before the next one: "
        "edit exercises/zh/one.md and run `make exercises`",
    ]


def test_a_planted_solution_that_prints_nothing_fails_naming_its_cell():
    assert exercise_problems(PLANTED / "silent_solution.ipynb", "docs/zh/exercises/one.ipynb") == [
        "docs/zh/exercises/one.ipynb cell 7: the solution of “## 练习 2：梯度” shows nothing; a solution prints its result, and "
        "`.venv/bin/python -m pytest tests/test_exercises.py --refresh-outputs` stores what it prints"
    ]


def test_planted_twins_whose_cells_or_code_differ_fail_naming_the_cell():
    zh = nbformat.read(PLANTED / "silent_solution.ipynb", as_version=4)
    en = nbformat.read(PLANTED / "silent_solution.ipynb", as_version=4)
    en.cells[5].source = "y = (x * 3).sum()"
    assert twin_problems("zh.ipynb", "en.ipynb", zh, en) == [
        "zh.ipynb and en.ipynb cell 6: the code differs; only its labels and comments are translated"
    ]
    del en.cells[3].metadata["tags"]
    assert twin_problems("zh.ipynb", "en.ipynb", zh, en) == [
        "zh.ipynb and en.ipynb differ from cell 4 on in the kind of their cells or their tags (7 and 7 cells): "
        "the twins have the same cells, in the same order, with the same tags"
    ]


def test_a_notebook_edited_apart_from_its_text_file_fails_naming_the_cell(tmp_path):
    (tmp_path / "docs" / "zh" / "exercises").mkdir(parents=True)
    notebook = Path("docs/zh/exercises/one.ipynb")
    shutil.copy(PLANTED / "silent_solution.ipynb", tmp_path / notebook)
    assert pair_problems(notebook, tmp_path) == [
        "docs/zh/exercises/one.ipynb has no text file exercises/zh/one.md: write it with `make exercise-text NOTEBOOK=docs/zh/exercises/one.ipynb`"
    ]
    write_text(notebook, tmp_path)
    assert pair_problems(notebook, tmp_path) == []
    edited = nbformat.read(tmp_path / notebook, as_version=4)
    edited.cells[4].source += "\n\n提示：链式法则。"
    nbformat.write(edited, tmp_path / notebook)
    assert pair_problems(notebook, tmp_path) == [
        "docs/zh/exercises/one.ipynb cell 5 is not what exercises/zh/one.md says: edit exercises/zh/one.md, never the notebook, and run `make exercises`"
    ]
    write_notebook(Path("exercises/zh/one.md"), tmp_path)
    assert pair_problems(notebook, tmp_path) == []
    assert nbformat.read(tmp_path / notebook, as_version=4).cells[3].outputs == edited.cells[3].outputs
