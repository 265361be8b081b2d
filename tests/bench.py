"""`make bench`: the figures of speed of issues 9 and 16, each printed with its target; a missed one is marked.

1. `make test` from a fresh clone: the wall time pytest reports for the whole suite, in a scratch
   copy with no result cache (tests/recheck.py). Target: <= 60 s. Then the re-check: the same
   copy after a one-sentence edit to one page, the cache answering for the rest. Target: <= 15 s.
   Both with the CPU seconds of all their processes. The slow part: ``--quick`` leaves it out.
2. Verifying the pages against the floor: the CPU seconds (user + sys) of checking every docs
   page serially against those of running the same blocks plainly (tests/floor.py).
   Target: ratio <= 1.2.
3. Building the site against a bare bilingual skeleton of the same configuration (same theme,
   plugins and hooks; one home page per language holding just its title), in CPU seconds.
   Target: ratio <= 2.
4. `make serve`: seconds from saving a page to the saved page being served (tests/serve_latency.py).
   Target: <= 1.5 s.
5. Where the suite's CPU seconds go: those of the page sweep (every page's load checks and axe
   audit), of the other browser tests and of every other test, each group run serially, the site
   build it starts with taken out. Printed for comparison; the suite's time is figure 1.
6. Lighthouse on the heaviest pages and the home page, mobile emulation, served gzip-compressed
   (tests/lighthouse.py), each page's median of three runs. Target: performance >= 95 and accessibility 100 on each.

Both sides of a ratio are measured in this one invocation, each the median of a few runs; CPU
seconds, unlike wall time, hardly change when other programs share the machine.
"""

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


from tests import lighthouse, recheck, serve_latency
from tests.process_cost import Cost, run_measured
from tests.docs import LANGUAGES, ROOT, site_config, write_config

RUNS = 3
BUILD_RUNS = 5  # a build takes seconds, and the two sides differ by tenths: more pairs for a steadier median
LIGHTHOUSE_RUNS = 3  # each page's median of three, as Lighthouse CI takes by default: one run's score swings with the machine's load
SERIAL = ["-n", "0"] if importlib.util.find_spec("xdist") else []


@dataclass(frozen=True)
class Figure:
    """One of the figures, its target, and what to print beside it."""

    name: str
    value: float
    target: float
    unit: str
    detail: str = ""

    @property
    def met(self) -> bool:
        """Whether the figure meets its target."""
        return self.value <= self.target

    def line(self) -> str:
        """The figure as printed: value, target, a mark when missed, then its detail."""
        mark = "" if self.met else "   <-- MISSED"
        detail = f"\n    {self.detail}" if self.detail else ""
        return f"{self.name:<36} {self.value:7.2f} {self.unit:<2} (target <= {self.target} {self.unit}){mark}{detail}"


def run_cost(command: list[str], cwd: Path = ROOT) -> Cost:
    """CPU seconds (user + sys, of every process it starts) and wall seconds of one run of ``command``."""
    return run_measured(command, cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)[1]


def median_of(costs: list[Cost]) -> Cost:
    """The median CPU seconds and the median wall seconds of ``costs``."""
    return Cost(statistics.median(cost.cpu for cost in costs), statistics.median(cost.wall for cost in costs))


def median_cost(command: list[str], runs: int = RUNS) -> Cost:
    """The median CPU and wall seconds of ``runs`` runs of ``command``."""
    return median_of([run_cost(command) for _ in range(runs)])


def ratio_figure(name: str, target: float, measured: Cost, baseline: Cost, what: str, against: str) -> Figure:
    """A ratio of CPU seconds, its two sides in the detail."""
    detail = (
        f"{what}: {measured.cpu:.2f} s CPU ({measured.wall:.2f} s wall); "
        f"{against}: {baseline.cpu:.2f} s CPU ({baseline.wall:.2f} s wall)"
    )
    return Figure(name, measured.cpu / baseline.cpu, target, "x", detail)


def suite_figures() -> list[Figure]:
    """The whole suite from a fresh clone, and the re-check after a one-sentence edit (tests/recheck.py)."""
    fresh, warm = recheck.fresh_then_recheck()
    return [
        Figure("make test, fresh clone (pytest's time)", fresh.seconds, 60, "s", fresh.detail()),
        Figure("make test after a one-sentence edit", warm.seconds, 15, "s", warm.detail()),
    ]


def pages_figure() -> Figure:
    """Checking every docs page serially (the result cache off) against running the same blocks plainly, in CPU seconds."""
    check = median_cost([sys.executable, "-m", "pytest", "docs", "-q", "--no-result-cache", *SERIAL])
    floor = median_cost([sys.executable, "-m", "tests.floor"])
    return ratio_figure("verify pages / run their blocks", 1.2, check, floor, "pytest docs, serial", "tests.floor")


def skeleton_config(folder: Path) -> Path:
    """mkdocs.yml with its pages replaced by one empty home page per language."""
    config = site_config()
    for language, title in zip(LANGUAGES, ("# 首页\n", "# Home\n")):
        (folder / "docs" / language).mkdir(parents=True)
        (folder / "docs" / language / "index.md").write_text(title, encoding="utf-8")
    config["docs_dir"] = str(folder / "docs")
    config["nav"] = [{"Home": "index.md"}]
    return write_config(config, folder)


def build_command(config: Path, site: Path) -> list[str]:
    """The `mkdocs build` of ``config`` into ``site``."""
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "--site-dir", str(site)]


def build_figure() -> Figure:
    """Building the site against building the bare skeleton, in CPU seconds, runs interleaved."""
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        site = build_command(ROOT / "mkdocs.yml", scratch / "site")
        skeleton = build_command(skeleton_config(scratch / "skeleton"), scratch / "skeleton-site")
        costs = [(run_cost(site), run_cost(skeleton)) for _ in range(BUILD_RUNS)]
    site_cost, skeleton_cost = (median_of([pair[side] for pair in costs]) for side in (0, 1))
    return ratio_figure("build the site / a bare skeleton", 2.0, site_cost, skeleton_cost, "site", "skeleton")


def serve_figure() -> Figure:
    """Seconds from saving a page to `make serve` serving it, the median of a few saves."""
    saves = serve_latency.saves()
    detail = "each save: " + ", ".join(str(save) for save in saves)
    return Figure("make serve: save to served page", statistics.median(save.latency for save in saves), 1.5, "s", detail)


GROUPS = {
    "browser: page sweep (load, traffic, axe)": ["tests/browser/test_every_page.py", "tests/browser/test_accessibility.py"],
    "browser: other tests": ["tests/browser", "--ignore=tests/browser/test_every_page.py", "--ignore=tests/browser/test_accessibility.py"],
    "every test but the browser tests": ["--ignore=tests/browser"],
}


def group_lines() -> list[str]:
    """CPU seconds of each group of tests (:data:`GROUPS`), run serially and all of them (no result
    reused), less the site build each starts with."""
    with tempfile.TemporaryDirectory() as scratch:
        build = run_cost([sys.executable, "-c", f"from pathlib import Path; from tests.site_build import build_sites; build_sites(Path({scratch!r}) / 'site', Path({scratch!r}) / 'offline' / 'autograd-guide')"])
    lines = []
    for name, selection in GROUPS.items():
        cost = run_cost([sys.executable, "-m", "pytest", "-q", "--no-result-cache", *SERIAL, *selection])
        lines.append(f"{name:<36} {cost.cpu - build.cpu:7.2f} s CPU ({cost.cpu:.2f} s with the site build, {cost.wall:.2f} s wall)")
    return lines


def lighthouse_lines() -> tuple[list[str], bool]:
    """Lighthouse's scores of the heaviest pages and the home page of a fresh build; whether all meet their targets."""
    with tempfile.TemporaryDirectory() as site:
        subprocess.run(build_command(ROOT / "mkdocs.yml", Path(site)), cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        audits = lighthouse.audit_site(Path(site), runs=LIGHTHOUSE_RUNS)
    header = f"Lighthouse 12 (mobile; target performance >= {lighthouse.PERFORMANCE_TARGET}, accessibility {lighthouse.ACCESSIBILITY_TARGET})"
    return [header] + [found.line() for found in audits], all(found.met for found in audits)


def main() -> None:
    """Measure, print each figure with its target, and exit non-zero when one misses it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="leave out the slow figures: the whole test suite, its groups of tests, Lighthouse")
    quick = parser.parse_args().quick
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    measures = [pages_figure, build_figure, serve_figure] + ([] if quick else [suite_figures])
    figures = []
    for measure in measures:
        measured = measure()
        for figure in measured if isinstance(measured, list) else [measured]:
            figures.append(figure)
            print(figure.line(), flush=True)
    scores_met = True
    if quick:
        print(f"{'make test fresh and re-check, test groups, Lighthouse':<36} (left out: --quick)")
    else:
        print("\n".join(group_lines()), flush=True)
        scores, scores_met = lighthouse_lines()
        print("\n".join(scores))
    sys.exit(0 if all(figure.met for figure in figures) and scores_met else 1)


if __name__ == "__main__":
    main()
