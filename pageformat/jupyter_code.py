"""A page's python block as the code of a notebook cell that shows, in Jupyter, what the page shows.

Two things differ between the page checker, which runs each block with ``exec``, and a Jupyter
kernel, and the cell's code settles both:

- Jupyter displays the value of a cell's last expression (``Out[n]``); ``exec`` never does, so a
  page never shows it. A bare ``torch.manual_seed(0)`` would print ``<torch._C.Generator at
  0x...>`` in the reader's notebook and nowhere on the page. Jupyter's documented way to keep a
  value from being displayed is a ``;`` after the expression: the cell's last expression
  statement gets one, unless the cell raises before it (the page shows an error) or the
  statement is a call that never returns a value (``print``, ``backward``, ``show_graph``), where
  the ``;`` would only puzzle the reader. tests/test_page_notebooks.py compares the displayed
  values too, so a value this misses fails the tests.
- A block that needs hardware the reader's machine may lack (``!!! cuda "reason"``) is skipped
  on the page, with that reason, where the hardware is missing. Its cell does the same: its code
  sits under an ``else`` whose ``if`` prints the reason when the hardware is missing.
"""

import ast
import functools
import json

from .blocks import Block

NO_VALUE_CALLS = ("print", "backward", "show_graph")
AVAILABLE_IF = {"cuda": "torch.cuda.is_available()"}
_INDENT = "    "


def cell_code(source: str, block: Block) -> str:
    """``source``, the code of ``block`` as its cell holds it, made to show what the page shows."""
    source = source.rstrip("\n")
    if block.needs:
        return _guarded(source, block.needs, block.reason)
    if block.expects_error:
        return source
    return without_echo(source)


@functools.lru_cache(maxsize=None)
def without_echo(source: str) -> str:
    """``source`` with a ``;`` after its last statement when that is an expression Jupyter would display.

    Kept for each source: a zh page and its en twin hold the same code.
    """
    body = ast.parse(source).body
    if not body or not isinstance(body[-1], ast.Expr) or _never_has_value(body[-1].value):
        return source
    lines = source.split("\n")
    last = lines[body[-1].end_lineno - 1].encode()  # ast's column offsets count UTF-8 bytes
    before, after = last[: body[-1].end_col_offset], last[body[-1].end_col_offset :]
    if after.lstrip().startswith(b";"):
        return source
    lines[body[-1].end_lineno - 1] = (before + b";" + after).decode()
    return "\n".join(lines)


def _never_has_value(expression: ast.expr) -> bool:
    """Whether ``expression`` is a call to a function that returns nothing, so Jupyter displays nothing."""
    if not isinstance(expression, ast.Call):
        return False
    function = expression.func
    name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", None)
    return name in NO_VALUE_CALLS


def _guarded(source: str, need: str, reason: str) -> str:
    """``source`` run only where ``need`` is available; elsewhere the cell prints ``reason``."""
    indented = "\n".join(_INDENT + line if line.strip() else line for line in source.split("\n"))
    return f"if not {AVAILABLE_IF[need]}:\n{_INDENT}print({json.dumps(reason, ensure_ascii=False)})\nelse:\n{indented}"
