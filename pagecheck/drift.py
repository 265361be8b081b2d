"""Check every page against another torch than the pinned one, and report what prints differently.

``python -m pagecheck.drift 2.14.1`` (``make drift TORCH=2.14.1``; ``latest`` for the newest
release pip can install) installs that torch, and only that torch with what it needs, into a venv
of its own, ``.venv-torch-<version>``. Everything else comes from the project's ``.venv``, which
that venv reads after its own packages (a ``.pth`` file). Every page then runs through the same
checker, without refreshing, and ``drift/torch-<version>.md`` lists each block that printed
differently, with its diff, page by page (named by the release, without a build's local tag such
as ``+cu130``).
"""

import re
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "drift"
_LOCATION = re.compile(r"^(?P<page>docs/[^:\s]+\.md):(?P<line>\d+): ", re.M)
_PYTEST_TAIL = re.compile(r"^\S+:\d+: SybilFailure$", re.M)


def drift_venv(version: str) -> Path:
    """The venv holding ``version`` of torch, made and filled on first use."""
    venv = ROOT / f".venv-torch-{version}"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        requirement = "torch" if version == "latest" else f"torch=={version}"
        subprocess.run([str(python), "-m", "pip", "install", "--disable-pip-version-check", requirement], check=True)
        own = subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        Path(own, "zz-project-venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return python


def installed_torch(python: Path) -> str:
    """The torch version ``python`` imports."""
    return subprocess.run(
        [str(python), "-c", "import torch; print(torch.__version__)"], capture_output=True, text=True, check=True
    ).stdout.strip()


def run_pages(python: Path, results: Path) -> None:
    """Check every page with ``python``'s torch, recording each test's result in ``results`` (JUnit XML)."""
    subprocess.run(
        [str(python), "-m", "pytest", "docs", "-q", f"--junitxml={results}", "-o", "junit_logging=no"],
        cwd=ROOT,
    )


def report(results: Path, version: str, requested: str) -> str:
    """The Markdown report of the blocks that failed under ``version``, page by page."""
    by_page: dict[str, list[str]] = defaultdict(list)
    tests = 0
    for case in ElementTree.parse(results).iter("testcase"):
        tests += 1
        failure = case.find("failure")
        if failure is None:
            continue
        text = failure.text or failure.get("message", "")
        found = _LOCATION.search(text)
        page = found["page"] if found else case.get("classname", "?")
        by_page[page].append(text[found.start() :].strip() if found else text.strip())
    lines = [
        f"# Drift report: torch {version}",
        "",
        f"Every page checked against torch {version} without refreshing (`make drift TORCH={requested}`):",
        f"{tests} blocks and page checks, {sum(map(len, by_page.values()))} failed on {len(by_page)} pages.",
    ]
    for page in sorted(by_page):
        lines += ["", f"## {page}", ""]
        for failure in by_page[page]:
            lines += ["```diff", _first_report(failure), "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def _first_report(failure: str) -> str:
    """One failure's report, without pytest's repetition of it."""
    return _PYTEST_TAIL.split(failure, maxsplit=1)[0].strip()


def main(version: str) -> Path:
    """Make the venv, check the pages, write the report; return its path."""
    python = drift_venv(version)
    actual = installed_torch(python)
    release = actual.split("+")[0]
    REPORTS.mkdir(exist_ok=True)
    results = REPORTS / f"torch-{release}.xml"
    run_pages(python, results)
    path = REPORTS / f"torch-{release}.md"
    path.write_text(report(results, actual, version), encoding="utf-8")
    results.unlink()
    return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m pagecheck.drift <torch version, or latest>   (make drift TORCH=2.14.1)")
    print(f"drift report: {main(sys.argv[1]).relative_to(ROOT)}")
