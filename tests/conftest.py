"""Fixtures shared by the tests of the built site."""

import os
import subprocess
import sys

import pytest
from filelock import FileLock

from tests.docs import ROOT


@pytest.fixture(scope="session")
def site(tmp_path_factory, worker_id):
    """The site built once per run with ``mkdocs build --strict``, shared by the run's workers.

    The first worker that needs it builds it, under a lock in the folder all workers of this
    run share; the others wait and read the same files.
    """
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    target = shared / "site"
    with FileLock(str(shared / "site.lock")):
        if not (target / "sitemap.xml").is_file():
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
                cwd=ROOT,
                check=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
    return target
