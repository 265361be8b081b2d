"""Helpers for the in-place page: read the forward traceback that anomaly detection attaches to a warning."""


def forward_culprit(message: str) -> str:
    """The source line of the innermost frame in the warning anomaly detection gives when backward fails.

    The warning reads ``Error detected in ExpBackward0. Traceback of forward call that caused the
    error:`` followed by the Python stack of the forward call, innermost frame last. File names and
    line numbers depend on where the code runs (a script, a page, a notebook cell); the source
    line of the innermost frame does not, and it is the line that created the failing node.
    """
    stack = message.split("Traceback of forward call that caused the error:", 1)[1]
    sources = [line.strip() for line in stack.splitlines() if line.startswith("    ")]
    return sources[-1]
