"""MkDocs hook: a code block highlighted once is not highlighted again.

The zh and en twin of a page hold the same code (pagelint/parity.py checks it), and most output
blocks are the same too, so part of the ~960 blocks of a build would be highlighted a second
time. pymdownx.highlight calls ``pygments.highlight(source, lexer, formatter)`` for each; its
HTML depends only on the source, the lexer's class and options and the formatter's class and
options, so it is kept under those and reused, and the HTML is unchanged. The lexer of a name is
looked up once, not through Pygments' list of lexers for every block. (The exercise notebooks'
code cells are highlighted once for both languages by hooks/notebook_cells.py.)
"""

import functools

import pygments
from pygments.lexers import get_lexer_by_name
from pymdownx import highlight as pymdownx_highlight

_HIGHLIGHTED: dict[tuple, str] = {}
_highlight = pygments.highlight


def _options(options: dict) -> str:
    return repr(sorted(options.items()))


def reused_highlight(source: str, lexer, formatter) -> str:
    """``pygments.highlight``, worked out once for each source, lexer and formatter setting."""
    key = (source, type(lexer), _options(lexer.options), type(formatter), _options(formatter.options))
    if key not in _HIGHLIGHTED:
        _HIGHLIGHTED[key] = _highlight(source, lexer, formatter)
    return _HIGHLIGHTED[key]


@functools.cache
def _lexer_class(name: str) -> type:
    return type(get_lexer_by_name(name))


def lexer_by_name(name: str, **options):
    """``get_lexer_by_name``, its lexer class looked up once per name."""
    return _lexer_class(name)(**options)


def on_startup(**_) -> None:
    """Make pymdownx.highlight reuse what it highlighted and the lexer classes it found."""
    pymdownx_highlight.highlight = reused_highlight
    pymdownx_highlight.get_lexer_by_name = lexer_by_name
