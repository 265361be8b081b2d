"""The floor under the cost of checking the pages: running their code and nothing else.

Every python block of every docs page, both languages, in page order, in this one process;
each page in a fresh namespace, as the checker gives it; what the code prints is thrown away
and nothing is compared. Blocks that need what this machine lacks (a GPU) are left out, as the
checker leaves them out; an exception from a block the page expects to raise is caught. The
checker can cost no less than this: `make bench` compares the two.

Run on its own: ``python -m tests.floor`` (it fails if a block raises unexpectedly).
"""

import contextlib
import io
from pathlib import Path

from sybil import Document

from pagecheck.evaluators import AVAILABLE
from pageformat.blocks import pair_blocks
from tests.docs import DOCS, LANGUAGES, pages


def run_page(path: Path) -> None:
    """Run the python blocks of the page at ``path`` in a fresh namespace, output discarded."""
    namespace = {"__name__": "__main__"}
    for block in pair_blocks(Document(path.read_text(encoding="utf-8"), str(path))):
        if block.needs and not AVAILABLE[block.needs]():
            continue
        code = compile(block.code.source, f"{path}:{block.code.line}", "exec")
        discarded = io.StringIO()
        with contextlib.redirect_stdout(discarded), contextlib.redirect_stderr(discarded):
            try:
                exec(code, namespace)
            except Exception:
                if not block.expects_error:
                    raise


def main() -> None:
    """Run every docs page of every language."""
    for language in LANGUAGES:
        for page in pages(language):
            run_page(DOCS / language / page)


if __name__ == "__main__":
    main()
