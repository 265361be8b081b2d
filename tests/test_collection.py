"""Nothing in docs/ escapes the checker, and every block and figure is checked exactly once per run."""

import collections
import re
import subprocess
import sys

import pytest

from pageformat.blocks import pair_blocks
from tests.docs import DOCS, ROOT, docs_sybil, fail_with
from pagecheck.figures import page_figures
from resultcache.plugin import declare
from tests.result_inputs import every_page_inputs


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


def failed_blocks(*arguments: str) -> tuple[list[str], subprocess.CompletedProcess]:
    """The ids of the page blocks that fail in a run of the page checker with ``arguments``, and the run."""
    run = subprocess.run(
        [sys.executable, "-m", "pytest", *arguments, "-q", "-n", "0", "-rf", "--no-result-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return re.findall(r"^FAILED (\S+)", run.stdout, re.M), run


@declare(every_page_inputs)
def test_pages_pass_in_reverse_order(request):
    """Each page runs in its own namespace from a fresh torch state, so page order cannot matter.

    A block that fails in reverse order is run again with its page alone, in page order: if it fails
    there too, the fault is the page's own, which the page's own check reports in this run; this
    test then says so in a skip. Only a block that passes alone fails this test, or one whose page
    this run does not check."""
    failed, run = failed_blocks("docs", "--pages-in-reverse")
    if run.returncode == 0:
        return
    pages = list(dict.fromkeys(block.split("::")[0] for block in failed))
    alone = failed_blocks(*pages)[0] if pages else []
    checked = {item.nodeid for item in request.session.items}
    order_dependent = [block for block in failed if block not in alone]
    unchecked = [block for block in failed if block in alone and block not in checked]
    problems = [] if failed else [f"the run with the pages in reverse order failed:\n{run.stdout[-3000:]}"]
    if order_dependent:
        problems.append(
            f"these fail with the pages in reverse order and pass in page order: {', '.join(order_dependent)}; "
            "each depends on another page (each must run alone)"
        )
    if unchecked:
        problems.append(
            f"these fail in either order, and this run does not check their pages: {', '.join(unchecked)}; "
            "run their pages (.venv/bin/python -m pytest <page>) to see why"
        )
    fail_with(problems)
    pytest.skip(f"{', '.join(pages)} fail in page order too, as their own checks in this run report: the order cannot be judged")
