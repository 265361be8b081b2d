"""MkDocs hook: Pygments works out its highlighting style's CSS classes once per build process.

Every code block of every page is highlighted by a new Pygments ``HtmlFormatter`` (made by
pymdownx.highlight for the pages, by mkdocs-jupyter for each notebook cell), and each new
formatter walks its whole style to map token types to CSS classes: about 900 times per build,
a tenth of the build's time. That map depends only on the style and the class prefix, so it is
worked out once for each pair and each formatter gets its own copy of it; the HTML is unchanged.
"""

from pygments.formatters.html import HtmlFormatter

_create_stylesheet = HtmlFormatter._create_stylesheet
_STYLESHEETS: dict[tuple, tuple[dict, dict]] = {}


def _cached_stylesheet(formatter: HtmlFormatter) -> None:
    """Give ``formatter`` the token-to-class map of its style and prefix, worked out once."""
    key = (formatter.style, formatter.classprefix)
    if key not in _STYLESHEETS:
        _create_stylesheet(formatter)
        _STYLESHEETS[key] = (formatter.ttype2class, formatter.class2style)
    ttype2class, class2style = _STYLESHEETS[key]
    formatter.ttype2class, formatter.class2style = dict(ttype2class), dict(class2style)


def on_startup(**_) -> None:
    """Make every Pygments HTML formatter reuse its style's CSS classes."""
    HtmlFormatter._create_stylesheet = _cached_stylesheet
