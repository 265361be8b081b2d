"""Rewrite a page's prose for Jupyter, which knows plain Markdown but not the site's extensions.

Four things on the site's pages would show as raw text in a notebook:

- admonitions (``!!! warning "Title"`` and the indented lines under it) become block quotes
  that start with the title in bold;
- heading anchors (``## Title {#anchor}``) become ``<a id="anchor"></a>``, so links to
  ``#anchor`` still land;
- links to another page (``graph.md#anchor``) point at that page's notebook (``graph.ipynb#anchor``);
- a file the page includes (``--8<-- "figures/graph.svg"``, pymdownx.snippets) is put in its
  place, as the site build does.
"""

import re

from .blocks import ADMONITION
from .inline_snippets import REPOSITORY

ADMONITION_INDENT = "    "
_HEADING_ANCHOR = re.compile(r"^(?P<heading>#{1,6} .*?)[ \t]*\{[ \t]*#(?P<anchor>[\w-]+)[ \t]*\}[ \t]*$", re.MULTILINE)
_INCLUDED_FILE = re.compile(r'^[ \t]*-+8<-+[ \t]+"(?P<path>[^"\n]+)"[ \t]*$', re.MULTILINE)
_PAGE_LINK = re.compile(r"\]\((?P<page>(?![a-z][\w+.-]*:|/|#)[^)\s]*?)\.md(?P<anchor>#[^)\s]*)?\)")


def jupyter_markdown(prose: str, indent: str = "") -> str:
    """``prose`` as Jupyter Markdown; ``indent`` is the admonition indentation it starts inside, if any."""
    prose = _INCLUDED_FILE.sub(lambda match: (REPOSITORY / match["path"]).read_text(encoding="utf-8").strip(), prose)
    prose = _HEADING_ANCHOR.sub(r'\g<heading> <a id="\g<anchor>"></a>', prose)
    prose = _PAGE_LINK.sub(r"](\g<page>.ipynb\g<anchor>)", prose)
    return _admonitions_as_quotes(prose, indent).strip("\n")


def _admonitions_as_quotes(prose: str, indent: str) -> str:
    """Turn each admonition into a block quote; a blank line stays inside only when more follows."""
    lines, blank = [], False
    inside = indent or None
    for line in prose.split("\n"):
        if not line.strip():
            blank = True
            continue
        header = ADMONITION.match(line)
        continues = inside is not None and line.startswith(inside)
        if lines and (blank or header):
            lines.append(">" if continues and not header else "")
        blank = False
        if header:
            inside = ADMONITION_INDENT
            lines.append(f"> **{header['title'] or header['kind'].capitalize()}**")
            blank = True
        elif continues:
            lines.append("> " + line[len(inside) :])
        else:
            inside = None
            lines.append(line)
    return "\n".join(lines)
