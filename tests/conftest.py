"""Fixtures shared by the tests of the built site."""

from pathlib import Path

import pytest

from resultcache.plugin import enabled
from tests.site_build import built_sites, cached_sites


@pytest.fixture(scope="session")
def built(request, tmp_path_factory, worker_id) -> tuple[Path, Path]:
    """The site and its offline copy, built once per run and shared by the run's workers.

    With the result cache on they come from ``.cache/site/`` while what the build reads is
    unchanged (tests/site_build.py); with it off, the first worker that needs them builds them
    in the folder all workers of this run share, and the others wait and read the same files.
    """
    if enabled(request.config):
        return cached_sites()
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    return built_sites(shared / "built")


@pytest.fixture(scope="session")
def site(built) -> Path:
    """The site as published."""
    return built[0]


@pytest.fixture(scope="session")
def offline_site(built) -> Path:
    """The copy of the site to read from disk."""
    return built[1]
