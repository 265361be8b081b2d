"""A page as a Jupyter notebook: its prose as Markdown cells, its python blocks as code cells and
the outputs the page shows (checked against torch by the tests) as those cells' outputs.

The notebook runs on its own: lesson code the page imports from ``snippets/`` travels inside it
(see :mod:`.inline_snippets`), announced by a Markdown cell in the page's language. In Jupyter it
shows what the page shows (see :mod:`.jupyter_code`).

The cells are built as plain notebook nodes: nbformat's ``new_*`` helpers validate every cell
against the notebook schema as it is made, a third of the time the site build spends making the
notebooks. The notebook is validated whole by tests/test_page_notebooks.py instead.
"""

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from mkdocs.utils.meta import get_data
from nbformat import NotebookNode, from_dict, v4
from sybil import Document

from .blocks import STDERR_MARK, Block, pair_blocks
from .inline_snippets import Module, modules_to_inline, snippet_imports, without_statements
from .jupyter_code import cell_code
from .jupyter_markdown import jupyter_markdown

KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}
RAISES = "raises-exception"
INLINED_NOTE = {
    "zh": "本页用 {statements} 从本仓库的 {paths} 导入课程代码。为了让这个 notebook 离开仓库、在任何目录下都能运行，"
    "下面的单元格直接给出了这段代码，导入语句也就省去了。",
    "en": "The page imports lesson code from {paths} in the repository with {statements}. So that this notebook "
    "runs on its own, in any folder, that code follows below and the import is left out.",
}
_LIST_SEPARATOR = {"zh": "、", "en": ", "}
_EXCEPTION = re.compile(r"^(?:[A-Za-z_]\w*\.)*(?P<name>[A-Za-z_]\w*(?:Error|Exception))(?::[ \t]?(?P<value>.*))?$")


@dataclass(frozen=True)
class PageNotebook:
    """A page's notebook, and for each code cell made from a python block, that block."""

    notebook: NotebookNode
    blocks: dict[int, Block]


def page_notebook(path: Path, language: str) -> PageNotebook:
    """The notebook of the page at ``path``, written in ``language`` (``zh`` or ``en``)."""
    text = path.read_text(encoding="utf-8")
    cells, blocks, inlined = [], {}, set()
    position = len(text) - len(get_data(text)[0])  # after the front matter, if any
    indent = ""
    for block in pair_blocks(Document(text, str(path))):
        cells += _markdown_cells(jupyter_markdown(text[position : block.code.start], indent))
        source = block.code.source
        imports = snippet_imports(source)
        statements = [ast.get_source_segment(source, statement) for statement in imports]
        cells += _inlined_cells(statements, modules_to_inline(source, inlined), language)
        blocks[len(cells)] = block
        cells.append(_code_cell(without_statements(source, imports), block))
        position = block.end
        indent = "" if block.code.prefix.strip() else block.code.prefix
    cells += _markdown_cells(jupyter_markdown(text[position:], indent))
    for number, cell in enumerate(cells, 1):
        cell.id = f"cell-{number}"
    metadata = {"kernelspec": KERNEL, "language_info": {"name": "python"}}
    notebook = from_dict({"nbformat": v4.nbformat, "nbformat_minor": v4.nbformat_minor, "metadata": metadata, "cells": cells})
    return PageNotebook(notebook, blocks)


def page_outputs(block: Block) -> list[NotebookNode]:
    """What the page shows after ``block``, as notebook outputs: printed text, then the exception."""
    if block.shown is None:
        return []
    shown = block.shown.source.rstrip("\n")
    if not block.expects_error:
        return _streams(shown + "\n")
    printed, ename, evalue, error_text = split_error(shown)
    error = from_dict({"output_type": "error", "ename": ename, "evalue": evalue, "traceback": error_text.split("\n")})
    return _streams(printed) + [error]


def split_error(shown: str) -> tuple[str, str, str, str]:
    """Split an error block into the printed text, the exception's name and message, and its text.

    The exception starts at the last line that names one (``torch.autograd.gradcheck.GradcheckError:
    ...``), since its message may run over several lines; the last line otherwise.
    """
    lines = shown.split("\n")
    starts = [number for number, line in enumerate(lines) if _EXCEPTION.match(line)] or [len(lines) - 1]
    printed, error_lines = lines[: starts[-1]], lines[starts[-1] :]
    match = _EXCEPTION.match(error_lines[0])
    ename = match["name"] if match else "Exception"
    evalue = "\n".join([(match["value"] or "") if match else error_lines[0]] + error_lines[1:])
    return "".join(line + "\n" for line in printed), ename, evalue, "\n".join(error_lines)


def _streams(text: str) -> list[NotebookNode]:
    """The printed text of an output block as Jupyter's stream outputs: stdout, and stderr unmarked."""
    outputs: list[NotebookNode] = []
    for line in text.splitlines(keepends=True):
        name = "stderr" if line.startswith(STDERR_MARK) else "stdout"
        line = line.removeprefix(STDERR_MARK)
        if outputs and outputs[-1].name == name:
            outputs[-1].text += line
        else:
            outputs.append(from_dict({"output_type": "stream", "name": name, "text": line}))
    return outputs


def _code_cell(source: str, block: Block) -> NotebookNode:
    metadata = {"tags": [RAISES]} if block.expects_error else {}
    return _new_code_cell(cell_code(source, block), page_outputs(block), metadata)


def _new_code_cell(
    source: str, outputs: Optional[list[NotebookNode]] = None, metadata: Optional[dict] = None
) -> NotebookNode:
    cell = {"cell_type": "code", "execution_count": None, "metadata": metadata or {}, "outputs": outputs or []}
    return from_dict(cell | {"source": source})


def _new_markdown_cell(source: str) -> NotebookNode:
    return from_dict({"cell_type": "markdown", "metadata": {}, "source": source})


def _markdown_cells(markdown: str) -> list[NotebookNode]:
    return [_new_markdown_cell(markdown)] if markdown.strip() else []


def _inlined_cells(statements: list[str], modules: list[Module], language: str) -> list[NotebookNode]:
    """A note saying which lesson code the notebook carries in place of ``statements``, then one cell per module."""
    if not modules:
        return []
    separator = _LIST_SEPARATOR[language]
    note = INLINED_NOTE[language].format(
        statements=separator.join(f"`{statement}`" for statement in statements),
        paths=separator.join(f"`{module.path}`" for module in modules),
    )
    return [_new_markdown_cell(note)] + [_new_code_cell(module.source.strip("\n")) for module in modules]
