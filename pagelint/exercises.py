"""The rules an exercise notebook follows, each broken rule one sentence naming the notebook and cell.

- A chapter's notebook has at least :data:`MINIMUM` exercises; an exercise starts with a Markdown
  cell whose first line is a ``## `` heading.
- Each exercise has its answer: a code cell tagged ``solution`` before the next exercise (the site
  folds the cells tagged ``solution`` away), and that cell shows its result (it prints something).
"""

from pathlib import Path

import nbformat

MINIMUM = 2
SOLUTION = "solution"
EDIT = "edit exercises/{language}/{chapter}.md and run `make exercises`"


def is_solution(cell) -> bool:
    """Whether a cell is tagged ``solution``."""
    return SOLUTION in cell.metadata.get("tags", [])


def exercise_problems(path: Path, name: str) -> list[str]:
    """A sentence for each rule the notebook at ``path`` (named ``name`` in the sentences) breaks."""
    cells = nbformat.read(path, as_version=4).cells
    edit = EDIT.format(language=Path(name).parts[-3], chapter=Path(name).stem)
    starts = [index for index, cell in enumerate(cells) if cell.cell_type == "markdown" and cell.source.startswith("## ")]
    problems = []
    if len(starts) < MINIMUM:
        problems.append(
            f"{name} has {len(starts)} exercise{'s' if len(starts) != 1 else ''}; a chapter has at least {MINIMUM}, each a Markdown "
            f"cell that starts with a `## ` heading, followed by its code and a code cell tagged `{SOLUTION}`: {edit}"
        )
    for start, end in zip(starts, starts[1:] + [len(cells)]):
        solutions = [index for index in range(start, end) if cells[index].cell_type == "code" and is_solution(cells[index])]
        heading = cells[start].source.splitlines()[0]
        if not solutions:
            problems.append(f"{name} cell {start + 1}: the exercise “{heading}” has no code cell tagged `{SOLUTION}` before the next one: {edit}")
        problems += [
            f"{name} cell {index + 1}: the solution of “{heading}” shows nothing; a solution prints its result, and "
            "`.venv/bin/python -m pytest tests/test_exercises.py --refresh-outputs` stores what it prints"
            for index in solutions
            if not cells[index].outputs
        ]
    return problems
