"""The floor under the cost of checking the pages: running their code, as a reader does, and nothing else.

Every python block of every docs page, both languages, in page order; each page in a fresh
process forked from this one after it imported torch, as the checker runs it (a reader's new
kernel: what torch imports on first use is imported again by each page); what the code prints
is thrown away and nothing is compared. Blocks that need what this machine lacks (a GPU) are
left out, as the checker leaves them out; an exception from a block the page expects to raise
is caught. The checker can cost no less than this: `make bench` compares the two.

Run on its own: ``python -m tests.floor`` (it fails if a block raises unexpectedly).
"""

import contextlib
import io
import os
import sys
from pathlib import Path

import torch
from sybil import Document

from pageformat.blocks import pair_blocks
from tests.docs import DOCS, LANGUAGES, pages


def run_page(path: Path) -> None:
    """Run the python blocks of the page at ``path`` in a fresh namespace, output discarded."""
    namespace = {"__name__": "__main__"}
    for block in pair_blocks(Document(path.read_text(encoding="utf-8"), str(path))):
        if block.needs == "cuda" and not torch.cuda.is_available():
            continue
        code = compile(block.code.source, f"{path}:{block.code.line}", "exec")
        discarded = io.StringIO()
        with contextlib.redirect_stdout(discarded), contextlib.redirect_stderr(discarded):
            try:
                exec(code, namespace)
            except Exception:
                if not block.expects_error:
                    raise


def run_page_in_a_fork(path: Path) -> bool:
    """Run the page in a child forked from this process; whether it ran as its page says."""
    child = os.fork()
    if child == 0:
        try:
            run_page(path)
        except BaseException:
            os._exit(1)
        os._exit(0)
    return os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]) == 0


def main() -> None:
    """Run every docs page of every language, each in a process of its own."""
    failed = [
        str(DOCS / language / page)
        for language in LANGUAGES
        for page in pages(language)
        if not run_page_in_a_fork(DOCS / language / page)
    ]
    if failed:
        sys.exit(f"a block raised unexpectedly on: {', '.join(failed)}")


if __name__ == "__main__":
    main()
