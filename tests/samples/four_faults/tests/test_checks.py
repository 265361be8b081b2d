from pathlib import Path

import pytest

from pagelint.links import link_problems
from pagelint.parity import page_differences
from pagelint.site_structure import no_twin, twin_problems
from tests.docs import fail_with

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(path.name for path in (DOCS / "zh").glob("*.md"))


def twin(page: str) -> Path:
    path = DOCS / "en" / page
    if not path.is_file():
        pytest.fail(no_twin(f"docs/zh/{page}", f"docs/en/{page}"), pytrace=False)
    return path


def test_every_page_has_its_twin():
    fail_with(twin_problems(ROOT, ["zh", "en"]))


@pytest.mark.parametrize("page", PAGES)
def test_twins_have_the_same_code_and_outputs(page):
    fail_with(page_differences(DOCS / "zh" / page, twin(page)))


@pytest.mark.parametrize("page", sorted(DOCS.glob("*/*.md")), ids=lambda path: path.relative_to(DOCS).as_posix())
def test_every_link_of_a_page_resolves(page):
    fail_with(link_problems(ROOT, page))
