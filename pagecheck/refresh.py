"""Rewrite a page's stale output blocks in place, leaving every other byte as it was.

An output that holds a run of backticks as long as its fence gets a longer fence (CommonMark's
rule), so that the page keeps its block structure whatever the code prints.

The page was read (by Sybil, with universal newlines) when the run began; the refresh works on
the file's bytes as they are now. It refuses to write when the page changed on disk since it was
read, keeps each line's ending (LF, CRLF) and a byte-order mark, and replaces the file atomically:
a temporary file in the same folder, renamed over the page, so a kill mid-write leaves the page
either as it was or as refreshed.
"""

import os
import re
import tempfile
from pathlib import Path

from pageformat.errors import PageError
from pageformat.fences import Fence

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_MARKER = re.compile(r"(?P<marker>`{3,}|~{3,})")


def as_read(raw: str) -> str:
    """The page text as Sybil reads it: every line ending turned into ``\\n``."""
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def rewrite_outputs(path: str, text: str, stale: list[tuple[Fence, str]]) -> None:
    """Replace the content of each stale output fence and save the page at ``path`` atomically.

    ``text`` is the page as it was read when the run began; the fences' offsets refer to it.
    """
    raw = _current(path)
    if as_read(raw) != text:
        raise PageError(f"{os.path.relpath(path)}: changed while refreshing; run again")
    lines = _LINE.findall(raw)
    for fence, output in sorted(stale, key=lambda item: item[0].start, reverse=True):
        opening, first, last = (text.count("\n", 0, at) for at in (fence.start, fence.content_start, fence.content_end))
        ending = _ending(lines[first] if first < last else lines[first - 1])
        marker = _MARKER.search(lines[opening])["marker"]
        longer = _longest_run(output, marker[0]) + 1
        if longer > len(marker):
            for index in (opening, last):
                lines[index] = lines[index].replace(marker, marker[0] * longer, 1)
        lines[first:last] = [(fence.prefix + line).rstrip() + ending for line in output.split("\n")]
    _replace(path, "".join(lines), raw)


def _longest_run(text: str, character: str) -> int:
    """The length of the longest run of ``character`` in ``text``: a fence must be longer to hold it."""
    return max((len(run) for run in re.findall(f"{re.escape(character)}+", text)), default=0)


def _current(path: str) -> str:
    with open(path, encoding="utf-8", newline="") as page:
        return page.read()


def _ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :] or "\n"


def _replace(path: str, new: str, read: str) -> None:
    """Write ``new`` to a temporary file beside ``path``, then rename it over ``path`` if it still holds ``read``."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".refresh-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(new)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, os.stat(path).st_mode & 0o7777)
        if _current(path) != read:
            raise PageError(f"{os.path.relpath(path)}: changed while refreshing; run again")
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
