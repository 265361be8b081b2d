"""`make bench`: what verifying the pages and building the site cost, each against a baseline.

1. The wall time of `pytest docs` (every block of every page, both languages) against
   `python -c "import torch"`. Target: ratio <= 1.5.
2. The wall time of `mkdocs build` for the whole site against a bare bilingual skeleton of the
   same configuration (same theme, plugins and hooks; one home page per language holding
   just its title).
   Target: ratio <= 3.

Each figure is the median of a few runs, all taken in this one invocation.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from tests.docs import LANGUAGES, ROOT, site_config

RUNS = 3
TARGETS = {"pages": 1.5, "build": 3.0}


def wall_time(command: list[str]) -> float:
    """Median wall time of ``command`` over RUNS runs, in seconds; it must succeed."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def skeleton_config(folder: Path) -> Path:
    """mkdocs.yml with its pages replaced by one empty home page per language."""
    config = site_config()
    for language, title in zip(LANGUAGES, ("# 首页\n", "# Home\n")):
        (folder / "docs" / language).mkdir(parents=True)
        (folder / "docs" / language / "index.md").write_text(title, encoding="utf-8")
    config["docs_dir"] = str(folder / "docs")
    config["nav"] = [{"Home": "index.md"}]
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    config["watch"] = [str(ROOT / path) for path in config.get("watch", [])]
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def build_command(config: Path, site: Path) -> list[str]:
    """The `mkdocs build` of ``config`` into ``site``."""
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "--site-dir", str(site)]


def report(name: str, measured: float, baseline: float, what: str, against: str) -> bool:
    """Print one comparison; return whether it meets its target."""
    ratio = measured / baseline
    print(f"{what:<28}: {measured:6.2f} s")
    print(f"{against:<28}: {baseline:6.2f} s")
    print(f"{'ratio':<28}: {ratio:6.2f} (target <= {TARGETS[name]})")
    return ratio <= TARGETS[name]


def main() -> None:
    """Measure, print the figures, and exit non-zero when a ratio misses its target."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    pages = wall_time([sys.executable, "-m", "pytest", "docs", "-q"])
    torch_import = wall_time([sys.executable, "-c", "import torch"])
    deferred = wall_time([sys.executable, "-c", "import torch, torch._dynamo"]) - torch_import
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        site_build = wall_time(build_command(ROOT / "mkdocs.yml", scratch / "site"))
        skeleton_build = wall_time(build_command(skeleton_config(scratch / "skeleton"), scratch / "skeleton-site"))
    pages_ok = report("pages", pages, torch_import, "verify all docs pages", 'python -c "import torch"')
    print(f"{'  of which torch._dynamo':<28}: {deferred:6.2f} s (imported by torch on first torch.optim use)")
    print()
    build_ok = report("build", site_build, skeleton_build, "build the site", "build a bare skeleton")
    sys.exit(0 if pages_ok and build_ok else 1)


if __name__ == "__main__":
    main()
