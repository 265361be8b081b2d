"""Pair each ``python`` block with the block that shows what it prints.

The convention of every page::

    ```python
    print(1 + 1)
    ```

    ```output
    2
    ```

An ``output`` block shows what the code writes, in the order it writes it: stdout as it is,
each warning as ``UserWarning: message``, and each line written to stderr after
:data:`STDERR_MARK`. An ``error`` block marks the code as expected to raise and shows the same,
then the exception's last line. Only blank lines may
stand between the code and its output block.

A block may run for :data:`DEFAULT_TIMEOUT_S` seconds; a fence attribute gives one block
another limit: ```` ```python timeout=120 ````.

Blocks that need hardware the machine may lack sit inside an admonition whose type names the
need and whose title, shown on the page, says why they may be skipped::

    !!! cuda "Needs a CUDA GPU: skipped where there is none"

        ```python
        ...
        ```
"""

import re
from dataclasses import dataclass
from typing import Optional

from sybil import Document

from .errors import PageError, page_name
from .fences import Fence, lex_fences

STDERR_MARK = "[stderr] "  # in front of each line an output block shows that the code wrote to stderr
OUTPUT = "output"
ERROR = "error"
DEFAULT_TIMEOUT_S = 60
_TIMEOUT = re.compile(r"(?:^|\s)timeout=(?P<seconds>\d+)(?=\s|$)")
NEEDS = ("cuda",)
ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+"(?P<title>[^"]*)")?')


@dataclass(frozen=True)
class Block:
    """A python block and the output or error block that follows it, if any."""

    code: Fence
    shown: Optional[Fence]
    needs: Optional[str] = None
    reason: str = ""

    @property
    def expects_error(self) -> bool:
        """Whether the page marks this code as expected to raise."""
        return self.shown is not None and self.shown.language == ERROR

    @property
    def timeout(self) -> int:
        """Seconds the block may run: ``timeout=N`` among the fence's attributes, else the default."""
        match = _TIMEOUT.search(self.code.attributes)
        return int(match["seconds"]) if match else DEFAULT_TIMEOUT_S

    @property
    def end(self) -> int:
        """Where the code and its output block end in the page."""
        return (self.shown or self.code).end


def pair_blocks(document: Document) -> list[Block]:
    """Return the page's python blocks with their output blocks, rejecting stray outputs."""
    fences = lex_fences(document)
    blocks = []
    index = 0
    while index < len(fences):
        fence = fences[index]
        if fence.language in (OUTPUT, ERROR):
            raise PageError(
                f"{page_name(document)}:{fence.line}: this {fence.language} block follows no python "
                "block (only blank lines may stand between a python block and its output)"
            )
        following = fences[index + 1] if index + 1 < len(fences) else None
        if fence.is_python:
            shown = following if following is not None and _shows_output_of(document, fence, following) else None
            blocks.append(Block(fence, shown, *_needs(document, fence)))
            index += 2 if shown else 1
            continue
        index += 1
    return blocks


def _shows_output_of(document: Document, code: Fence, following: Fence) -> bool:
    between = document.text[code.end : following.start]
    return following.language in (OUTPUT, ERROR) and not between.strip(" \t\n>")


def _needs(document: Document, fence: Fence) -> tuple[Optional[str], str]:
    """The need named by the admonition around ``fence`` (such as ``cuda``) and its title."""
    if not fence.prefix or fence.prefix.strip():
        return None, ""
    lines = document.text[: fence.start].splitlines()
    for line in reversed(lines):
        if line.strip() and not line.startswith(fence.prefix):
            match = ADMONITION.match(line)
            if match is None or match.group("kind") not in NEEDS:
                return None, ""
            if not (match.group("title") or "").strip():
                raise PageError(
                    f"{page_name(document)}:{fence.line}: the {match.group('kind')} admonition around this "
                    "block needs a title that tells the reader why it may be skipped"
                )
            return match.group("kind"), match.group("title")
    return None, ""
