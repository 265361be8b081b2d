"""The command line of a measurement over every page of a built site (``python -m tests.browser.palette_rules``,
``python -m tests.browser.contrast_proof``)."""

import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.docs import ROOT


def measure_site(compare: Callable[[Path], bool], held: str, broken: str) -> None:
    """Run ``compare`` on the site named by the first argument, or on a fresh build; print ``held``
    when it returns True, else ``broken``, and exit non-zero."""
    if len(sys.argv) > 1:
        ok = compare(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as site:
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", site], cwd=ROOT, check=True)
            ok = compare(Path(site))
    print(held if ok else broken)
    sys.exit(0 if ok else 1)
