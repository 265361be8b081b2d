"""The exercises as text: each notebook written from a MyST Markdown file, edited without Jupyter.

``exercises/<lang>/<chapter>.md`` (Jupytext's MyST Markdown: prose as it is, code in
```` ```{code-cell} ```` blocks, a cell's tags in its options) is what a contributor edits and a
reviewer reads; ``docs/<lang>/exercises/<chapter>.ipynb``, the page the site shows, is written
from it, with the outputs of running it. Writing the notebook keeps the stored output of every
code cell whose code did not change; a changed cell gets its output from
``.venv/bin/python -m pytest tests/test_exercises.py --refresh-outputs``, which runs the notebooks.

    .venv/bin/python -m pageformat.exercise_text            # every text file -> its notebook
    .venv/bin/python -m pageformat.exercise_text --to-text docs/zh/exercises/x.ipynb   # a notebook -> its text file

The text file is the source: it diffs line by line, and the notebook is checked to hold exactly
its cells (:func:`pair_problems`, tests/test_exercises.py).
"""

import argparse
import sys
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parent.parent
FORMAT = "md:myst"
TEXT_FOLDER = "exercises"
NOTEBOOK_METADATA = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}


def text_of(notebook: Path) -> Path:
    """``exercises/<lang>/<chapter>.md`` for ``docs/<lang>/exercises/<chapter>.ipynb`` (both relative to the repository)."""
    language, name = notebook.parts[-3], notebook.with_suffix(".md").name
    return Path(TEXT_FOLDER, language, name)


def notebook_of(text: Path) -> Path:
    """``docs/<lang>/exercises/<chapter>.ipynb`` for ``exercises/<lang>/<chapter>.md``."""
    return Path("docs", text.parts[-2], "exercises", text.with_suffix(".ipynb").name)


def cells_of(text: str) -> list[nbformat.NotebookNode]:
    """The cells the MyST Markdown ``text`` describes."""
    return jupytext.reads(text, fmt=FORMAT).cells


def write_text(notebook: Path, root: Path = ROOT) -> Path:
    """Write the text file of a notebook (any notebook: its cells, sources and cell metadata; no outputs)."""
    read = nbformat.read(root / notebook, as_version=4)
    read.metadata = {"jupytext": {"notebook_metadata_filter": "-all"}}
    target = root / text_of(notebook)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(jupytext.writes(read, fmt=FORMAT), encoding="utf-8")
    return target


def write_notebook(text: Path, root: Path = ROOT) -> Path:
    """Write the notebook of a text file, keeping the stored outputs of each code cell whose code is unchanged."""
    target = root / notebook_of(text)
    stored = {}
    if target.is_file():
        stored = {cell.source: cell.outputs for cell in nbformat.read(target, as_version=4).cells if cell.cell_type == "code"}
    notebook = nbformat.v4.new_notebook(metadata=NOTEBOOK_METADATA)
    for cell in cells_of((root / text).read_text(encoding="utf-8")):
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = stored.get(cell.source, []), None
        notebook.cells.append(cell)
    target.parent.mkdir(parents=True, exist_ok=True)
    for number, cell in enumerate(notebook.cells, 1):
        cell.id = f"cell-{number}"  # not random: writing the notebook again changes no line it need not
    nbformat.write(notebook, target)
    return target


def pair_problems(notebook: Path, root: Path = ROOT) -> list[str]:
    """A sentence for a notebook that is not what its text file says (or has none), naming the cell and the command that fixes it."""
    text = text_of(notebook)
    if not (root / text).is_file():
        return [f"{notebook.as_posix()} has no text file {text.as_posix()}: write it with `make exercise-text NOTEBOOK={notebook.as_posix()}`"]
    expected = cells_of((root / text).read_text(encoding="utf-8"))
    actual = nbformat.read(root / notebook, as_version=4).cells
    regenerate = f"edit {text.as_posix()}, never the notebook, and run `make exercises`"
    for number, (want, have) in enumerate(zip(expected, actual), 1):
        if (want.cell_type, want.source, dict(want.metadata)) != (have.cell_type, have.source, dict(have.metadata)):
            return [f"{notebook.as_posix()} cell {number} is not what {text.as_posix()} says: {regenerate}"]
    if len(expected) != len(actual):
        return [f"{notebook.as_posix()} has {len(actual)} cells where {text.as_posix()} has {len(expected)}: {regenerate}"]
    return []


def orphan_texts(root: Path = ROOT) -> list[str]:
    """A sentence for each text file whose notebook does not exist."""
    return [
        f"{text.relative_to(root).as_posix()} has no notebook {notebook_of(text).as_posix()}: run `make exercises`"
        for text in sorted((root / TEXT_FOLDER).glob("*/*.md"))
        if not (root / notebook_of(text.relative_to(root))).is_file()
    ]


def main(arguments: list[str]) -> int:
    """Write notebooks from their text files (all, or those named), or, with ``--to-text``, text files from notebooks."""
    parser = argparse.ArgumentParser(prog="python -m pageformat.exercise_text", description=__doc__.split("\n\n")[0])
    parser.add_argument("--to-text", action="store_true", help="write the text file of each notebook named (any notebook under docs/<lang>/exercises/)")
    parser.add_argument("files", nargs="*", type=Path, help="text files (default: every exercises/<lang>/*.md), or notebooks with --to-text")
    options = parser.parse_args(arguments)
    if options.to_text:
        written = [write_text(notebook) for notebook in options.files or sorted(Path("docs").glob("*/exercises/*.ipynb"))]
    else:
        written = [write_notebook(text) for text in options.files or sorted(Path(TEXT_FOLDER).glob("*/*.md"))]
    print("\n".join(f"wrote {path.relative_to(ROOT).as_posix()}" for path in written))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
