"""Fixtures shared by the tests of the built site."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from tests.docs import ROOT, site_config


MKDOCS_PROBLEM = ("WARNING", "ERROR", "Error", "Aborted", "Traceback", "  ")


def build_command(target: Path, config: Path = ROOT / "mkdocs.yml") -> list[str]:
    """``mkdocs build --strict`` of ``config`` into ``target``, as ``make build`` and the publish workflow run it.

    Not ``--quiet``: it stops MkDocs from counting warnings (mkdocs/mkdocs#4126), so a warning that
    aborts the publish would pass here.
    """
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir", str(target)]


def start_build(command: list[str], **environment: str) -> subprocess.Popen:
    """Start a build whose messages are kept for the failure report."""
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def build_problems(build: subprocess.Popen) -> str:
    """Wait for ``build``; return MkDocs' own words for why it failed, or an empty string."""
    output, _ = build.communicate()
    if build.returncode == 0:
        return ""
    reported = [line for line in output.splitlines() if line.startswith(MKDOCS_PROBLEM)]
    return f"`{' '.join(build.args[2:])}` failed:\n" + "\n".join(reported)


def build_sites(site: Path, offline: Path) -> None:
    """Build the site and its offline copy (``OFFLINE=true``: Material's offline plugin) side by side,
    then zip the copy into the site, where its home pages link to it, as ``make build offline`` does."""
    builds = [start_build(build_command(site)), start_build(build_command(offline), OFFLINE="true")]
    failed = [problem for problem in map(build_problems, builds) if problem]
    if failed:
        pytest.fail("the site build failed, as publishing would:\n" + "\n".join(failed), pytrace=False)
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
