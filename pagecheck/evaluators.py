"""Sybil evaluators: check a block against its output block, a figure against the graph drawn
before it, and that a page is complete."""

import weakref
from dataclasses import dataclass, field
from typing import Optional

import pytest
import torch
from sybil import Document, Example

from pageformat.blocks import Block, pair_blocks
from pageformat.errors import page_name
from pageformat.fences import lex_fences

from .execution import OUTPUT_CAP, Run, run_code
from .figures import Drawing, Figure, figure_problem, recording
from .isolation import fresh_torch_state
from .normalize import stable_text, tidy
from .refresh import rewrite_outputs
from .side_effects import Watch, guarded, site_root
from .verdict import output_diff, raise_mismatch

TIMED_OUT = "from pytest-timeout"  # the words pytest-timeout fails a test with when its time is up
FLOOD_LINES = 20


@dataclass
class PageRun:
    """What one run of a page has to remember between its blocks."""

    refresh: bool
    stale: list[tuple[Block, str]] = field(default_factory=list)
    drawings: list[Drawing] = field(default_factory=list)
    watch: Optional[Watch] = None


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
    run_state = page_run(example.document, refresh)
    if run_state.watch is None:
        run_state.watch = Watch.start(site_root(example.document.path), refresh)
    try:
        with guarded(run_state.watch) as touched, recording(run_state.drawings, block.code.line):
            run = run_code(block.code.source, page, block.code.line + 1, example.namespace)
    except pytest.fail.Exception as failure:
        if TIMED_OUT in str(failure):
            return f"{where}: timed out after {block.timeout} s"
        raise
    if touched:
        return f"{where}: the block must leave the reader's folder as it found it, but it\n  " + "\n  ".join(touched)
    if run.dropped:
        return f"{where}: {flood(run.printed, run.dropped)}"
    mismatch = raise_mismatch(block, run.error is not None, run.trace, "block")
    if mismatch:
        return f"{where}: {mismatch}"
    actual = printed_text(run)
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
        run_state.stale.append((block, actual))
        return None
    return f"{where}: " + output_diff(expected, actual, f"{page}:{block.shown.line} (the page)", "what the code prints")


def printed_text(run: Run) -> str:
    """What a run shows in its output or error block, in the page's stable form."""
    return stable_text(run.printed + (run.error_line if run.error is not None else ""))


def flood(printed: str, dropped: int) -> str:
    """The failure of a block that printed more than the checker keeps: its first lines and what was left out."""
    head = "\n".join(printed.splitlines()[:FLOOD_LINES])
    return (
        f"the block prints more than {OUTPUT_CAP // 1024} KB, more than a page can show; its first lines:\n"
        f"{head}\n... {len(printed.encode()) - len(head.encode()) + dropped} more bytes"
    )


def check_figure(example: Example, refresh: bool) -> Optional[str]:
    """Check a figure line against the oldest graph drawn and not yet shown; None when it shows it."""
    figure: Figure = example.parsed
    run = page_run(example.document, refresh)
    where = f"{page_name(example.document)}:{figure.line}"
    if not run.drawings:
        return f"{where}: this figure shows no drawing: no block before it drew a graph that no figure shows yet"
    problem = figure_problem(run.drawings.pop(0), figure, refresh)
    if refresh and run.watch is not None:
        run.watch.acknowledge()
    return None if problem is None else f"{where}: {problem}"


def check_page_complete(example: Example, refresh: bool) -> Optional[str]:
    """Fail if a python block escaped every parser, a block rewrote a file or no figure shows a graph drawn;
    write refreshed outputs.

    The failure starts with the line of the page's end, the line its test is named after; each
    problem below it names its own line.
    """
    problems = _page_problems(example, refresh)
    if not problems:
        return None
    document = example.document
    return f"{page_name(document)}:{_line_of_end(document)}: at the end of the page:\n" + "\n".join(problems)


def _page_problems(example: Example, refresh: bool) -> list[str]:
    document = example.document
    covered = [(region.start, region.end) for _, region in document.regions if region is not example.region]
    escaped = [
        fence
        for fence in lex_fences(document)
        if fence.is_python and not any(start <= fence.start < end for start, end in covered)
    ]
    if escaped:
        return [
            f"{page_name(document)}:{fence.line}: this python block was never executed "
            f"(info string {fence.language + ' ' + fence.attributes!r})"
            for fence in escaped
        ]
    run = page_run(document, refresh)
    rewritten = run.watch.changes_since() if run.watch is not None else []
    if rewritten:
        return [
            f"{page_name(document)}:{_line_of_end(document)}: a block of this page must leave the reader's folder "
            "as it found it, but one\n  " + "\n  ".join(rewritten)
        ]
    if run.stale:
        unstable = unstable_outputs(document, run.stale)
        if unstable:
            return unstable
        rewrite_outputs(document.path, document.text, [(block.shown, output) for block, output in run.stale])
    return [
        f'{page_name(document)}:{drawing.line}: this block draws a graph that no figure shows (after it, add <figure>, --8<-- "figures/<name>.svg" and </figure> lines)'
        for drawing in run.drawings
    ]


def unstable_outputs(document: Document, stale: list[tuple[Block, str]]) -> list[str]:
    """Run the page a second time, from a fresh state; name each stale block whose output changed.

    A refreshed output must be what every reader gets, so one that differs between two runs
    (unseeded random numbers, say) is never written.
    """
    namespace: dict = {}
    fresh_torch_state(namespace)
    second = {}
    for block in pair_blocks(document):
        if not block.needs or AVAILABLE[block.needs]():
            second[block.code.line] = printed_text(
                run_code(block.code.source, page_name(document), block.code.line + 1, namespace)
            )
    return [
        f"{page_name(document)}:{block.code.line}: the block printed something else on a second run of the "
        "page, so refresh wrote nothing; if it prints random values, seed them on the page "
        "(torch.manual_seed(0) before they are drawn)"
        for block, output in stale
        if second.get(block.code.line) != output
    ]


def _line_of_end(document: Document) -> int:
    """The line of the page-end check, as its test's name gives it."""
    return document.text.count("\n") + 1
