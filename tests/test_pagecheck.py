"""The checker is tested on sample pages: each must_fail page must fail where it says it does.

Each page runs in a process of its own, so the samples that end or outlast their process are
checked here too; they also run as a real test run does, with no worker processes (``-n 0``),
beside the pages that change their process and a page that passes.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sybil.parsers.markdown import PythonCodeBlockParser

from pageformat.errors import PageError
from pagecheck.engine import check_page, make_sybil
from pagecheck import refresh as refresh_module
from pagecheck.engine import parse_page_end
from pagecheck.workers import SITE_READERS, PageScheduling
from resultcache.plugin import declare
from tests.result_inputs import checker_self_test_inputs, scheduling_inputs

pytestmark = declare(checker_self_test_inputs)

SAMPLES = Path(__file__).parent / "samples"
EXPECTATION = re.compile(r"<!-- must fail at line (?P<line>\d+) with: (?P<words>.+?) -->", re.S)


def expectation(sample: Path, shown_as: Path) -> str:
    """The failure ``sample`` says it must produce, naming the page as ``shown_as``."""
    expected = EXPECTATION.match(sample.read_text(encoding="utf-8"))
    return f"{shown_as}:{expected['line']}: {expected['words']}"


def check(path: Path, refresh: bool = False) -> list[str]:
    """Check one sample page the way the suite checks a docs page."""
    sybil = make_sybil(refresh=refresh, path=str(path.parent), patterns=["*.md"])
    return check_page(sybil, path)


def failure_of(path: Path) -> str:
    """Everything the checker says is wrong with ``path``, parse errors included."""
    try:
        return "\n".join(check(path))
    except PageError as error:
        return str(error)


@pytest.mark.parametrize("sample", sorted((SAMPLES / "must_fail").glob("*.md")), ids=lambda p: p.stem)
def test_sample_fails_where_it_says(sample):
    failure = failure_of(sample)
    assert expectation(sample, sample.relative_to(Path.cwd())) in failure, failure


@pytest.mark.parametrize("sample", sorted((SAMPLES / "must_pass").glob("*.md")), ids=lambda p: p.stem)
def test_sample_passes(sample):
    assert check(sample) == []


def test_a_failure_shows_a_diff_of_page_and_actual_output():
    failure = failure_of(SAMPLES / "must_fail" / "wrong_digit.md")
    assert "\n-tensor([3.0000, 4.6000])\n+tensor([3.0000, 4.5000])" in failure


def test_a_fence_the_parsers_skipped_fails_the_page():
    """Sybil's stock parser skips ```python title="..."; the page-end check must notice."""
    sample = SAMPLES / "stock_parser_skips_attributes.md"
    stock = make_sybil(path=str(SAMPLES), patterns=["*.md"])
    stock.parsers = [PythonCodeBlockParser(), parse_page_end]
    failures = check_page(stock, sample)
    page = sample.relative_to(Path.cwd())
    end = sample.read_text(encoding="utf-8").count("\n") + 1
    assert failures == [
        f"{page}:{end}: at the end of the page:\n"
        f"{page}:7: this python block was never executed (info string 'python title=\"escapes.py\"')"
    ]


def test_refresh_fixes_a_stale_output_and_nothing_else(tmp_path):
    page = tmp_path / "page.md"
    shutil.copy(SAMPLES / "stale" / "stale_output.md", page)
    before = page.read_text(encoding="utf-8")
    assert check(page) != []
    assert check(page, refresh=True) == []
    assert check(page) == []
    after = page.read_text(encoding="utf-8")
    assert after == before.replace("tensor([0, 2, 5])", "tensor([0, 2, 4])")


def test_refresh_leaves_a_correct_page_byte_identical(tmp_path):
    page = tmp_path / "page.md"
    shutil.copy(SAMPLES / "must_pass" / "every_kind.md", page)
    before = page.read_bytes()
    modified = page.stat().st_mtime_ns
    assert check(page, refresh=True) == []
    assert page.read_bytes() == before
    assert page.stat().st_mtime_ns == modified


def test_refresh_never_invents_an_output_block(tmp_path):
    page = tmp_path / "page.md"
    shutil.copy(SAMPLES / "must_fail" / "unshown_print.md", page)
    before = page.read_bytes()
    assert any("unshown output" in failure for failure in check(page, refresh=True))
    assert page.read_bytes() == before


HOSTILE = ("process_exit", "fatal_signal", "timeout", "keyboard_interrupt", "system_exit")


@pytest.fixture(scope="session")
def one_process_run():
    """A pytest run with no worker processes (``-n 0``) of the hostile samples, the pages that change their
    process, and a page that passes: every page still runs in a process of its own."""
    hostile = [f"tests/samples/must_fail/{name}.md" for name in HOSTILE]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--pages", "tests/samples", "-q", "-n", "0", "-p", "no:faulthandler",
         *hostile, "tests/samples/leaks", "tests/samples/must_pass/every_kind.md"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return run.stdout + run.stderr


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_block_fails_its_page_and_the_run_goes_on_without_workers(name, one_process_run):
    sample = SAMPLES / "must_fail" / f"{name}.md"
    assert expectation(sample, sample.relative_to(Path.cwd())) in one_process_run, one_process_run[-3000:]
    assert re.search(rf"\b{len(HOSTILE)} failed, [1-9]\d* passed\b", one_process_run), one_process_run[-3000:]
    assert "FAILED tests/samples/must_pass" not in one_process_run
    assert "FAILED tests/samples/leaks" not in one_process_run


@pytest.mark.parametrize("order", [1, -1], ids=["changing-page-first", "changing-page-last"])
def test_nothing_a_page_does_to_its_process_reaches_another_page(order):
    """The leak pair, checked one after the other in this one process: each passes whatever ran before it."""
    for page in sorted((SAMPLES / "leaks").glob("*.md"))[::order]:
        assert check(page) == [], page


@pytest.mark.parametrize("sample", sorted((SAMPLES / "side_effects").glob("*.md")), ids=lambda p: p.stem)
def test_a_block_that_writes_files_fails_and_names_them(sample, tmp_path, monkeypatch):
    page = tmp_path / sample.name
    shutil.copy(sample, page)
    (tmp_path / "kept.txt").write_text("kept")
    (tmp_path / "gone.txt").write_text("gone")
    monkeypatch.chdir(tmp_path)
    assert expectation(sample, Path(sample.name)) in "\n".join(check(page))


def test_a_syntax_error_fails_in_a_few_lines_that_point_into_the_page():
    failure = failure_of(SAMPLES / "must_fail" / "syntax_error.md")
    assert 'File "tests/samples/must_fail/syntax_error.md", line 6' in failure, failure
    assert "pagecheck" not in failure and len(failure.splitlines()) <= 6, failure


def test_an_error_block_can_show_a_syntax_error(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("```python\nprint(1 +)\n```\n\n```error\nSyntaxError: invalid syntax\n```\n", encoding="utf-8")
    assert check(page) == []


def test_refresh_refuses_to_write_a_flood_into_the_page(tmp_path):
    page = tmp_path / "page.md"
    shutil.copy(SAMPLES / "must_fail" / "output_flood.md", page)
    before = page.read_bytes()
    failure = "\n".join(check(page, refresh=True))
    assert "more than 64 KB" in failure and "... " in failure and " more bytes" in failure, failure[:2000]
    assert len(failure) < 2000
    assert page.read_bytes() == before


def test_refresh_keeps_line_endings_and_byte_order_mark(tmp_path):
    page = tmp_path / "page.md"
    stale = (SAMPLES / "stale" / "stale_output.md").read_text(encoding="utf-8")
    page.write_bytes(("\ufeff" + stale.replace("\n", "\r\n")).encode("utf-8"))
    assert check(page, refresh=True) == []
    expected = "\ufeff" + stale.replace("tensor([0, 2, 5])", "tensor([0, 2, 4])").replace("\n", "\r\n")
    assert page.read_bytes() == expected.encode("utf-8")


def test_refresh_refuses_a_page_changed_since_it_was_read(tmp_path):
    page = tmp_path / "page.md"
    shutil.copy(SAMPLES / "stale" / "stale_output.md", page)
    sybil = make_sybil(refresh=True, path=str(tmp_path), patterns=["*.md"])
    document = sybil.parse(page)
    page.write_text(document.text + "\nA line the author saved while the refresh ran.\n", encoding="utf-8")
    edited = page.read_bytes()
    with pytest.raises(PageError, match="changed while refreshing; run again"):
        for example in document.examples():
            example.evaluate()
    assert page.read_bytes() == edited


def test_refresh_replaces_the_page_in_one_step(tmp_path, monkeypatch):
    """A refresh killed before its rename leaves the page as it was, and no temporary file."""
    page = tmp_path / "page.md"
    shutil.copy(SAMPLES / "stale" / "stale_output.md", page)
    before = page.read_bytes()

    def killed(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(refresh_module.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        check(page, refresh=True)
    assert page.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["page.md"]


@pytest.mark.parametrize(
    ("sample", "hint"),
    [("unseeded_random.md", "torch.manual_seed"), ("set_order.md", "if it prints a set, print it sorted")],
    ids=["unseeded-random", "hash-seed"],
)
def test_refresh_never_writes_an_output_that_changes_from_run_to_run(tmp_path, sample, hint):
    """Unseeded random numbers, or a set printed in the order of this run's hash seed."""
    page = tmp_path / "page.md"
    shutil.copy(SAMPLES / "must_fail" / sample, page)
    before = page.read_bytes()
    failure = "\n".join(check(page, refresh=True))
    assert "page.md:5: the block printed something else on a second run of the page, in a fresh process under another hash seed" in failure, failure
    assert hint in failure
    assert page.read_bytes() == before


def test_refresh_writes_a_longer_fence_around_an_output_that_holds_backticks(tmp_path):
    page = tmp_path / "page.md"
    shutil.copy(SAMPLES / "stale" / "backticks.md", page)
    assert check(page, refresh=True) == []
    assert "\n````output\n```python\nprint(1)\n```\n````\n" in page.read_text(encoding="utf-8")
    assert check(page) == []


def test_stderr_is_shown_after_what_came_before_it_and_marked(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "```python\nimport sys, warnings\nprint('out')\nprint('err', file=sys.stderr)\nwarnings.warn('careful')\n"
        "print('out again')\n```\n\n```output\n...\n```\n",
        encoding="utf-8",
    )
    assert check(page, refresh=True) == []
    assert "```output\nout\n[stderr] err\nUserWarning: careful\nout again\n```" in page.read_text(encoding="utf-8")


@declare(scheduling_inputs)
def test_the_modules_that_read_every_built_page_go_to_one_worker_and_the_browser_tests_one_by_one():
    scheduling = object.__new__(PageScheduling)  # _split_scope reads nothing of the scheduler's state
    scopes = {
        nodeid: scheduling._split_scope(nodeid)
        for nodeid in (
            "tests/test_links.py::test_every_internal_link_and_anchor_resolves",
            "tests/test_weight.py::test_every_page_loads_within_the_budget",
            "tests/browser/test_search.py::test_a[en]",
            "tests/browser/test_search.py::test_a[zh]",
            "docs/en/graph.md::line:12,column:1",
            "docs/en/graph.md::line:30,column:1",
        )
    }
    assert len(set(scopes.values())) == 4
    assert scopes["tests/test_links.py::test_every_internal_link_and_anchor_resolves"] == scopes["tests/test_weight.py::test_every_page_loads_within_the_budget"]
    assert scopes["docs/en/graph.md::line:12,column:1"] == scopes["docs/en/graph.md::line:30,column:1"] == "docs/en/graph.md"
    readers = {
        f"tests/{module.name}"
        for module in Path(__file__).parent.glob("test_*.py")
        if re.search(r"^from tests\.builtsite import .*\b(parsed|html_pages)\b", module.read_text(encoding="utf-8"), re.M)
    }
    assert readers == set(SITE_READERS)
