"""Every page is wired into the site: twins, nav, nav titles, home-page list and exercises; and
each page has one name: its H1 and the text of every link to it without an anchor.

The real site must have no problem; each planted site under tests/samples/structure/ lacks one
thing a half-added page or chapter would lack, or names a page otherwise than the nav does, and
must fail with the sentence that names it.
"""

from pathlib import Path

import pytest

from pagelint.site_structure import NOT_CHAPTERS, chapters, i18n_languages, links_to_pages, page_names, read_config, structure_problems
from tests.docs import ROOT, fail_with

PLANTED = Path(__file__).parent / "samples" / "structure"
NOT_A_CHAPTER = "; a page that is not a chapter belongs in NOT_CHAPTERS in pagelint/site_structure.py"
EXPECTED = {
    "complete": [],
    "twin_missing": ["docs/en/glossary.md has no twin docs/zh/glossary.md: write it (the same code, the prose translated), or delete docs/en/glossary.md"],
    "not_in_nav": ["docs/zh/glossary.md is not in the nav of mkdocs.yml"],
    "translation_matches_no_title": ["nav_translations key '第1章' in mkdocs.yml matches no nav title"],
    "title_untranslated": ["nav title '术语表' in mkdocs.yml has no 'en' title under nav_translations"],
    "home_entry_missing": ["docs/en/index.md does not list the chapter one.md (a numbered line `1. [Title](one.md)`)" + NOT_A_CHAPTER],
    "exercises_missing": [
        f"docs/{locale}/exercises/two.ipynb is missing: every chapter in the nav of mkdocs.yml has an exercise notebook" + NOT_A_CHAPTER
        for locale in ("zh", "en")
    ],
    "heading_differs": [
        "docs/zh/one.md:1: the H1 reads “第1章” where the page's name in mkdocs.yml is “第一章”",
        "docs/en/one.md has no H1 line; it should read “# Chapter one”, the page's name in mkdocs.yml",
        "docs/en/exercises/one.ipynb cell 1, line 1: the H1 reads “Exercises” where the page's name in mkdocs.yml is “Exercises: Chapter one”",
    ],
    "link_text_differs": [
        "docs/zh/index.md:4: the link to exercises/one.ipynb reads “练习” where the page's name in mkdocs.yml is “练习：第一章”",
        "docs/zh/one.md:4: the link to one.md reads “`第一章`” where the page's name in mkdocs.yml is “第一章”",
        "docs/en/exercises/one.ipynb cell 2, line 2: the link to one.md reads “the first chapter” where the page's name in mkdocs.yml is “Chapter one”",
    ],
}


def test_the_site_has_every_page_wired_in():
    fail_with(structure_problems(ROOT))


@pytest.mark.parametrize("sample", sorted(EXPECTED))
def test_a_planted_site_fails_with_the_sentence_that_names_what_is_missing(sample):
    assert structure_problems(PLANTED / sample) == EXPECTED[sample]


def test_every_planted_site_is_tested():
    assert sorted(path.name for path in PLANTED.iterdir()) == sorted(EXPECTED)


def test_the_chapters_are_the_top_level_pages_of_the_nav_less_home_and_reference_pages():
    config = read_config(PLANTED / "twin_missing")  # its nav: index.md, one.md, glossary.md, exercises
    assert {"index.md", "glossary.md"} <= set(NOT_CHAPTERS) and chapters(config) == ["one.md"]


def test_a_page_is_named_by_its_nav_title_after_the_titles_of_its_sections():
    config = read_config(PLANTED / "complete")
    zh, en = i18n_languages(config)
    assert page_names(config, zh) == {"index.md": "首页", "one.md": "第一章", "exercises/one.ipynb": "练习：第一章"}
    assert page_names(config, en) == {"index.md": "Home", "one.md": "Chapter one", "exercises/one.ipynb": "Exercises: Chapter one"}


def test_links_to_pages_are_read_outside_code_blocks_with_anchored_links_and_images_left_out():
    text = "[a](one.md) [b](one.md#part) ![c](one.png) [d](https://example.com/x.md)\n```\n[e](one.md)\n```\n[f\n g](../two.md)\n"
    assert links_to_pages(text, "exercises/one.ipynb") == [(1, "a", "exercises/one.md"), (5, "f g", "two.md")]
