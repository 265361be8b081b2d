"""Each mistake a contributor can make is reported as one sentence that names the place and says
what to do. The mistakes are planted here (tests/samples/) and the whole sentence is asserted;
the other planted mistakes are asserted beside their checks: a missing twin
(tests/test_site_structure.py, and below for every test that needs the twin), a link to a missing
page (tests/test_page_links.py), parity (tests/test_parity.py), a section changed in one language
(tests/test_translation_sync.py), the exercise rules (tests/test_exercises.py)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pagecheck.verdict import output_diff
from resultcache.plugin import declare
from tests.docs import ROOT, twin
from tests.refresh_report import rewritten, summary
from tests.result_inputs import checker_message_inputs, report_self_test_inputs
from tests.test_pagecheck import failure_of

SAMPLES = Path(__file__).parent / "samples"


@declare(checker_message_inputs)
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


@declare(checker_message_inputs)
def test_a_name_error_names_the_page_line_and_shows_no_frame_outside_the_page():
    failure = failure_of(SAMPLES / "messages" / "name_error.md")
    assert failure.splitlines()[0] == "tests/samples/messages/name_error.md:3: the block raised, but the page shows no error block after it"
    assert failure.splitlines()[-1] == "NameError: name 'y' is not defined"
    assert 'File "tests/samples/messages/name_error.md", line 6, in <module>\n    print(y.sum())' in failure
    assert "site-packages" not in failure


@declare(checker_message_inputs)
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


@declare(report_self_test_inputs)
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


FOUR_FAULTS = {  # tests/samples/four_faults/, where each is planted: the text replaced, or None for a file deleted
    "docs/en/detach.md": ("d.data_ptr() == b.data_ptr()", "d.data_ptr() == c.data_ptr()"),
    "docs/zh/graph.md": ("tensor([[0., 1., 2.],", "tensor([[0., 1., 7.],"),
    "docs/en/no-grad.md": ("(graph.md)", "(grahp.md)"),
    "docs/en/devices.md": None,
}
FOUR_REPORTS = [  # the four faults' sentences, and the build's report in MkDocs' words
    "docs/en/detach.md:5: the block raised, but the page shows no error block after it\n"
    "Traceback (most recent call last):\n"
    '  File "docs/en/detach.md", line 12, in <module>\n'
    '    print("same storage?", d.data_ptr() == c.data_ptr())\n',
    "NameError: name 'c' is not defined\n",
    "docs/zh/graph.md:3: the output differs from the page\n--- docs/zh/graph.md:10 (the page)\n+++ what the code prints\n"
    "@@ -1,3 +1,3 @@\n-tensor([[0., 1., 7.],\n+tensor([[0., 1., 2.],\n",
    "docs/en/no-grad.md:3: the link grahp.md points at docs/en/grahp.md, which does not exist: "
    "link an existing page by its file name (graph.md), relative to this page\n",
    "docs/zh/devices.md has no twin docs/en/devices.md: write it (the same code, the prose translated), or delete docs/zh/devices.md\n",
    "the site build failed, as publishing would: `mkdocs build --strict -f ",
    "WARNING -  A reference to 'en/devices.md' is included in the 'nav' configuration, which is not found in the documentation files.\n"
    "WARNING -  Doc file 'en/no-grad.md' contains a link 'grahp.md', but the target 'en/grahp.md' is not found among documentation files.\n"
    "Aborted with 2 warnings in strict mode!\n"
    "the offline copy's build (OFFLINE=true) failed with the same lines\n",
]
FOUR_FAILED = [  # one test per fault, and the build
    "docs/en/detach.md::line:5,column:1",
    "docs/zh/graph.md::line:3,column:1",
    "tests/test_checks.py::test_every_link_of_a_page_resolves[en/no-grad.md]",
    "tests/test_checks.py::test_every_page_has_its_twin",
    "tests/test_strict_build.py::test_the_site_builds_as_publishing_does",
]
FOUR_REPEATED = (  # the parity of each page with a fault: the same page line, or the same sentence
    "the fault of docs/en/detach.md::line:5,column:1 fails 1 more:\n  tests/test_checks.py::test_twins_have_the_same_code_and_outputs[detach.md]\n"
    "the fault of docs/zh/graph.md::line:3,column:1 fails 1 more:\n  tests/test_checks.py::test_twins_have_the_same_code_and_outputs[graph.md]\n"
    "the fault of tests/test_checks.py::test_every_page_has_its_twin fails 1 more:\n"
    "  tests/test_checks.py::test_twins_have_the_same_code_and_outputs[devices.md]\n"
)
FOUR_SKIPPED = re.compile(  # the three tests that read the built site, in one line
    r"^SKIPPED \[3\] \S+/tests/conftest\.py:\d+: the site build failed: see tests/test_strict_build\.py::test_the_site_builds_as_publishing_does above$",
    re.M,
)
LINE_BUDGET = 60  # measured: 57 lines (9 of them pytest's header and progress), 100 columns wide


@declare(report_self_test_inputs)
def test_four_planted_faults_give_four_short_reports(tmp_path):
    """The four faults of issue 15 planted at once in a small project checked as the suite checks the
    site (tests/samples/four_faults/conftest.py), with two xdist workers as `make test` runs it: each fault is
    reported once, in full, the build once more in MkDocs' words; what merely repeats a fault is listed
    under it, and what needs the failed build is skipped in one line; the run fails."""
    project = tmp_path / "four_faults"
    shutil.copytree(SAMPLES / "four_faults", project)
    for name, change in FOUR_FAULTS.items():
        path = project / name
        if change is None:
            path.unlink()
            continue
        text = path.read_text(encoding="utf-8")
        assert text.count(change[0]) == 1, f"{name} no longer holds {change[0]!r} once: plant the fault elsewhere"
        path.write_text(text.replace(*change), encoding="utf-8")
    quiet = {name: value for name, value in os.environ.items() if name not in ("CI", "BUILD_NUMBER", "PYTEST_ADDOPTS")}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2"],
        cwd=project,
        env={**quiet, "PYTHONPATH": str(ROOT), "COLUMNS": "100"},
        capture_output=True,
        text=True,
    )
    out = run.stdout
    assert run.returncode == 1, out
    for report in FOUR_REPORTS:
        assert out.count(report) == 1, report + "\n" + out
    assert sorted(re.findall(r"^FAILED (\S+)", out, re.M)) == sorted(FOUR_FAILED), out
    assert FOUR_REPEATED in out, out
    assert len(FOUR_SKIPPED.findall(out)) == 1 and "ERROR" not in out, out
    assert re.search(r"^=+ 5 failed, 16 passed, 3 skipped, 3 repeated in ", out, re.M), out
    assert len(out.splitlines()) <= LINE_BUDGET, out
