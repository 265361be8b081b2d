"""Each mistake a contributor can make is reported as one sentence that names the place and says
what to do. The mistakes are planted here (tests/samples/) and the whole sentence is asserted;
the other planted mistakes are asserted beside their checks: a missing twin
(tests/test_site_structure.py, and below for every test that needs the twin), a link to a missing
page (tests/test_page_links.py), parity (tests/test_parity.py), a section changed in one language
(tests/test_translation_sync.py), the exercise rules (tests/test_exercises.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pagecheck.verdict import output_diff
from tests.docs import ROOT, twin
from tests.refresh_report import rewritten, summary
from tests.test_pagecheck import failure_of

SAMPLES = Path(__file__).parent / "samples"


def test_a_wrong_output_shows_a_diff_and_ends_with_the_command_that_accepts_it():
    assert failure_of(SAMPLES / "must_fail" / "wrong_digit.md") == (
        "tests/samples/must_fail/wrong_digit.md:5: the output differs from the page\n"
        "--- tests/samples/must_fail/wrong_digit.md:10 (the page)\n"
        "+++ what the code prints\n"
        "@@ -1 +1 @@\n"
        "-tensor([3.0000, 4.6000])\n"
        "+tensor([3.0000, 4.5000])\n"
        "if the code is right, accept what it prints: .venv/bin/python -m pytest tests/samples/must_fail/wrong_digit.md "
        "--refresh-outputs, then read git diff"
    )


def test_the_accepting_command_is_named_only_where_refreshing_the_page_accepts_the_output():
    assert output_diff("1", "2", "the page", "the kernel") == "the output differs from the page\n--- the page\n+++ the kernel\n@@ -1 +1 @@\n-1\n+2"


def test_a_name_error_names_the_page_line_and_shows_no_frame_outside_the_page():
    failure = failure_of(SAMPLES / "messages" / "name_error.md")
    assert failure.splitlines()[0] == "tests/samples/messages/name_error.md:3: the block raised, but the page shows no error block after it"
    assert failure.splitlines()[-1] == "NameError: name 'y' is not defined"
    assert 'File "tests/samples/messages/name_error.md", line 6, in <module>\n    print(y.sum())' in failure
    assert "site-packages" not in failure


def test_the_planted_stale_figure_page_fails_in_one_sentence():
    failure = failure_of(SAMPLES / "must_fail" / "figure_stale.md")
    assert failure == (
        "tests/samples/must_fail/figure_stale.md:22: tests/samples/figures/stale.svg is stale: the code draws a different graph "
        "(105 bytes committed, 3315 drawn): if the code is right, `make refresh` redraws it; then read git diff"
    )


def test_a_missing_twin_fails_every_test_that_needs_it_with_the_structure_check_s_sentence():
    with pytest.raises(pytest.fail.Exception) as failed:
        twin(Path("no-such-page.md"))
    assert str(failed.value) == (
        "docs/zh/no-such-page.md has no twin docs/en/no-such-page.md: write it (the same code, the prose translated), "
        "or delete docs/zh/no-such-page.md"
    )


def test_refresh_lists_what_it_rewrote():
    before = {"docs/zh/a.md": "1", "docs/en/a.md": "2", "figures/g.svg": "3"}
    after = {"docs/zh/a.md": "1", "docs/en/a.md": "9", "figures/g.svg": "3", "figures/new.svg": "4"}
    assert summary(rewritten(before, after)) == "refresh rewrote 2 files; read `git diff` for each:\n  docs/en/a.md\n  figures/new.svg"
    assert summary(rewritten(before, before)) == "refresh rewrote nothing"


def test_a_failure_given_already_is_listed_under_the_first_and_still_fails_the_run(tmp_path):
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (tmp_path / "test_twice.py").write_text(
        "import pytest\n\n"
        "def test_first():\n    pytest.fail('docs/zh/x.md has no twin docs/en/x.md', pytrace=False)\n\n"
        "def test_second():\n    pytest.fail('docs/zh/x.md has no twin docs/en/x.md', pytrace=False)\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.repeated_failures", "-p", "no:cacheprovider", "-q", "-n", "0", str(tmp_path)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
    )
    assert run.stdout.count("docs/zh/x.md has no twin docs/en/x.md") == 1 + run.stdout.count("FAILED test_twice.py::test_first -")
    assert "the fault of test_twice.py::test_first fails 1 more:\n  test_twice.py::test_second\n" in run.stdout
    assert "1 failed, 1 repeated in" in run.stdout and run.returncode == 1
