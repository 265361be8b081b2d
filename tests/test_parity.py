"""Every zh page and its en twin have the same code and the same outputs, labels aside.

That every page has a twin at all is tested with the site's structure (tests/test_site_structure.py)."""

from pathlib import Path

import pytest

from tests.docs import DOCS, pages, twin
from pagelint.parity import page_differences

PLANTED = Path(__file__).parent / "samples" / "parity"


@pytest.mark.parametrize("page", pages("zh"), ids=str)
def test_twins_have_the_same_code_and_outputs(page):
    assert page_differences(DOCS / "zh" / page, twin(page)) == []


def test_twins_that_differ_only_in_translation_pass():
    assert page_differences(PLANTED / "zh" / "twins.md", PLANTED / "en" / "twins.md") == []


@pytest.mark.parametrize(("page", "words"), [("code_differs.md", "the code differs"), ("output_differs.md", "the outputs differ")])
def test_a_planted_difference_fails(page, words):
    problems = page_differences(PLANTED / "zh" / page, PLANTED / "en" / page)
    assert len(problems) == 1 and words in problems[0], problems
