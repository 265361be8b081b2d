"""Find the lesson code a page imports from ``snippets/``, so its notebook can carry that code along.

A downloaded notebook runs on a reader's machine, far from this repository, where
``from snippets.graph import attribute_table`` has nothing to import. The notebook therefore
holds the module's code in a cell of its own and leaves the import line out. A module that
imports another snippets module brings that one along first.
"""

import ast
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "snippets"
REPOSITORY = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Module:
    """A snippets module as a notebook cell holds it: its file and its code, minus snippets imports."""

    path: str
    source: str


@functools.lru_cache(maxsize=None)
def snippet_imports(source: str) -> tuple[ast.ImportFrom, ...]:
    """The top-level ``from snippets.<module> import ...`` statements of ``source``.

    Kept for each source: a zh page and its en twin hold the same code. A source that never names
    the package imports nothing from it and is not parsed: most blocks.
    """
    if PACKAGE not in source:
        return ()
    return tuple(
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PACKAGE + ".")
    )


def without_statements(source: str, statements: Sequence[ast.stmt]) -> str:
    """``source`` without the lines of ``statements``."""
    dropped = {line for statement in statements for line in range(statement.lineno, statement.end_lineno + 1)}
    return "".join(line for number, line in enumerate(source.splitlines(keepends=True), 1) if number not in dropped)


def modules_to_inline(source: str, inlined: set[str]) -> list[Module]:
    """The snippets modules ``source`` imports and ``inlined`` lacks, each after those it imports.

    Adds their names to ``inlined``, so that no module is carried twice.
    """
    modules = []
    for statement in snippet_imports(source):
        if statement.module in inlined:
            continue
        inlined.add(statement.module)
        path = Path(*statement.module.split(".")).with_suffix(".py")
        code = (REPOSITORY / path).read_text(encoding="utf-8")
        modules += modules_to_inline(code, inlined)
        modules.append(Module(path.as_posix(), without_statements(code, snippet_imports(code))))
    return modules
