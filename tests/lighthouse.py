"""Lighthouse 12 on the site's heaviest pages, as a phone reads them; for `make bench`.

Each page is served gzip-compressed from 127.0.0.1, as GitHub Pages serves it, and audited by
Lighthouse 12.2.3 (npm, installed by `make bench` under .cache/lighthouse) driving Debian's
Chromium in Lighthouse's default mobile emulation. Lighthouse's scores depend on how busy the
machine is, so the home page, the lightest, is audited in the same run to compare against.

``python -m tests.lighthouse [SITE]`` prints the scores of a built site (built afresh without one).
"""

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.browser.chromium import EXECUTABLE, MISSING
from tests.browser.server import serve
from tests.docs import ROOT

LIGHTHOUSE = ROOT / ".cache" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless --no-sandbox --disable-background-networking --disable-component-update --disable-sync"
PAGES = [  # home, to compare against, then the pages issue 16 measured and the two chapters added since
    "",
    "en/glossary/",
    "en/inplace/",
    "en/exercises/graph/",
    "no-grad/",
    "en/no-grad/",
    "going-further/",
    "en/going-further/",
    "errors/",
    "en/errors/",
    "practice/",
    "en/practice/",
    "debugging/",
    "en/debugging/",
]
PERFORMANCE_TARGET, ACCESSIBILITY_TARGET = 95, 100


@dataclass(frozen=True)
class Audit:
    """What Lighthouse found on one page."""

    path: str
    performance: int
    accessibility: int
    blocking_ms: float
    dom_size: int
    failed: tuple[str, ...]  # the accessibility audits the page failed

    @property
    def met(self) -> bool:
        """Whether both scores meet their targets."""
        return self.performance >= PERFORMANCE_TARGET and self.accessibility >= ACCESSIBILITY_TARGET

    def line(self) -> str:
        """The page's scores as printed, a missed target marked."""
        mark = "" if self.met else "   <-- MISSED"
        failed = f"  failed: {', '.join(self.failed)}" if self.failed else ""
        return (
            f"  {self.path or '(home)':<22} performance {self.performance:3d}  accessibility {self.accessibility:3d}"
            f"  TBT {self.blocking_ms:4.0f} ms  DOM {self.dom_size:5d} elements{mark}{failed}"
        )


def lighthouse_report(url: str) -> dict:
    """Lighthouse's JSON report of ``url``: performance and accessibility, mobile emulation."""
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
        "--only-categories=performance,accessibility", f"--chrome-flags={CHROME_FLAGS}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": str(EXECUTABLE)})
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def audit(base_url: str, path: str) -> Audit:
    """Lighthouse's scores of the page at ``path``."""
    report = lighthouse_report(base_url + path)
    categories, audits = report["categories"], report["audits"]
    if categories["performance"]["score"] is None:
        problem = report.get("runtimeError", {}).get("message", "no performance score")
        raise RuntimeError(f"Lighthouse gave {path or '(home)'} no performance score: {problem}")
    failed = tuple(
        reference["id"]
        for reference in categories["accessibility"]["auditRefs"]
        if reference["weight"] and audits[reference["id"]]["score"] not in (None, 1)
    )
    return Audit(
        path,
        round(categories["performance"]["score"] * 100),
        round(categories["accessibility"]["score"] * 100),
        audits["total-blocking-time"]["numericValue"],
        int(audits["dom-size"]["numericValue"]),
        failed,
    )


def median_audit(audits: list[Audit]) -> Audit:
    """The run with the median performance score of one page's runs."""
    return sorted(audits, key=lambda found: found.performance)[len(audits) // 2]


def audit_site(site: Path, pages: list[str] = PAGES, runs: int = 1) -> list[Audit]:
    """Each page's median audit of ``runs``, the pages taken in turn each run so that all share the machine's load."""
    if not LIGHTHOUSE.is_file():
        raise RuntimeError(f"no Lighthouse at {LIGHTHOUSE}: npm install --prefix .cache/lighthouse lighthouse@12.2.3")
    if not EXECUTABLE.is_file():
        raise RuntimeError(MISSING)
    with serve(site, compressed=True) as base_url:
        rounds = [[audit(base_url, path) for path in pages] for _ in range(runs)]
    return [median_audit(list(page_runs)) for page_runs in zip(*rounds)]


def main() -> None:
    """Print the Lighthouse scores of the site given as argument, or of a fresh build."""
    runs = int(os.environ.get("LIGHTHOUSE_RUNS", "1"))
    if len(sys.argv) > 1:
        audits = audit_site(Path(sys.argv[1]), runs=runs)
    else:
        with tempfile.TemporaryDirectory() as site:
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", site], cwd=ROOT, check=True)
            audits = audit_site(Path(site), runs=runs)
    for found in audits:
        print(found.line())
    sys.exit(0 if all(found.met for found in audits) else 1)


if __name__ == "__main__":
    main()
