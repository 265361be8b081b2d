"""Turn captured text into the stable form a page shows, and compare it with the page."""

import re

ADDRESS = re.compile(r"( object at )0x[0-9a-fA-F]+")
STABLE_ADDRESS = r"\g<1>0x..."
TRIGGERED = re.compile(r" ?\(Triggered internally at [^\n]*?\)(?=\n|$)")


def stable_text(text: str) -> str:
    """The form a page shows: no object addresses, no torch build paths, no trailing blanks."""
    text = ADDRESS.sub(STABLE_ADDRESS, text)
    text = TRIGGERED.sub("", text)
    return tidy(text)


def tidy(text: str) -> str:
    """Drop trailing whitespace on each line and blank lines at the end."""
    return "\n".join(line.rstrip() for line in text.rstrip().splitlines())
