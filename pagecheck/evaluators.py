"""Sybil evaluators: check a block against its output block, a figure against the graph drawn
before it, and that a page is complete."""

import os
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import pytest
from sybil import Document, Example

from pageformat.blocks import Block, pair_blocks
from pageformat.errors import page_name
from pageformat.fences import lex_fences
from pageformat.inline_snippets import REPOSITORY

from .execution import OUTPUT_CAP
from .figures import Drawing, figure_problem
from .normalize import tidy
from .pageprocess import PageEnded, PageProcess
from .reports import BlockCode, PageRequest
from .refresh import rewrite_outputs
from .side_effects import site_root
from .verdict import output_diff, raise_mismatch

FLOOD_LINES = 20


@dataclass
class PageRun:
    """What one run of a page has to remember between its blocks: its process, what it printed, what it drew."""

    refresh: bool
    process: PageProcess
    stale: list[tuple[Block, str]] = field(default_factory=list)
    drawings: list[Drawing] = field(default_factory=list)
    redrawn: set[Path] = field(default_factory=set)


_RUNS: "weakref.WeakKeyDictionary[Document, PageRun]" = weakref.WeakKeyDictionary()


def page_request(document: Document, refresh: bool) -> PageRequest:
    """What the page's child process runs: every block, in page order, with the hardware it needs
    (the child skips those this machine lacks)."""
    blocks = tuple(BlockCode(block.code.line, block.code.source, block.needs) for block in pair_blocks(document))
    return PageRequest(page_name(document), blocks, os.getcwd(), str(site_root(document.path)), refresh)


def page_run(document: Document, refresh: bool) -> PageRun:
    """The run of ``document``, its child process started on first use."""
    if document not in _RUNS:
        _RUNS[document] = PageRun(refresh, PageProcess(page_request(document, refresh)))
    return _RUNS[document]


def check_block(example: Example, refresh: bool) -> Optional[str]:
    """Compare what a block printed in the page's process with its output block; None when they agree."""
    block: Block = example.parsed
    page = page_name(example.document)
    where = f"{page}:{block.code.line}"
    run_state = page_run(example.document, refresh)
    try:
        run = run_state.process.block_run(block.code.line, block.timeout)
    except PageEnded as ended:
        if ended.line == block.code.line:
            return f"{where}: {ended.reason}"
        pytest.skip(f"{where}: did not run, the block at line {ended.line} stopped the page")
    if run.skipped:
        pytest.skip(f"{where}: {block.reason}")
    run_state.drawings.extend(run.drawings)
    if run.touched:
        return f"{where}: the block must leave the reader's folder as it found it, but it\n  " + "\n  ".join(run.touched)
    if run.dropped:
        return f"{where}: {flood(run.printed, run.dropped)}"
    mismatch = raise_mismatch(block, run.raised, run.trace, "block")
    if mismatch:
        return f"{where}: {mismatch}"
    actual = run.shown
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
    if refresh:
        run.redrawn.add((REPOSITORY / figure.path).resolve())
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
    run = _RUNS.get(document)
    if run is None:
        return []
    root = site_root(document.path)
    rewritten = [change for change in run.process.page_end() if (root / change.split(" ", 1)[1]).resolve() not in run.redrawn]
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
    """Run the page a second time, in a fresh process under another hash seed; name each stale
    block whose output changed.

    A refreshed output must be what every reader gets, so one that differs between two runs
    (unseeded random numbers, the order of a set) is never written.
    """
    second = PageProcess(page_request(document, refresh=True), second_run=True)
    outputs = {}
    for block, _ in stale:
        try:
            outputs[block.code.line] = second.block_run(block.code.line, block.timeout).shown
        except PageEnded:
            break
    second.stop()
    return [
        f"{page_name(document)}:{block.code.line}: the block printed something else on a second run of the "
        "page, in a fresh process under another hash seed, so refresh wrote nothing; if it prints random values, seed them on the "
        "page (torch.manual_seed(0) before they are drawn); if it prints a set, print it sorted"
        for block, output in stale
        if outputs.get(block.code.line) != output
    ]


def _line_of_end(document: Document) -> int:
    """The line of the page-end check, as its test's name gives it."""
    return document.text.count("\n") + 1
