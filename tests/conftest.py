"""Fixtures shared by the tests of the built site.

A failed build is reported once, by :data:`BUILD_TEST`, in MkDocs' own words; the tests that read
the built site are then skipped with one reason that points at it (pytest's summary folds them
into one line). Where the run does not include :data:`BUILD_TEST` they fail with MkDocs' words
instead, so that a failed build always fails the run.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest

from resultcache.plugin import enabled
from tests.site_build import BuildFailed, built_sites, cached_sites

BUILD_TEST = "tests/test_strict_build.py::test_the_site_builds_as_publishing_does"


@dataclass(frozen=True)
class SiteBuild:
    """The site and its offline copy, or, when the build failed, why (``failure``)."""

    sites: tuple[Path, Path] | None
    failure: str = ""


@pytest.fixture(scope="session")
def site_build(request, tmp_path_factory, worker_id) -> SiteBuild:
    """The site and its offline copy, built once per run and shared by the run's workers.

    With the result cache on they come from ``.cache/site/`` while what the build reads is
    unchanged (tests/site_build.py); with it off, the first worker that needs them builds them
    in the folder all workers of this run share, and the others wait and read the same files.
    """
    try:
        if enabled(request.config):
            return SiteBuild(cached_sites())
        shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
        return SiteBuild(built_sites(shared / "built"))
    except BuildFailed as failed:
        return SiteBuild(None, str(failed))


@pytest.fixture(scope="session")
def built(request, site_build) -> tuple[Path, Path]:
    """The built site and its offline copy; a failed build skips the test (see the module's docstring)."""
    if site_build.failure:
        if any(item.nodeid == BUILD_TEST for item in request.session.items):
            pytest.skip(f"the site build failed: see {BUILD_TEST} above")
        pytest.fail(site_build.failure, pytrace=False)
    return site_build.sites


@pytest.fixture(scope="session")
def site(built) -> Path:
    """The site as published."""
    return built[0]


@pytest.fixture(scope="session")
def offline_site(built) -> Path:
    """The copy of the site to read from disk."""
    return built[1]
