"""Run one block of page code in the page's namespace and capture what a reader would see."""

import contextlib
import io
import traceback
import warnings
from dataclasses import dataclass
from typing import Any, Optional

OUTPUT_CAP = 64 * 1024  # bytes a block may print; past it the rest is counted, not kept
HIDDEN_FROM_LIBRARIES = (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)


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


class CappedText(io.TextIOBase):
    """A text stream that keeps the first ``cap`` bytes written to it and counts the rest."""

    def __init__(self, cap: int):
        self.cap = cap
        self.kept = io.StringIO()
        self.size = 0
        self.dropped = 0

    def writable(self) -> bool:
        """It is a stream one writes to."""
        return True

    def write(self, text: str) -> int:
        """Keep ``text`` while under the cap; count the bytes past it."""
        size = len(text.encode("utf-8", "surrogatepass"))
        room = self.cap - self.size
        if size <= room:
            self.kept.write(text)
            self.size += size
        else:
            kept = text.encode("utf-8", "surrogatepass")[: max(room, 0)].decode("utf-8", "ignore")
            self.kept.write(kept)
            self.size = self.cap
            self.dropped += size - len(kept.encode("utf-8", "surrogatepass"))
        return len(text)

    def getvalue(self) -> str:
        """What was kept."""
        return self.kept.getvalue()


def run_code(source: str, filename: str, first_line: int, namespace: dict[str, Any]) -> Run:
    """Execute ``source`` in ``namespace``; stdout and warnings are captured in order.

    ``first_line`` is the page line the code starts on, so tracebacks (a SyntaxError's
    included) point into the page. What the block prints past :data:`OUTPUT_CAP` is dropped
    and counted. Only exceptions are caught: the test runner's own interruptions (a timeout,
    Ctrl-C) pass through.
    """
    printed = CappedText(OUTPUT_CAP)

    def show(message, category, *_):
        printed.write(f"{category.__name__}: {message}\n")

    error = None
    with contextlib.redirect_stdout(printed), warnings.catch_warnings():
        show_warnings_as_python_does()
        warnings.showwarning = show
        try:
            exec(compile("\n" * (first_line - 1) + source, filename, "exec"), namespace)
        except Exception as exc:  # the page may expect it: the caller decides
            error = exc
    return Run(printed.getvalue(), error, printed.dropped)


def show_warnings_as_python_does() -> None:
    """Show each warning every time, except those Python hides by default when a library raises them.

    A reader's Python (a script or a Jupyter kernel) shows a ``DeprecationWarning`` only when
    the reader's own code (``__main__``) triggers it, and never an ``ImportWarning`` or the like;
    a page's code runs as ``__main__`` too (:func:`pagecheck.isolation.fresh_torch_state`).
    Everything else is shown every time it is raised, so that a page shows the warnings a reader
    running that page alone would see.
    """
    warnings.simplefilter("always")
    for category in HIDDEN_FROM_LIBRARIES:
        warnings.filterwarnings("ignore", category=category)
    warnings.filterwarnings("always", category=DeprecationWarning, module="__main__")


def _page_frames(error: BaseException):
    """The traceback of ``error`` without the frame of :func:`run_code` that called ``exec``."""
    frames = error.__traceback__
    if frames is not None and frames.tb_frame.f_code is run_code.__code__:
        return frames.tb_next
    return frames
