"""Every page is wired into the site: twins, nav, nav titles, home-page list and exercises.

The real site must have no problem; each planted site under tests/samples/structure/ lacks one
thing a half-added page or chapter would lack, and must fail with the sentence that names it.
"""

from pathlib import Path

import pytest

from pagecheck.site_structure import NOT_CHAPTERS, chapters, read_config, structure_problems
from tests.docs import ROOT

PLANTED = Path(__file__).parent / "samples" / "structure"
NOT_A_CHAPTER = "; a page that is not a chapter belongs in NOT_CHAPTERS in pagecheck/site_structure.py"
EXPECTED = {
    "complete": [],
    "twin_missing": ["docs/en/glossary.md has no twin docs/zh/glossary.md"],
    "not_in_nav": ["docs/zh/glossary.md is not in the nav of mkdocs.yml"],
    "translation_matches_no_title": ["nav_translations key '第1章' in mkdocs.yml matches no nav title"],
    "title_untranslated": ["nav title '术语表' in mkdocs.yml has no 'en' title under nav_translations"],
    "home_entry_missing": ["docs/en/index.md does not list the chapter one.md (a numbered line `1. [Title](one.md)`)" + NOT_A_CHAPTER],
    "exercises_missing": [
        f"docs/{locale}/exercises/two.ipynb is missing: every chapter in the nav of mkdocs.yml has an exercise notebook" + NOT_A_CHAPTER
        for locale in ("zh", "en")
    ],
}


def test_the_site_has_every_page_wired_in():
    assert structure_problems(ROOT) == []


@pytest.mark.parametrize("sample", sorted(EXPECTED))
def test_a_planted_site_fails_with_the_sentence_that_names_what_is_missing(sample):
    assert structure_problems(PLANTED / sample) == EXPECTED[sample]


def test_every_planted_site_is_tested():
    assert sorted(path.name for path in PLANTED.iterdir()) == sorted(EXPECTED)


def test_the_chapters_are_the_top_level_pages_of_the_nav_less_home_and_reference_pages():
    config = read_config(PLANTED / "twin_missing")  # its nav: index.md, one.md, glossary.md, exercises
    assert {"index.md", "glossary.md"} <= set(NOT_CHAPTERS) and chapters(config) == ["one.md"]
