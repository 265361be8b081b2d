"""Every internal link and anchor of the built site resolves, in both languages.

A link the build left pointing at a Markdown file (``grahp.md``: no page has that file) is the
author's, and tests/test_page_links.py names its page, line and what to do; it is left to that test."""

from urllib.parse import urlsplit

from tests.builtsite import broken_links, html_pages
from tests.docs import every_twin, fail_with


def test_every_internal_link_and_anchor_resolves(site):
    ids = {}
    every_twin()
    fail_with(
        [
            f"site/{page.relative_to(site).as_posix()} links {link}: fix the link in its source page or notebook"
            for page in html_pages(site)
            for link in broken_links(site, page, ids)
            if not urlsplit(link.split(" ")[0]).path.endswith(".md")
        ]
    )


def test_the_link_check_notices_a_broken_anchor_and_a_missing_page(tmp_path):
    (tmp_path / "a").mkdir()
    page = tmp_path / "a" / "index.html"
    page.write_text('<h2 id="here">x</h2><a href="#here">ok</a><a href="#gone">x</a><a href="../b/">x</a>')
    assert broken_links(tmp_path, page, {}) == ["#gone (no #gone in a/index.html)", "../b/ (no b/index.html)"]
