"""The licence: the code under MIT (LICENSE), the pages and figures under CC BY-SA 4.0
(LICENSE-CONTENT), said in every page's footer in the page's language; every third-party file the
site ships is named, with its licence, in THIRD-PARTY-NOTICES.md."""

import fnmatch
import re
from pathlib import Path

import material
import pytest

from resultcache.plugin import declare
from tests.builtsite import parsed
from tests.docs import LANGUAGES, ROOT
from tests.result_inputs import built_language_inputs, built_pages_of

CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"
MIT = "https://github.com/autograd-guide/autograd-guide/blob/main/LICENSE"
FOOTER_WORDS = {"zh": ("正文与插图采用", "许可协议", "代码采用"), "en": ("Text and figures are licensed under", "code under the")}
THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
OWN_FILES = {"assets/stylesheets/pages.css", "assets/javascripts/scrollable-code.js", "assets/javascripts/copy-buttons.js"}   # overrides/ files the project wrote itself
SHIM = OVERRIDES / "assets" / "javascripts" / "iframe-worker.js"


def shipped_from_others(site: Path) -> list[str]:
    """The files of the built site copied from the theme or from overrides/ (not pages rendered from
    their templates), less the project's own."""
    return sorted(
        relative for path in site.rglob("*") if path.is_file() and path.suffix != ".html"
        for relative in [path.relative_to(site).as_posix()]
        if ((THEME / relative).is_file() or (OVERRIDES / relative).is_file()) and relative not in OWN_FILES
    )


def noticed_patterns() -> list[str]:
    """The paths (with ``*``) that THIRD-PARTY-NOTICES.md's table names in its first column."""
    rows = re.findall(r"^\| (`.+?) \|", (ROOT / "THIRD-PARTY-NOTICES.md").read_text(encoding="utf-8"), re.M)
    return [pattern for row in rows for pattern in re.findall(r"`([^`]+)`", row)]


def test_the_licence_files_hold_the_full_texts():
    code = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert code.startswith("MIT License\n\nCopyright (c) 2026 the autograd-guide contributors\n")
    assert "Permission is hereby granted, free of charge, to any person obtaining a copy" in code
    content = (ROOT / "LICENSE-CONTENT").read_text(encoding="utf-8")
    assert content.startswith("Attribution-ShareAlike 4.0 International\n")
    assert "Section 8 -- Interpretation." in content and content.rstrip().endswith("Creative Commons may be contacted at creativecommons.org.")


def test_the_iframe_worker_shim_keeps_its_licence_beside_it():
    licence = SHIM.with_name("iframe-worker.LICENSE.txt").read_text(encoding="utf-8")
    assert licence.startswith("Copyright (c) 2020-2022 Martin Donath <martin.donath@squidfunk.com>\n")
    assert licence.splitlines()[0] in SHIM.read_text(encoding="utf-8")


@declare(built_language_inputs)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_s_footer_states_the_licences_in_its_language(site, language):
    pages = built_pages_of(language, site)
    assert len(pages) > 20
    for page in pages:
        html = parsed(page)
        language, footer = html.html["lang"], html.select_one(".md-copyright__highlight")
        assert footer is not None, page
        text = " ".join(footer.get_text().split())
        assert all(words in text for words in FOOTER_WORDS[language]), (page, text)
        links = [link["href"] for link in footer.select("a[rel=license]")]
        assert len(links) == 2 and links[0].startswith(CC_BY_SA) and links[1] == MIT, (page, links)


def test_every_third_party_file_the_site_ships_is_noticed(site):
    shipped, patterns = shipped_from_others(site), noticed_patterns()
    assert shipped and patterns
    unnoticed = [path for path in shipped if not any(fnmatch.fnmatchcase(path, pattern) for pattern in patterns)]
    assert unnoticed == [], "name these in THIRD-PARTY-NOTICES.md, with their licence"
    stale = [pattern for pattern in patterns if not any(fnmatch.fnmatchcase(path, pattern) for path in shipped)]
    assert stale == [], "THIRD-PARTY-NOTICES.md names files the site no longer ships"
