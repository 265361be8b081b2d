"""MkDocs hook: output and error blocks are marked ``no-copy``, so Material gives them no copy button.

What a python block printed is read, not pasted. Material's script gives every code block a copy
button inside a new ``<nav>`` unless the block sits in a ``no-copy`` element; pages.css used to
hide the button of each output and error block after the script had made it. Each such insertion
changes the page while the script measures the next block, so the browser lays the page out again
once per block: on the error gallery, half of its ~120 blocks. The blocks, in the pages' markup and
in the notebook pages' (hooks/notebook_cells.py), get the class here instead, and no button is
made for them; what a reader sees is the same.
"""

import re

_OUTPUT_BLOCK = re.compile(r'<div class="language-(?P<kind>output|error) highlight">')


def without_copy_buttons(html: str) -> str:
    """``html`` with every output and error block's ``<div>`` given the ``no-copy`` class."""
    return _OUTPUT_BLOCK.sub(r'<div class="language-\g<kind> highlight no-copy">', html)


def on_page_content(html: str, **_) -> str:
    """Mark the page's output and error blocks ``no-copy``."""
    return without_copy_buttons(html)
