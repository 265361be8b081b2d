"""`make screenshots`: a PNG of every page in both languages, light and dark, for review.

Builds the site, serves it on 127.0.0.1 and writes ``<out>/<light|dark>/<page>.png``
(``screenshots/`` by default).
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.chromium import EXECUTABLE, MISSING, launch
from tests.browser.server import serve
from tests.docs import ROOT, page_paths

SCHEMES = {"light": "light", "dark": "dark"}


def file_name(path: str) -> str:
    """``en/detach/`` becomes ``en-detach.png``; the Chinese home page ``zh-home.png``."""
    return (path.strip("/").replace("/", "-") or "zh-home") + ".png"


def main(out: Path) -> None:
    """Build, serve and photograph every page in both palettes."""
    if not EXECUTABLE.is_file():
        sys.exit(MISSING)
    with tempfile.TemporaryDirectory() as site:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", site], cwd=ROOT, check=True)
        with serve(Path(site)) as base_url, sync_playwright() as playwright:
            browser = launch(playwright)
            for name, scheme in SCHEMES.items():
                context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
                page = context.new_page()
                (out / name).mkdir(parents=True, exist_ok=True)
                for path in page_paths():
                    page.goto(base_url + path, wait_until="networkidle")
                    page.screenshot(path=out / name / file_name(path), full_page=True)
                context.close()
            browser.close()
    print(f"screenshots of {len(page_paths())} pages, light and dark, in {out}/")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "screenshots"))
