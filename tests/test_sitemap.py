"""sitemap.xml names every page of both languages, the exercises included, with its translation."""

import xml.etree.ElementTree as ET

from tests.docs import page_paths, site_config

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_entries(site) -> dict[str, set[str]]:
    """Each URL of the sitemap and the URLs its ``hreflang`` alternates give."""
    root = ET.parse(site / "sitemap.xml").getroot()
    return {
        url.find("s:loc", NS).text: {link.get("href") for link in url.findall("x:link", NS)}
        for url in root.findall("s:url", NS)
    }


def test_the_sitemap_lists_every_page_with_both_languages(site):
    base = site_config()["site_url"]
    entries = sitemap_entries(site)
    assert sorted(entries) == sorted(base + path for path in page_paths())
    for url, alternates in entries.items():
        path = url.removeprefix(base)
        zh = path.removeprefix("en/")
        assert alternates == {base + zh, base + "en/" + zh}, url
