"""Helpers for the debugging page: read the warnings anomaly detection gives, in a form that prints the same everywhere."""

import warnings

TRIGGERED_NOTE = " (Triggered internally at "


def first_line(warning: warnings.WarningMessage) -> str:
    """The first line of a caught warning's message, without torch's ``(Triggered internally at …)`` note.

    Warnings raised from torch's C++ code end their first or last line with a note naming the
    source file of torch's build, which says nothing about the reader's code.
    """
    return str(warning.message).splitlines()[0].split(TRIGGERED_NOTE)[0]
