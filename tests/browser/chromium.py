"""Start Debian's Chromium through Playwright, or say how to get it.

Playwright cannot download its own browser here, so it drives the system Chromium
(``/usr/bin/chromium``, or the path in ``$CHROMIUM``). Without it the browser tests are skipped
on a contributor's machine and fail under ``CI=true``.
"""

import os
from pathlib import Path

import pytest

EXECUTABLE = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
QUIET_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MISSING = (
    f"no Chromium at {EXECUTABLE}: install it with `sudo apt-get install chromium fonts-noto-cjk` "
    "(or point $CHROMIUM at a Chromium or Chrome binary) to run the browser tests"
)


def require_chromium() -> Path:
    """The browser's path; skips the calling test without one, or fails it under CI."""
    if not EXECUTABLE.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(MISSING)
        pytest.skip(MISSING)
    return EXECUTABLE


def launch(playwright):
    """A headless Chromium that talks to nobody but the pages it is sent to."""
    return playwright.chromium.launch(executable_path=str(require_chromium()), args=QUIET_FLAGS)
