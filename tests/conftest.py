"""Fixtures shared by the tests of the built site."""

import os
import subprocess
import sys

import pytest

from tests.docs import ROOT


def build_site(target, **environment) -> None:
    """Build the site into ``target`` with ``mkdocs build --strict``, ``environment`` added."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment},
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site built once per run with ``mkdocs build --strict``."""
    target = tmp_path_factory.mktemp("site")
    build_site(target)
    return target


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory):
    """The copy of the site to read from disk (``OFFLINE=true``: Material's offline plugin)."""
    target = tmp_path_factory.mktemp("offline-site")
    build_site(target, OFFLINE="true")
    return target
