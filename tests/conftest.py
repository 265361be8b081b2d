"""Fixtures shared by the tests of the built site."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from tests.docs import ROOT, site_config


def build_command(target: Path) -> list[str]:
    """``mkdocs build --strict`` into ``target``."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)]


def build_sites(site: Path, offline: Path) -> None:
    """Build the site and its offline copy (``OFFLINE=true``: Material's offline plugin) side by side,
    then zip the copy into the site, where its home pages link to it, as ``make build offline`` does."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    builds = [
        subprocess.Popen(build_command(site), cwd=ROOT, env=environment),
        subprocess.Popen(build_command(offline), cwd=ROOT, env={**environment, "OFFLINE": "true"}),
    ]
    failed = [build.args for build in builds if build.wait() != 0]
    if failed:
        raise RuntimeError(f"the site build failed: {failed}")
    download = site / site_config()["extra"]["offline_download"]
    subprocess.run([sys.executable, "-m", "zipfile", "-c", str(download), str(offline)], check=True)


@pytest.fixture(scope="session")
def built(tmp_path_factory, worker_id) -> tuple[Path, Path]:
    """The site and its offline copy, built once per run and shared by the run's workers.

    The first worker that needs them builds them, under a lock in the folder all workers of this
    run share; the others wait and read the same files.
    """
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    site, offline = shared / "site", shared / "offline" / "autograd-guide"
    with FileLock(str(shared / "site.lock")):
        if not (site / "sitemap.xml").is_file():
            build_sites(site, offline)
    return site, offline


@pytest.fixture(scope="session")
def site(built) -> Path:
    """The site as published."""
    return built[0]


@pytest.fixture(scope="session")
def offline_site(built) -> Path:
    """The copy of the site to read from disk."""
    return built[1]
