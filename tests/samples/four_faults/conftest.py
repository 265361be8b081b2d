"""A small project with the four planted faults, checked as the suite checks the site: its pages by
the page checker, their parity, links and twins by pagelint, its build by tests/site_build.py, the
tests that read the built site through tests/conftest.py's fixtures, the failures reported by
tests/repeated_failures.py."""

from pathlib import Path

import pytest

from pagecheck.engine import make_sybil
from tests.conftest import SiteBuild, built, site  # noqa: F401 (the suite's fixtures, used as they are)
from tests.site_build import BuildFailed, built_sites

pytest_plugins = ["tests.repeated_failures"]
ROOT = Path(__file__).parent

pytest_collect_file = make_sybil(path=str(ROOT / "docs"), patterns=["*.md"]).pytest()


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> SiteBuild:
    """This project's site, built as the suite builds the site, or why its build failed."""
    try:
        return SiteBuild(built_sites(tmp_path_factory.getbasetemp() / "built", ROOT / "mkdocs.yml"))
    except BuildFailed as failed:
        return SiteBuild(None, str(failed))
