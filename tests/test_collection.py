"""Nothing in docs/ escapes the checker, and every block and figure is checked exactly once per run."""

import collections
import re
import subprocess
import sys

import pytest

from pageformat.blocks import pair_blocks
from tests.docs import DOCS, ROOT, docs_sybil
from pagecheck.figures import page_figures


def test_every_page_under_docs_is_checked():
    sybil = docs_sybil()
    unchecked = [path for path in DOCS.rglob("*.md") if not sybil.should_parse(path)]
    assert unchecked == []


def collected_ids(request) -> list[str]:
    """Every test id a bare ``pytest`` collects: this run's own when it is one (xdist's workers
    each collect them all), else those of a collect-only run."""
    config = request.config
    whole_run = config.args_source == pytest.Config.ArgsSource.TESTPATHS and not any(
        config.getoption(option) for option in ("keyword", "markexpr", "deselect")
    )
    if whole_run:
        return [item.nodeid for item in request.session.items]
    listing = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-n", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line for line in listing.splitlines() if "::" in line]


def test_every_block_is_collected_exactly_once(request):
    items = collected_ids(request)
    assert [item for item, count in collections.Counter(items).items() if count > 1] == []
    per_page = collections.Counter(item.split("::")[0] for item in items if item.startswith("docs/"))
    sybil = docs_sybil()
    for path in DOCS.rglob("*.md"):
        page = str(path.relative_to(ROOT))
        document = sybil.parse(path)
        assert per_page[page] == len(pair_blocks(document)) + len(page_figures(document)) + 1, page
    assert any(re.match(r"README\.md::", item) for item in items)
