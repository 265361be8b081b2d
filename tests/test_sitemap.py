"""sitemap.xml names every page of both languages, the exercises included, with its translation."""

import xml.etree.ElementTree as ET

from tests.docs import every_twin, fail_with, page_paths, site_config

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_entries(site) -> dict[str, set[str]]:
    """Each URL of the sitemap and the URLs its ``hreflang`` alternates give."""
    root = ET.parse(site / "sitemap.xml").getroot()
    return {
        url.find("s:loc", NS).text: {link.get("href") for link in url.findall("x:link", NS)}
        for url in root.findall("s:url", NS)
    }


def test_the_sitemap_lists_every_page_with_both_languages(site):
    every_twin()
    base = site_config()["site_url"]
    entries = sitemap_entries(site)
    expected = {base + path for path in page_paths()}
    problems = [f"sitemap.xml lists {url}, which is no page" for url in sorted(set(entries) - expected)]
    problems += [f"sitemap.xml does not list {url}" for url in sorted(expected - set(entries))]
    for url, alternates in entries.items():
        zh = url.removeprefix(base).removeprefix("en/")
        if alternates != {base + zh, base + "en/" + zh}:
            problems.append(f"sitemap.xml gives {url} the alternates {', '.join(sorted(alternates))}, not its page in both languages")
    fail_with(problems)
