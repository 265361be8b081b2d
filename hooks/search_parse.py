"""MkDocs hook: the search plugin reads each code block's text without its highlighting markup.

Material's search plugin feeds every page's HTML to a pure-Python HTML parser, and Pygments
wraps each token of a highlighted block in a ``<span>``: the ~980 code blocks make most of the
tags it walks through, a fifth of the build. Those spans are neither kept in the index (only
``p``, ``code``, ``pre``, lists, ``sub`` and ``sup`` are) nor excluded from it, and they nest
inside ``<pre>``, below any heading: removing them inside ``<pre>`` before the parser sees the
page leaves the text it collects, so the index, unchanged. Only what the search plugin parses
is changed; the pages keep their markup.
"""

import re

from material.plugins.search import plugin as search

_PRE = re.compile(r"<pre\b[^>]*>.*?</pre>", re.S)
_SPAN = re.compile(r"</?span\b[^>]*>")


def without_code_spans(html: str) -> str:
    """``html`` with every ``<span ...>`` and ``</span>`` inside a ``<pre>`` element removed."""
    return _PRE.sub(lambda block: _SPAN.sub("", block.group(0)), html)


class CodeTextParser(search.Parser):
    """Material's search parser, fed each page without the highlighting spans of its code blocks."""

    def feed(self, data: str) -> None:
        super().feed(without_code_spans(data))


def on_startup(**_) -> None:
    """Give the search plugin the parser that skips highlighting spans."""
    search.Parser = CodeTextParser
