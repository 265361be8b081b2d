"""MkDocs hook: keep per-page language links in the selector and the sitemap, not in <head>.

mkdocs-static-i18n points each page's ``extra.alternate`` at that page's translation. Material
renders those links twice: in the language selector (right) and as ``<link rel="alternate">``
in ``<head>``, from which its script fetches ``<link>/sitemap.xml`` — a file that exists only
at each language's root, so every page load made two requests that failed with 404. The
hreflang pairs stay in sitemap.xml, where search engines read them.
"""

import re

_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output: str, **_) -> str:
    """Drop the language ``<link rel="alternate">`` tags from the page's head."""
    head, separator, body = output.partition("</head>")
    return _HEAD_ALTERNATE.sub("", head) + separator + body
