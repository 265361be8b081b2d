"""Build the site and its offline copy for the tests, once per change of what the build reads.

With the result cache on, the two builds go to ``.cache/site/<key>/``, ``key`` being the digest
of everything a build reads (:func:`build_inputs`): a run after one that built the same inputs
reuses those files, and a run after an edit builds afresh into a new folder (the few newest are
kept). With the cache off they go to the run's temporary folder, as a fresh clone builds them.

A failed build raises :class:`BuildFailed` with MkDocs' own words. The failure is kept in the folder
for the rest of the run (not for a later run), so that the run's other processes are told the same
words instead of building again.
"""

import logging
import os
import shutil
import subprocess
import sys
import traceback
from pathlib import Path

import click
from filelock import FileLock

from resultcache.digest import Input, digest
from tests.docs import ROOT, site_config
from tests.result_inputs import VERSIONS

CACHE = ROOT / ".cache" / "site"
KEPT = 3  # built sites kept in CACHE, the newest first
BUILD_READS = ("docs", "figures", "overrides", "hooks", "pageformat", "snippets", "mkdocs.yml", "tests/site_build.py")


def build_inputs() -> list[Input]:
    """What the build reads: pages, figures, theme overrides, hooks and what they import, the
    configuration, the pinned versions, and the environment variables mkdocs.yml reads."""
    return [*(ROOT / name for name in BUILD_READS), *VERSIONS, f"SITE_URL={os.environ.get('SITE_URL', '')}"]


class BuildFailed(Exception):
    """The site build failed; the message is MkDocs' own words for why."""


MKDOCS_PROBLEM = ("WARNING", "ERROR", "Error", "Aborted", "Traceback", "  ")


def build_command(target: Path, config: Path = ROOT / "mkdocs.yml") -> list[str]:
    """``mkdocs build --strict`` of ``config`` into ``target``, as ``make build`` and the publish workflow run it.

    Not ``--quiet``: it stops MkDocs from counting warnings (mkdocs/mkdocs#4126), so a warning that
    aborts the publish would pass here.
    """
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir", str(target)]


def start_build(command: list[str], **environment: str) -> subprocess.Popen:
    """Start a build whose messages are kept for the failure report."""
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def mkdocs_problems(build: subprocess.Popen) -> list[str]:
    """Wait for ``build``; return the lines in which MkDocs says why it failed (none when it built)."""
    output, _ = build.communicate()
    if build.returncode == 0:
        return []
    return [line for line in output.splitlines() if line.startswith(MKDOCS_PROBLEM)]


def build_problems(build: subprocess.Popen) -> str:
    """Wait for ``build``; return MkDocs' own words for why it failed, or an empty string."""
    reported = mkdocs_problems(build)
    return f"`{' '.join(build.args[2:])}` failed:\n" + "\n".join(reported) if reported else ""


def build_failure(site: list[str], offline: list[str], command: list[str]) -> str:
    """The report of a failed build: MkDocs' lines for the site, and for the offline copy only
    where they differ (the two builds read the same pages, so one fault mostly fails both alike)."""
    lines = [f"the site build failed, as publishing would: `{' '.join(command[2:])}`"]
    if site:
        lines += site
    if offline and offline != site:
        lines += ["the offline copy's build (OFFLINE=true) failed:", *offline]
    elif offline:
        lines.append("the offline copy's build (OFFLINE=true) failed with the same lines")
    return "\n".join(lines)


def build_sites(site: Path, offline: Path, config: Path = ROOT / "mkdocs.yml") -> None:
    """Build the site and then its offline copy (``OFFLINE=true``: Material's offline plugin) in one
    MkDocs process (:func:`build_both`), then zip the copy into the site, where its home pages link
    to it, as ``make build offline`` does. ``config``: the site's unless told (tests/test_messages.py
    builds one with planted faults)."""
    build = start_build([sys.executable, "-m", "tests.site_build", str(site), str(offline), str(config)])
    output, _ = build.communicate()
    site_problems, offline_problems = problems_of_each(output, build.returncode)
    if site_problems or offline_problems:
        raise BuildFailed(build_failure(site_problems, offline_problems, build_command(site, config)))
    download = site / site_config()["extra"]["offline_download"]
    subprocess.run([sys.executable, "-m", "zipfile", "-c", str(download), str(offline)], check=True)


BUILD_MARK = "=== tests.site_build:"  # a line of build_both's own, which no line of MkDocs' starts with


def build_both(site: Path, offline: Path, config: Path) -> int:
    """``mkdocs build --strict`` of ``config`` into ``site``, then with ``OFFLINE=true`` into ``offline``,
    in this process: the second build reuses what the first compiled, highlighted and loaded (the
    theme's templates, every code block, jieba's dictionary: see the hooks in mkdocs.yml), so it
    costs a third of the first. Before each build a line names it; after a failed one a line says
    so. MkDocs logs as its command line does into a pipe. Returns the number of builds that failed."""
    handler = logging.StreamHandler()  # MkDocs' log, as its command line writes it to a pipe
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.setLevel(logging.INFO)
    mkdocs_log.propagate = False
    mkdocs_log.addHandler(handler)
    failed = 0
    for name, target in (("site", site), ("offline", offline)):
        os.environ.pop("OFFLINE", None)
        if name == "offline":
            os.environ["OFFLINE"] = "true"
        print(f"{BUILD_MARK} {name}", flush=True)
        if not _built(config, target):
            print(f"{BUILD_MARK} {name} failed", flush=True)
            failed += 1
    return failed


def _built(config: Path, target: Path) -> bool:
    """Build ``config`` into ``target`` as ``mkdocs build --strict`` does, in this process; whether it
    built. A failure is told as MkDocs' command line tells it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    try:
        settings = load_config(config_file=str(config), site_dir=str(target), strict=True)
        settings.plugins.on_startup(command="build", dirty=False)
        try:
            build(settings)
        finally:
            settings.plugins.on_shutdown()
    except click.ClickException as aborted:  # MkDocs' Abort: strict mode's count, a configuration error
        aborted.show()
        return False
    except Exception:  # a plugin or hook that raised: its traceback
        traceback.print_exc()
        return False
    finally:
        sys.stderr.flush()
    return True


def problems_of_each(output: str, returncode: int) -> tuple[list[str], list[str]]:
    """MkDocs' lines of why each build of :func:`build_both` failed, from its ``output``: the site's,
    the offline copy's (none for a build that built). A process that died before its builds could
    say so has all it wrote count for both."""
    sections: dict[str, list[str]] = {}
    failed: set[str] = set()
    current = None
    for line in output.splitlines():
        if line.startswith(BUILD_MARK):
            name, _, outcome = line[len(BUILD_MARK):].strip().partition(" ")
            current = name
            if outcome == "failed":
                failed.add(name)
            continue
        sections.setdefault(current, []).append(line)
    if returncode != 0 and not failed:
        every = [line for line in output.splitlines() if line.strip()] or [f"the build process exited with status {returncode}"]
        return every, every
    problems = {
        name: [line for line in sections.get(name, []) if line.startswith(MKDOCS_PROBLEM)] or [f"the {name} build failed"]
        for name in failed
    }
    return problems.get("site", []), problems.get("offline", [])


def main() -> None:
    """``python -m tests.site_build SITE OFFLINE CONFIG``: :func:`build_both`; exits non-zero when a build failed."""
    site, offline, config = map(Path, sys.argv[1:4])
    sys.exit(1 if build_both(site, offline, config) else 0)


def run_id() -> str:
    """This pytest run, the same in each of its processes: xdist's id of the run, or this process."""
    return os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"process-{os.getpid()}"


def built_sites(folder: Path, config: Path = ROOT / "mkdocs.yml") -> tuple[Path, Path]:
    """The site and its offline copy of ``config`` in ``folder``, built there by the first process to
    ask (the others, xdist's workers, wait on a lock and read the same files, or the same failure)."""
    site, offline = folder / "site", folder / "offline" / "autograd-guide"
    failed = folder / f"failed-{run_id()}"
    folder.mkdir(parents=True, exist_ok=True)
    with FileLock(str(folder) + ".lock"):
        if failed.is_file():
            raise BuildFailed(failed.read_text(encoding="utf-8"))
        if not (folder / "built").is_file():
            for partial in (site, offline.parent):
                shutil.rmtree(partial, ignore_errors=True)
            for earlier in folder.glob("failed-*"):  # an earlier run's failure: this run builds afresh
                earlier.unlink()
            try:
                build_sites(site, offline, config)
            except BuildFailed as failure:
                failed.write_text(str(failure), encoding="utf-8")
                raise
            (folder / "built").touch()
    return site, offline


def cached_sites() -> tuple[Path, Path]:
    """The site and offline copy built from the present inputs, from CACHE or built into it."""
    folder = CACHE / digest(build_inputs(), ROOT)
    sites = built_sites(folder)
    older = sorted((path for path in CACHE.iterdir() if path.is_dir() and path != folder), key=os.path.getmtime)
    for stale in older[: max(0, len(older) - (KEPT - 1))]:
        with FileLock(str(stale) + ".lock"):
            shutil.rmtree(stale, ignore_errors=True)
    return sites


if __name__ == "__main__":
    main()
