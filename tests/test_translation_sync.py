"""A zh page and its en twin pair section by section, and no section drifts from its twin.

The lock (docs/sections.lock) records each section as last confirmed to say the same in both
languages; `make sync-confirm` rewrites it (pagelint/sections.py)."""

from pathlib import Path

import pytest

from pagelint.sections import anchor_problems, drift_problems, read_lock, sections, stale_entries
from tests.docs import DOCS, pages

PLANTED = Path("tests/samples/sync")
PLANTED_LOCK = read_lock(PLANTED / "sections.lock")


@pytest.mark.parametrize("page", pages("zh"), ids=str)
def test_twins_have_the_same_anchored_headings_in_the_same_order(page):
    assert anchor_problems(DOCS / "zh" / page, DOCS / "en" / page) == []


@pytest.mark.parametrize("page", pages("zh"), ids=str)
def test_no_section_changed_in_one_language_only(page):
    lock = read_lock(DOCS / "sections.lock")
    assert drift_problems(DOCS / "zh" / page, DOCS / "en" / page, page.as_posix(), lock) == []


def test_the_lock_lists_only_sections_that_exist():
    assert stale_entries(DOCS / "zh", read_lock(DOCS / "sections.lock")) == []


def planted(page: str) -> list[str]:
    """What the guard says about a planted pair of twins."""
    zh, en = PLANTED / "zh" / page, PLANTED / "en" / page
    return anchor_problems(zh, en) + drift_problems(zh, en, page, PLANTED_LOCK)


@pytest.mark.parametrize("page", ["twins.md", "both_changed.md"])
def test_twins_in_step_pass(page):
    assert planted(page) == []


@pytest.mark.parametrize(
    ("page", "problem"),
    [
        (
            "en_changed.md",
            "tests/samples/sync/en/en_changed.md:5 section #leaf-tensors changed but its twin "
            "tests/samples/sync/zh/en_changed.md:5 did not: update the twin, or run `make sync-confirm` "
            "if they still say the same",
        ),
        (
            "zh_changed.md",
            "tests/samples/sync/zh/zh_changed.md:19 section #accumulation changed but its twin "
            "tests/samples/sync/en/zh_changed.md:19 did not: update the twin, or run `make sync-confirm` "
            "if they still say the same",
        ),
        (
            "order_differs.md",
            "the anchored headings are in a different order: tests/samples/sync/zh/order_differs.md:3 "
            "has #accumulation where tests/samples/sync/en/order_differs.md:3 has #leaf-tensors",
        ),
        (
            "anchor_missing.md",
            "tests/samples/sync/zh/anchor_missing.md:7 section #accumulation has no twin in "
            "tests/samples/sync/en/anchor_missing.md, which ends after #leaf-tensors",
        ),
    ],
)
def test_a_planted_drift_fails_naming_both_files(page, problem):
    assert planted(page) == [problem]


def test_a_page_is_cut_at_its_anchored_headings():
    zh = "# 页\n\n## 一 {#one}\n\n## 二 {#two}\n\n## 三 {#three}\n"
    en = "# Page\n\n## One {#one}\n\n## Three {#three}\n"
    assert [section.anchor for section in sections(zh)] == ["(top)", "one", "two", "three"]
    assert [section.line for section in sections(en)] == [1, 3, 5]


def test_a_heading_inside_a_code_block_starts_no_section():
    text = "# Page\n\n```markdown\n## Not a section {#no}\n```\n\n## A section {#yes}\n"
    assert [section.anchor for section in sections(text)] == ["(top)", "yes"]


def test_a_section_left_out_of_the_lock_or_left_in_it_fails(tmp_path):
    lock = {key: value for key, value in PLANTED_LOCK.items() if key != ("twins.md", "accumulation")}
    assert drift_problems(PLANTED / "zh" / "twins.md", PLANTED / "en" / "twins.md", "twins.md", lock) == [
        "tests/samples/sync/zh/twins.md:19 and tests/samples/sync/en/twins.md:19 section #accumulation is not "
        "in the lock: run `make sync-confirm` once the twins say the same"
    ]
    (tmp_path / "twins.md").write_text("# 页\n", encoding="utf-8")
    assert stale_entries(tmp_path, {("twins.md", "gone"): ("0", "0")}) == [
        "the lock lists twins.md #gone, which no page has: run `make sync-confirm`"
    ]
