"""MkDocs hook: an inline code span is not read again by every inline pattern after the one that made it.

Python-Markdown runs its inline patterns in turn over each text, and the element a pattern makes
is read again by all the patterns after it unless its text is an ``AtomicString``. Its own
backtick pattern makes code atomic, as code is literal. pymdownx.inlinehilite, which takes that
pattern's place, puts the code's HTML in the HTML stash and leaves in the ``<code>`` element only
the stash's placeholder, not atomic: each of the ~4100 inline code spans of a build was read again
by the fifteen patterns after it, two fifths of all the pattern runs of a build (~0.05 s CPU), and
none of the site's patterns matches a bare placeholder. Here the ``<code>`` element whose text is nothing but a placeholder
gets it as an ``AtomicString``, as the backtick pattern gives it; the HTML is unchanged
(tests/test_inline_code.py converts every page both ways).

The hook wraps ``InlineHilitePattern.handleMatch``, the pattern's public method: inlinehilite
has no setting for this.
"""

import re
from xml.etree import ElementTree

from markdown.util import HTML_PLACEHOLDER, AtomicString
from pymdownx.inlinehilite import InlineHilitePattern

_PLACEHOLDER = re.compile(HTML_PLACEHOLDER % r"[0-9]+")
_handle_match = InlineHilitePattern.handleMatch


def with_atomic_code(pattern: InlineHilitePattern, match: re.Match, data: str) -> tuple:
    """``InlineHilitePattern.handleMatch``, its ``<code>`` element's placeholder made atomic."""
    node, start, end = _handle_match(pattern, match, data)
    if isinstance(node, ElementTree.Element) and not len(node) and node.text and _PLACEHOLDER.fullmatch(node.text):
        node.text = AtomicString(node.text)
    return node, start, end


def on_startup(**_) -> None:
    """Make inlinehilite's code spans atomic, as Python-Markdown's own are."""
    InlineHilitePattern.handleMatch = with_atomic_code
