"""The checker is tested on sample pages: each must_fail page must fail where it says it does."""

import re
import shutil
from pathlib import Path

import pytest
from sybil.parsers.markdown import PythonCodeBlockParser

from pageformat.errors import PageError
from pagecheck import check_page, make_sybil
from pagecheck.engine import parse_page_end
from pagecheck.isolation import fresh_torch_state

SAMPLES = Path(__file__).parent / "samples"
EXPECTATION = re.compile(r"<!-- must fail at line (?P<line>\d+) with: (?P<words>.+?) -->")


def check(path: Path, refresh: bool = False) -> list[str]:
    """Check one sample page the way the suite checks a docs page."""
    sybil = make_sybil(refresh=refresh, setup=fresh_torch_state, path=str(path.parent), patterns=["*.md"])
    return check_page(sybil, path)


def failure_of(path: Path) -> str:
    """Everything the checker says is wrong with ``path``, parse errors included."""
    try:
        return "\n".join(check(path))
    except PageError as error:
        return str(error)


@pytest.mark.parametrize("sample", sorted((SAMPLES / "must_fail").glob("*.md")), ids=lambda p: p.stem)
def test_sample_fails_where_it_says(sample):
    expected = EXPECTATION.match(sample.read_text(encoding="utf-8"))
    failure = failure_of(sample)
    assert f"{sample.relative_to(Path.cwd())}:{expected['line']}: {expected['words']}" in failure, failure


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
    assert failures == [
        f"{sample.relative_to(Path.cwd())}:7: this python block was never executed (info string 'python title=\"escapes.py\"')"
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
