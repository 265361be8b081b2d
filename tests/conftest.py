"""Fixtures shared by the tests of the built site."""

import os
import subprocess
import sys

import pytest

from tests.docs import ROOT


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site built once per run with ``mkdocs build --strict``."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return target
