"""Run one block of page code in the page's namespace and capture every stream a reader would see.

A reader sees, under a cell or in a terminal, what the code writes to stdout and to stderr, and
the warnings Python shows on stderr. All three are kept here in the order they were written,
in the form a page's output block shows them:

- stdout as it is;
- a warning as its category and message (``UserWarning: message``), one per line;
- anything else written to stderr with :data:`~pageformat.blocks.STDERR_MARK` in front of each of its lines.

Writes that bypass Python's streams (C code writing to file descriptors 1 and 2) are kept too,
after what the block wrote through Python.
"""

import contextlib
import os
import sys
import tempfile
import traceback
import warnings
from dataclasses import dataclass
from typing import Iterator, Optional

from pageformat.blocks import STDERR_MARK

OUTPUT_CAP = 64 * 1024  # bytes a block may print; past it the rest is counted, not kept


@dataclass(frozen=True)
class Run:
    """What running a block produced: its printed text, what it printed past the cap, and its exception."""

    printed: str
    error: Optional[BaseException]
    dropped: int = 0

    @property
    def error_line(self) -> str:
        """The exception as the last line of a traceback shows it (``RuntimeError: ...``).

        A SyntaxError shows its message alone, as the other exceptions do, without the
        file, line and caret lines Python prints above it.
        """
        if isinstance(self.error, SyntaxError):
            return f"{type(self.error).__name__}: {self.error.msg}"
        return "".join(traceback.format_exception_only(type(self.error), self.error)).rstrip("\n")

    @property
    def trace(self) -> str:
        """The traceback of the exception, from the page's code down: no frame of the checker's."""
        if self.error is None:
            return ""
        return "".join(traceback.format_exception(self.error.with_traceback(_page_frames(self.error)))).rstrip()


class Transcript:
    """The streams of a block, kept in the order they were written, up to ``cap`` bytes; the rest is counted."""

    def __init__(self, cap: int = OUTPUT_CAP):
        self.cap = cap
        self.parts: list[str] = []
        self.size = 0
        self.dropped = 0
        self.stderr_line_open = False

    def write(self, text: str) -> None:
        """Keep ``text`` while under the cap; count the bytes past it."""
        data = text.encode("utf-8", "surrogatepass")
        room = self.cap - self.size
        if len(data) <= room:
            self.parts.append(text)
            self.size += len(data)
            return
        kept = data[: max(room, 0)].decode("utf-8", "ignore")
        self.parts.append(kept)
        self.size = self.cap
        self.dropped += len(data) - len(kept.encode("utf-8", "surrogatepass"))

    def write_stderr(self, text: str) -> None:
        """Keep stderr text, each of its lines marked as stderr."""
        marked = []
        for line in text.splitlines(keepends=True):
            marked.append(line if self.stderr_line_open else STDERR_MARK + line)
            self.stderr_line_open = not line.endswith("\n")
        self.write("".join(marked))

    def getvalue(self) -> str:
        """What was kept."""
        return "".join(self.parts)


class _Stream:
    """A text stream that hands what is written to it to a :class:`Transcript`."""

    def __init__(self, write, name: str):
        self._write = write
        self.name = name
        self.encoding = "utf-8"
        self.errors = "strict"

    def write(self, text: str) -> int:
        self._write(text)
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        raise OSError("a page block's stream has no file descriptor")


def show_warnings_on(transcript_of) -> None:
    """Show every warning as ``Category: message`` in the transcript of the block running now.

    Which warnings are shown is left to Python's filters, as a reader's fresh interpreter has them.
    """

    def show(message, category, *_):
        transcript_of().write(f"{category.__name__}: {message}\n")

    warnings.showwarning = show


@contextlib.contextmanager
def descriptors_captured() -> Iterator[list[str]]:
    """Point file descriptors 1 and 2 at temporary files; yield a list that receives what was written to each."""
    sys.__stdout__ and sys.__stdout__.flush()
    sys.__stderr__ and sys.__stderr__.flush()
    saved = [os.dup(1), os.dup(2)]
    files = [tempfile.TemporaryFile(), tempfile.TemporaryFile()]
    written: list[str] = []
    try:
        os.dup2(files[0].fileno(), 1)
        os.dup2(files[1].fileno(), 2)
        yield written
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for descriptor in saved:
            os.close(descriptor)
        for file in files:
            file.seek(0)
            written.append(file.read().decode("utf-8", "replace"))
            file.close()


def run_code(source: str, filename: str, first_line: int, namespace: dict, transcript: Transcript) -> Run:
    """Execute ``source`` in ``namespace``; stdout, stderr and warnings go to ``transcript`` in order.

    ``first_line`` is the page line the code starts on, so tracebacks (a SyntaxError's
    included) point into the page. Every exception the block raises is caught and returned,
    ``KeyboardInterrupt`` and ``SystemExit`` included: it is the block's, and the caller decides.
    """
    error = None
    with descriptors_captured() as by_descriptor:
        with contextlib.redirect_stdout(_Stream(transcript.write, "<stdout>")), contextlib.redirect_stderr(
            _Stream(transcript.write_stderr, "<stderr>")
        ):
            try:
                exec(compile("\n" * (first_line - 1) + source, filename, "exec"), namespace)
            except BaseException as exc:  # the page may expect it: the caller decides
                error = exc
    stdout, stderr = by_descriptor
    transcript.write(stdout)
    transcript.write_stderr(stderr)
    return Run(transcript.getvalue(), error, transcript.dropped)


def _page_frames(error: BaseException):
    """The traceback of ``error`` without the frame of :func:`run_code` that called ``exec``."""
    frames = error.__traceback__
    if frames is not None and frames.tb_frame.f_code is run_code.__code__:
        return frames.tb_next
    return frames
