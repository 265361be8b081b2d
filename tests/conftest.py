"""Fixtures shared by the tests of the built site.

A failed build is reported once, by :data:`BUILD_TEST`, in MkDocs' own words; the tests that read
the built site are then skipped with one reason that points at it (pytest's summary folds them
into one line). Where the run does not include :data:`BUILD_TEST` they fail with MkDocs' words
instead, so that a failed build always fails the run.
"""

import os
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from resultcache.plugin import enabled
from tests.site_build import BuildFailed, built_sites, cached_sites

BUILD_TEST = "tests/test_strict_build.py::test_the_site_builds_as_publishing_does"


_EARLY_BUILD = pytest.StashKey[threading.Thread]()


def _build_early() -> None:
    """Build the site into the result cache; a failure is left for the workers to report."""
    try:
        cached_sites()
    except BuildFailed:
        pass


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    """When this process hands the whole suite out to xdist's workers, with the result cache on, build
    the site now, while the workers start and collect: their collection waits for it (the keys of
    the tests that read the site are worked out from it), and started this early it costs them
    little. The build goes where the workers look for it (tests/site_build.py), and a failure is
    told under this run's id, which this process fixes for the workers to share."""
    whole_suite = config.args_source == pytest.Config.ArgsSource.TESTPATHS
    hands_out = bool(getattr(config.option, "numprocesses", None)) and not hasattr(config, "workerinput")
    if whole_suite and hands_out and enabled(config):
        config.option.testrunuid = config.option.testrunuid or uuid.uuid4().hex
        os.environ["PYTEST_XDIST_TESTRUNUID"] = config.option.testrunuid
        config.stash[_EARLY_BUILD] = threading.Thread(target=_build_early, name="early site build", daemon=True)
        config.stash[_EARLY_BUILD].start()


def pytest_unconfigure(config: pytest.Config) -> None:
    """Wait for an early build still running, so that no run leaves one half written."""
    if _EARLY_BUILD in config.stash:
        config.stash[_EARLY_BUILD].join()


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
