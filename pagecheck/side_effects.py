"""Notice a block that changes the working directory or touches files of the repository.

A page's code is there to be read and run by a reader; it must leave the reader's folder as it
found it. Around each block the checker takes a snapshot of the site's files (the repository:
the folder holding mkdocs.yml) (path, size,
modification time) and of the working directory, compares them afterwards, restores the working
directory, and reports what changed.

Left out of the snapshot: what tools write while the suite runs (``.git``, ``.venv``, caches,
``site/``), and, while outputs are refreshed, ``docs/`` and ``figures/``, which the refresh
itself rewrites from other test processes at the same time.
"""

import contextlib
import os
from pathlib import Path
from typing import Iterator

IGNORED_FOLDERS = frozenset({".git", ".venv", "site", "__pycache__", ".pytest_cache", "node_modules", ".cache"})
REFRESHED_FOLDERS = ("docs", "figures")

Snapshot = dict[str, tuple[int, int]]


def site_root(page: str) -> Path:
    """The folder a page's reader works in: the nearest one above it holding mkdocs.yml, else the page's own."""
    folder = Path(page).resolve().parent
    return next((parent for parent in (folder, *folder.parents) if (parent / "mkdocs.yml").is_file()), folder)


def snapshot(root: Path, skip: tuple[str, ...] = ()) -> Snapshot:
    """Every file under ``root`` as ``{relative path: (size, mtime_ns)}``, ignored folders and ``skip`` left out."""
    files: Snapshot = {}
    pending = [(str(root), "")]
    while pending:
        folder, relative = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                path = relative + entry.name
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in IGNORED_FOLDERS and path not in skip:
                        pending.append((entry.path, path + "/"))
                else:
                    info = entry.stat(follow_symlinks=False)
                    files[path] = (info.st_size, info.st_mtime_ns)
    return files


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """What happened between two snapshots, one line per file: created, changed or deleted."""
    created = [f"created {path}" for path in sorted(after.keys() - before.keys())]
    deleted = [f"deleted {path}" for path in sorted(before.keys() - after.keys())]
    changed = [f"changed {path}" for path in sorted(before.keys() & after.keys()) if before[path] != after[path]]
    return created + changed + deleted


@contextlib.contextmanager
def guarded(root: Path, refresh: bool) -> Iterator[list[str]]:
    """Run the body, then list in the yielded list what it did to the working directory and ``root``.

    A changed working directory is restored.
    """
    skip = REFRESHED_FOLDERS if refresh else ()
    problems: list[str] = []
    cwd = os.getcwd()
    before = snapshot(root, skip)
    try:
        yield problems
    finally:
        moved_to = os.getcwd()
        if moved_to != cwd:
            os.chdir(cwd)
            problems.append(f"changed the working directory to {moved_to} (restored to {cwd})")
        problems += changes(before, snapshot(root, skip))
