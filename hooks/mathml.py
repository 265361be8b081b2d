"""MkDocs hook: render the pages' LaTeX as MathML at build time.

pymdownx.arithmatex (generic mode) marks ``$...$`` and ``$$...$$`` in the HTML; this hook turns
each marked formula into MathML, which browsers render natively: no MathJax, no KaTeX, no CDN.
"""

import html
import re

from latex2mathml.converter import convert

_INLINE = re.compile(r'<span class="arithmatex">\\\((?P<tex>.*?)\\\)</span>', re.DOTALL)
_BLOCK = re.compile(r'<div class="arithmatex">\\\[(?P<tex>.*?)\\\]</div>', re.DOTALL)


def to_mathml(tex: str, display: str) -> str:
    """MathML for one formula of a page (``display`` is ``inline`` or ``block``)."""
    return convert(html.unescape(tex).strip(), display=display)


def on_page_content(page_html: str, **_) -> str:
    """Replace every formula arithmatex marked in a page with its MathML."""
    page_html = _BLOCK.sub(lambda m: f'<div class="math">{to_mathml(m["tex"], "block")}</div>', page_html)
    return _INLINE.sub(lambda m: f'<span class="math">{to_mathml(m["tex"], "inline")}</span>', page_html)
