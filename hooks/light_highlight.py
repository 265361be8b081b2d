"""MkDocs hook: highlighted code without the elements that change nothing a reader sees.

Pygments wraps every token in a ``<span>`` of its class. On the long pages (the error gallery,
going further, no-grad) those spans are two thirds of the page's elements, and the browser styles
and lays out each of them; on a phone that is most of the page's blocking time. Three kinds of
span look exactly as unwrapped text does, in both palettes:

- ``n``, a plain name: Material colours it ``--md-code-hl-name-color``, which is the code's own
  colour, ``--md-code-fg-color``;
- ``w``, whitespace: no rule styles it;
- ``go``, what a program printed: it fills the output and error blocks, whose text pages.css
  used to give the code's own colour (the site's only Generic.Output tokens).

Their tokens are written as plain text here, and the empty ``<span></span>`` Pygments puts before
each block's ``<code>`` (it keeps a leading blank line of a bare ``<pre>``, which a ``<code>``
keeps anyway) is left out. Every other token keeps its span and its colour, and the code's text,
the copy button and search are unchanged.
"""

from pygments.formatters.html import HtmlFormatter
from pygments.token import Generic, Name, Text

UNSTYLED = frozenset({Name, Text.Whitespace, Generic.Output})
_css_classes = HtmlFormatter._get_css_classes
_wrap_pre = HtmlFormatter._wrap_pre


def _classes_of_styled_tokens(formatter: HtmlFormatter, ttype) -> str:
    """The CSS classes of ``ttype``; none for a token that looks as plain text does, so it gets no span."""
    return "" if ttype in UNSTYLED else _css_classes(formatter, ttype)


def _pre_without_empty_span(formatter: HtmlFormatter, inner):
    """Pygments' ``<pre>`` wrapper without the empty span it opens the block with."""
    for kind, chunk in _wrap_pre(formatter, inner):
        yield kind, chunk.replace("<span></span>", "") if kind == 0 else chunk


def on_startup(**_) -> None:
    """Make every Pygments HTML formatter leave out the spans that change nothing a reader sees."""
    HtmlFormatter._get_css_classes = _classes_of_styled_tokens
    HtmlFormatter._wrap_pre = _pre_without_empty_span
