"""Sybil evaluators: check a block against its output block, a figure against the graph drawn
before it, and that a page is complete."""

import traceback
import weakref
from dataclasses import dataclass, field
from typing import Optional

import pytest
import torch
from sybil import Document, Example

from pageformat.blocks import Block
from pageformat.errors import page_name
from pageformat.fences import Fence, lex_fences

from .execution import run_code
from .figures import Drawing, Figure, figure_problem, recording
from .normalize import stable_text, tidy
from .refresh import rewrite_outputs
from .verdict import output_diff, raise_mismatch


@dataclass
class PageRun:
    """What one run of a page has to remember between its blocks."""

    refresh: bool
    stale: list[tuple[Fence, str]] = field(default_factory=list)
    drawings: list[Drawing] = field(default_factory=list)


AVAILABLE = {"cuda": torch.cuda.is_available}

_RUNS: "weakref.WeakKeyDictionary[Document, PageRun]" = weakref.WeakKeyDictionary()


def page_run(document: Document, refresh: bool) -> PageRun:
    """The run state of ``document``, created on first use."""
    return _RUNS.setdefault(document, PageRun(refresh))


def check_block(example: Example, refresh: bool) -> Optional[str]:
    """Run a block; return a failure message, or None when the page shows what it does."""
    block: Block = example.parsed
    page = page_name(example.document)
    where = f"{page}:{block.code.line}"
    if block.needs and not AVAILABLE[block.needs]():
        pytest.skip(f"{where}: {block.reason}")
    with recording(page_run(example.document, refresh).drawings, block.code.line):
        run = run_code(block.code.source, page, block.code.line + 1, example.namespace)
    trace = "".join(traceback.format_exception(run.error)).rstrip() if run.error is not None else ""
    mismatch = raise_mismatch(block, run.error is not None, trace, "block")
    if mismatch:
        return f"{where}: {mismatch}"
    actual = stable_text(run.printed + (run.error_line if run.error is not None else ""))
    if block.shown is None:
        if actual:
            return f"{where}: unshown output: the block prints this, but no output block follows it\n{actual}"
        return None
    if not actual:
        return f"{where}: the page shows an output block, but the block prints nothing"
    expected = tidy(block.shown.source)
    if expected == actual:
        return None
    if refresh:
        page_run(example.document, refresh).stale.append((block.shown, actual))
        return None
    return f"{where}: " + output_diff(expected, actual, f"{page}:{block.shown.line} (the page)", "what the code prints")


def check_figure(example: Example, refresh: bool) -> Optional[str]:
    """Check a figure line against the oldest graph drawn and not yet shown; None when it shows it."""
    figure: Figure = example.parsed
    run = page_run(example.document, refresh)
    where = f"{page_name(example.document)}:{figure.line}"
    if not run.drawings:
        return f"{where}: this figure shows no drawing: no block before it drew a graph that no figure shows yet"
    problem = figure_problem(run.drawings.pop(0), figure, refresh)
    return None if problem is None else f"{where}: {problem}"


def check_page_complete(example: Example, refresh: bool) -> Optional[str]:
    """Fail if a python block escaped every parser or no figure shows a graph drawn; write refreshed outputs."""
    document = example.document
    covered = [(region.start, region.end) for _, region in document.regions if region is not example.region]
    escaped = [
        fence
        for fence in lex_fences(document)
        if fence.is_python and not any(start <= fence.start < end for start, end in covered)
    ]
    if escaped:
        return "\n".join(
            f"{page_name(document)}:{fence.line}: this python block was never executed "
            f"(info string {fence.language + ' ' + fence.attributes!r})"
            for fence in escaped
        )
    run = page_run(document, refresh)
    if run.stale:
        rewrite_outputs(document.path, document.text, run.stale)
    return "\n".join(
        f'{page_name(document)}:{drawing.line}: this block draws a graph that no figure shows (after it, add <figure>, --8<-- "figures/<name>.svg" and </figure> lines)'
        for drawing in run.drawings
    ) or None
