"""Fixtures shared by the tests of the built site."""

import os
import subprocess
import sys

import pytest

from tests.docs import ROOT, site_config


def build_site(target, **environment) -> None:
    """Build the site into ``target`` with ``mkdocs build --strict``, ``environment`` added."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment},
    )


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory):
    """The copy of the site to read from disk (``OFFLINE=true``: Material's offline plugin)."""
    target = tmp_path_factory.mktemp("offline") / "autograd-guide"
    build_site(target, OFFLINE="true")
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory, offline_site):
    """The site built once per run with ``mkdocs build --strict``, as ``make build offline`` does.

    The offline copy is zipped into it, where its home pages link to it.
    """
    target = tmp_path_factory.mktemp("site")
    build_site(target)
    download = target / site_config()["extra"]["offline_download"]
    subprocess.run([sys.executable, "-m", "zipfile", "-c", str(download), str(offline_site)], check=True)
    return target
