"""A zh page and its en twin pair section by section, and no section drifts from its twin.

The lock (docs/sections.lock) records each section as last confirmed to say the same in both
languages; `make sync-confirm` rewrites it (pagelint/sections.py)."""

from pathlib import Path

import pytest

from pagelint.sections import anchor_problems, drift_problems, main, read_lock, sections, stale_entries
from resultcache.plugin import declare
from tests.docs import DOCS, fail_with, pages, twin
from tests.result_inputs import twin_inputs, twin_sync_inputs

PLANTED = Path("tests/samples/sync")
PLANTED_LOCK = read_lock(PLANTED / "sections.lock")


@declare(twin_inputs)
@pytest.mark.parametrize("page", pages("zh"), ids=str)
def test_twins_have_the_same_anchored_headings_in_the_same_order(page):
    fail_with(anchor_problems(DOCS / "zh" / page, twin(page)))


@declare(twin_sync_inputs)
@pytest.mark.parametrize("page", pages("zh"), ids=str)
def test_no_section_changed_in_one_language_only(page):
    lock = read_lock(DOCS / "sections.lock")
    fail_with(drift_problems(DOCS / "zh" / page, twin(page), page.as_posix(), lock))


def test_the_lock_lists_only_sections_that_exist():
    fail_with(stale_entries(DOCS / "zh", read_lock(DOCS / "sections.lock")))


def planted(page: str) -> list[str]:
    """What the guard says about a planted pair of twins."""
    zh, en = PLANTED / "zh" / page, PLANTED / "en" / page
    return anchor_problems(zh, en) + drift_problems(zh, en, page, PLANTED_LOCK)


@pytest.mark.parametrize("page", ["twins.md", "both_changed.md"])
def test_twins_in_step_pass(page):
    assert planted(page) == []


def test_a_section_whose_output_changed_in_one_language_is_left_to_the_parity_check():
    """Confirming would not help: the twins' outputs differ, and tests/test_parity.py says which block."""
    assert planted("output_changed.md") == []


@pytest.mark.parametrize(
    ("page", "problem"),
    [
        (
            "en_changed.md",
            "tests/samples/sync/en/en_changed.md:5 section #leaf-tensors changed but its twin "
            "tests/samples/sync/zh/en_changed.md:5 did not: update the twin, or, once you compared them and they "
            "still say the same, run `make sync-confirm PAGE=tests/samples/sync/zh/en_changed.md SECTION=leaf-tensors`",
        ),
        (
            "zh_changed.md",
            "tests/samples/sync/zh/zh_changed.md:19 section #accumulation changed but its twin "
            "tests/samples/sync/en/zh_changed.md:19 did not: update the twin, or, once you compared them and they "
            "still say the same, run `make sync-confirm PAGE=tests/samples/sync/zh/zh_changed.md SECTION=accumulation`",
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
        "in the lock: run `make sync-confirm PAGE=tests/samples/sync/zh/twins.md SECTION=accumulation` once the twins say the same"
    ]
    (tmp_path / "twins.md").write_text("# 页\n", encoding="utf-8")
    assert stale_entries(tmp_path, {("twins.md", "gone"): ("0", "0")}) == [
        f"the lock lists twins.md #gone, which no page has: run `make sync-confirm PAGE={tmp_path.as_posix()}/twins.md` to drop it"
    ]


@pytest.fixture
def docs(tmp_path, monkeypatch):
    """A docs/ folder with two pairs of twins from tests/samples/sync/, both confirmed, and a page without its twin."""
    for language in ("zh", "en"):
        (tmp_path / "docs" / language).mkdir(parents=True)
        for page in ("twins.md", "zh_changed.md"):
            (tmp_path / "docs" / language / page).write_text((PLANTED / language / "twins.md").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "docs" / "zh" / "alone.md").write_text("# 页\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["docs/zh/twins.md"]) == main(["docs/zh/zh_changed.md"]) == 0
    return Path("docs")


def test_sync_confirm_records_only_the_section_it_is_given_and_prints_it(docs, capsys):
    capsys.readouterr()
    for page in ("twins.md", "zh_changed.md"):
        zh = docs / "zh" / page
        zh.write_text(zh.read_text(encoding="utf-8").replace("叶子张量。", "叶子张量（leaf tensor）。").replace("加到", "累加到"), encoding="utf-8")
    assert main(["docs/zh/zh_changed.md", "--section", "accumulation"]) == 0
    assert capsys.readouterr().out == (
        "confirmed docs/zh/zh_changed.md:19 and docs/en/zh_changed.md:19 section #accumulation\ndocs/sections.lock: written\n"
    )
    lock = read_lock(docs / "sections.lock")
    assert drift_problems(docs / "zh" / "zh_changed.md", docs / "en" / "zh_changed.md", "zh_changed.md", lock) == [
        "docs/zh/zh_changed.md:5 section #leaf-tensors changed but its twin docs/en/zh_changed.md:5 did not: update the twin, "
        "or, once you compared them and they still say the same, run `make sync-confirm PAGE=docs/zh/zh_changed.md SECTION=leaf-tensors`"
    ]
    assert len(drift_problems(docs / "zh" / "twins.md", docs / "en" / "twins.md", "twins.md", lock)) == 2


def test_sync_confirm_names_a_missing_twin_an_unknown_section_and_rejects_unknown_arguments(docs, capsys):
    assert main(["docs/zh/alone.md"]) == 1
    assert capsys.readouterr().err == (
        "docs/zh/alone.md has no twin docs/en/alone.md: write it (the same code, the prose translated), or delete docs/zh/alone.md\n"
    )
    assert main(["docs/zh/twins.md", "--section", "gone"]) == 1
    assert capsys.readouterr().err == "docs/zh/twins.md has no section #gone; its sections are #(top), #leaf-tensors, #accumulation\n"
    (docs / "zh" / "twins.md").unlink()
    (docs / "en" / "twins.md").unlink()
    assert main(["docs/zh/twins.md"]) == 0
    assert capsys.readouterr().out.startswith("dropped twins.md #(top): the page is gone\n")
    assert not [key for key in read_lock(docs / "sections.lock") if key[0] == "twins.md"]
    with pytest.raises(SystemExit) as stopped:
        main(["--help-me"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.startswith("usage: make sync-confirm PAGE=docs/zh/<page>.md [SECTION=<anchor>]\n")
