"""The one Sybil that checks every page, and a way to check a page without pytest."""

from functools import partial
from pathlib import Path

import pytest
from sybil import Document, Region, Sybil
from sybil.example import SybilFailure

from pageformat.blocks import pair_blocks

from .evaluators import check_block, check_figure, check_page_complete
from .figures import page_figures


def parse_blocks(document: Document, refresh: bool = False):
    """Sybil parser: one region for each python block and the output block after it."""
    evaluator = partial(check_block, refresh=refresh)
    for block in pair_blocks(document):
        yield Region(block.code.start, block.end, block, evaluator)


def parse_figures(document: Document, refresh: bool = False):
    """Sybil parser: one region for each line that inlines a figure."""
    evaluator = partial(check_figure, refresh=refresh)
    for start, end, figure in page_figures(document):
        yield Region(start, end, figure, evaluator)


def parse_page_end(document: Document, refresh: bool = False):
    """Sybil parser: one last region that checks no python block escaped and every drawing was shown."""
    end = len(document.text)
    yield Region(end, end, None, partial(check_page_complete, refresh=refresh))


def make_sybil(refresh: bool = False, **options) -> Sybil:
    """The Sybil for Markdown pages; with ``refresh`` stale outputs are rewritten, not failed.

    Each page runs in a child process of its own (:mod:`.pageprocess`); the test process only compares.
    """
    return Sybil(
        parsers=[
            partial(parse_blocks, refresh=refresh),
            partial(parse_figures, refresh=refresh),
            partial(parse_page_end, refresh=refresh),
        ],
        **options,
    )


def check_page(sybil: Sybil, path: Path) -> list[str]:
    """Run every example of one page outside pytest; return the failure messages.

    Skipped blocks (hardware the machine lacks) are left out silently here; pytest reports them.
    """
    document = sybil.parse(path)
    failures = []
    for example in document.examples():
        try:
            example.evaluate()
        except SybilFailure as failure:
            failures.append(failure.result)
        except pytest.skip.Exception:
            continue
    return failures
