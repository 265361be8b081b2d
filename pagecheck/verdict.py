"""How the checker words a block whose run differs from its page.

Shared by the page checker (code run in this process) and the notebook test (the same code
run in a Jupyter kernel), so both say the same thing about the same mistake.
"""

import difflib
from typing import Optional

from pageformat.blocks import Block


def raise_mismatch(block: Block, raised: bool, trace: str, ran: str) -> Optional[str]:
    """What is wrong when ``ran`` (a block, a cell) raised and the page shows no error block, or the reverse."""
    if raised and not block.expects_error:
        return f"the {ran} raised, but the page shows no error block after it\n{trace}"
    if not raised and block.expects_error:
        return f"the page shows an error block, but the {ran} raised nothing"
    return None


def output_diff(expected: str, actual: str, page_label: str, run_label: str) -> str:
    """The failure for an output that differs from the page's, with a unified diff; when ``page_label``
    names the page (``docs/zh/x.md:12 (the page)``), it ends with the command that accepts the output."""
    diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), page_label, run_label, lineterm="")
    page = page_label.split(":")[0]
    accept = f"\nif the code is right, accept what it prints: .venv/bin/python -m pytest {page} --refresh-outputs, then read git diff"
    return "the output differs from the page\n" + "\n".join(diff) + (accept if page.endswith(".md") else "")
