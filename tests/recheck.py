"""The whole suite from a fresh clone, then the re-check after a one-sentence edit: `make bench`.

Both runs happen in a scratch copy of the repository (its tracked and unignored files, the
virtual environment linked), never in the repository itself:

1. ``pytest`` as `make test` runs it, with no ``.cache/``: what a fresh clone costs once it is
   installed. It fills the copy's result cache.
2. One sentence is planted in the first paragraph of a page, its section confirmed as the
   routine has it (`make sync-confirm`), and ``pytest`` runs again: what a contributor waits
   for after an edit. The result cache answers for everything the edit cannot change.

Each run is reported with pytest's own wall time, the CPU seconds of all its processes, and how
many results it reused.

Run on its own: ``python -m tests.recheck`` (it runs the whole suite twice).
"""

import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.docs import DOCS, ROOT
from tests.process_cost import run_measured

EDITED_PAGE = Path("en") / "detach.md"
PLANTED = " The bench planted this sentence to measure a re-check."
_SUMMARY = re.compile(r"^=*\s*(?P<summary>.+?) in (?P<seconds>[\d.]+)s")
_REUSED = re.compile(r"result cache: (?P<reused>\d+) results reused, (?P<ran>\d+) tests ran")
_SLOWEST = re.compile(r"^(?P<seconds>[\d.]+)s (?:setup|call|teardown) +(?P<test>\S+)$", re.M)
SLOWEST_SHOWN = 5


@dataclass(frozen=True)
class SuiteRun:
    """One pytest run of the whole suite."""

    seconds: float
    cpu: float
    summary: str
    reused: int
    ran: int
    passed: bool
    slowest: tuple[str, ...]

    def detail(self) -> str:
        """The run's summary, CPU seconds, reuse and slowest tests, as the bench prints it under the figure."""
        verdict = "" if self.passed else "   (the suite FAILED)"
        return (
            f"{self.summary}; {self.cpu:.1f} s CPU in all processes; "
            f"{self.reused} results reused, {self.ran} tests ran{verdict}; slowest: {', '.join(self.slowest)}"
        )


def scratch_copy(target: Path) -> Path:
    """Copy the repository's tracked and unignored files into ``target``; link its .venv."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to((ROOT / ".venv").resolve())
    return target


def run_suite(repository: Path, *options: str) -> SuiteRun:
    """Run the whole suite in ``repository`` as `make test` does; its time, CPU and reuse."""
    result, cost = run_measured(
        [sys.executable, "-m", "pytest", "-q", f"--durations={SLOWEST_SHOWN}", *options], repository, capture_output=True, text=True
    )
    summary = _SUMMARY.search(result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "")
    if summary is None:
        raise RuntimeError(f"no summary from pytest after {cost.wall:.0f} s:\n{result.stdout[-3000:]}\n{result.stderr[-2000:]}")
    reuse = _REUSED.search(result.stdout)
    return SuiteRun(
        float(summary["seconds"]),
        cost.cpu,
        summary["summary"],
        int(reuse["reused"]) if reuse else 0,
        int(reuse["ran"]) if reuse else 0,
        result.returncode == 0,
        tuple(f"{match['test']} {match['seconds']} s" for match in _SLOWEST.finditer(result.stdout)),
    )


def plant_sentence(repository: Path) -> Path:
    """Add one sentence to the first paragraph of ``EDITED_PAGE`` in ``repository``, and confirm
    its section (the twin needs no change for a sentence the bench adds); return the page."""
    page = repository / DOCS.relative_to(ROOT) / EDITED_PAGE
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(number for number, line in enumerate(lines) if line[:1].isalpha())
    lines[first] = lines[first].rstrip("\n") + PLANTED + "\n"
    page.write_text("".join(lines), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pagelint.sections", str(page.relative_to(repository))], cwd=repository, check=True, capture_output=True)
    return page


def fresh_then_recheck() -> tuple[SuiteRun, SuiteRun]:
    """The whole suite in a fresh scratch copy, then again after a planted one-sentence edit."""
    with tempfile.TemporaryDirectory(prefix="recheck-") as scratch:
        repository = scratch_copy(Path(scratch))
        fresh = run_suite(repository)
        plant_sentence(repository)
        return fresh, run_suite(repository)


if __name__ == "__main__":
    for run in fresh_then_recheck():
        print(f"{run.seconds:.1f} s: {run.detail()}")
