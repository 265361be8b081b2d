"""Run one block of page code in the page's namespace and capture what a reader would see."""

import contextlib
import io
import traceback
import warnings
from dataclasses import dataclass
from typing import Any, Optional


@dataclass(frozen=True)
class Run:
    """What running a block produced: its printed text and, if it raised, the exception."""

    printed: str
    error: Optional[BaseException]

    @property
    def error_line(self) -> str:
        """The exception as the last line of a traceback shows it (``RuntimeError: ...``)."""
        return "".join(traceback.format_exception_only(type(self.error), self.error)).rstrip("\n")


def run_code(source: str, filename: str, first_line: int, namespace: dict[str, Any]) -> Run:
    """Execute ``source`` in ``namespace``; stdout and warnings are captured in order.

    ``first_line`` is the page line the code starts on, so tracebacks point into the page.
    """
    code = compile("\n" * (first_line - 1) + source, filename, "exec")
    printed = io.StringIO()

    def show(message, category, *_):
        printed.write(f"{category.__name__}: {message}\n")

    error = None
    with contextlib.redirect_stdout(printed), warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = show
        try:
            exec(code, namespace)
        except Exception as exc:  # the page may expect it: the caller decides
            error = exc
    return Run(printed.getvalue(), error)
