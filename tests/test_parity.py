"""Every zh page and its en twin have the same code and the same outputs, labels aside.

That every page has a twin at all is tested with the site's structure (tests/test_site_structure.py)."""

from pathlib import Path

import pytest

from pagelint.parity import page_differences
from resultcache.plugin import declare
from tests.docs import DOCS, fail_with, pages, twin
from tests.result_inputs import twin_inputs

PLANTED = Path(__file__).parent / "samples" / "parity"
REPORTED = (
    "tests/samples/parity/zh/output_differs.md:3 and tests/samples/parity/en/output_differs.md:3: the outputs differ beyond "
    "translated labels; if the code is right, refresh both pages (`.venv/bin/python -m pytest <zh page> <en page> --refresh-outputs`):\n"
    "@@ -1 +1 @@\n-结果: 6\n+result: 7"
)


@declare(twin_inputs)
@pytest.mark.parametrize("page", pages("zh"), ids=str)
def test_twins_have_the_same_code_and_outputs(page):
    fail_with(page_differences(DOCS / "zh" / page, twin(page)))


def test_twins_that_differ_only_in_translation_pass():
    assert page_differences(PLANTED / "zh" / "twins.md", PLANTED / "en" / "twins.md") == []


@pytest.mark.parametrize(("page", "words"), [("code_differs.md", "the code differs"), ("output_differs.md", "the outputs differ")])
def test_a_planted_difference_fails(page, words):
    problems = page_differences(PLANTED / "zh" / page, PLANTED / "en" / page)
    assert len(problems) == 1 and words in problems[0], problems


def test_a_planted_output_difference_shows_a_diff_with_repository_paths():
    assert page_differences(PLANTED / "zh" / "output_differs.md", PLANTED / "en" / "output_differs.md") == [REPORTED]
