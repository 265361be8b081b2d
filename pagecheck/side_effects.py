"""Notice a block that changes the working directory or touches files of the repository.

A page's code is there to be read and run by a reader; it must leave the reader's folder as it
found it. The checker watches the site's files (the repository: the folder holding mkdocs.yml)
at two grains, so that watching costs little beside running the blocks:

- around each block, the working directory and the modification time of every folder: creating,
  deleting or renaming a file changes its folder's, and the block that did it is named with the
  files, found by comparing every file's size and modification time with the page's last record;
- at the end of the page, every file's size and modification time again, for a block that only
  rewrote a file in place.

Left out: what tools write while the suite runs (``.git``, the venvs, caches, ``site/``), and,
while outputs are refreshed, ``docs/`` and ``figures/``, which the refresh itself rewrites from
other test processes at the same time.
"""

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

IGNORED_FOLDERS = frozenset({".git", ".venv", "site", "__pycache__", ".pytest_cache", "node_modules", ".cache"})
IGNORED_PREFIXES = (".venv-",)  # the venvs of make drift
REFRESHED_FOLDERS = ("docs", "figures")

Snapshot = dict[str, tuple[int, int]]


def site_root(page: str) -> Path:
    """The folder a page's reader works in: the nearest one above it holding mkdocs.yml, else the page's own."""
    folder = Path(page).resolve().parent
    return next((parent for parent in (folder, *folder.parents) if (parent / "mkdocs.yml").is_file()), folder)


def snapshot(root: Path, skip: tuple[str, ...] = ()) -> tuple[Snapshot, Snapshot]:
    """Every file and every folder under ``root``, as ``{relative path: (size, mtime_ns)}`` each.

    Ignored folders and those in ``skip`` are left out.
    """
    files: Snapshot = {}
    folders: Snapshot = {}
    pending = [(str(root), "")]
    while pending:
        folder, relative = pending.pop()
        info = os.stat(folder)
        folders[relative or "."] = (info.st_size, info.st_mtime_ns)
        with os.scandir(folder) as entries:
            for entry in entries:
                path = relative + entry.name
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in IGNORED_FOLDERS and not entry.name.startswith(IGNORED_PREFIXES) and path not in skip:
                        pending.append((entry.path, path + "/"))
                else:
                    info = entry.stat(follow_symlinks=False)
                    files[path] = (info.st_size, info.st_mtime_ns)
    return files, folders


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """What happened between two snapshots, one line per file: created, changed or deleted."""
    created = [f"created {path}" for path in sorted(after.keys() - before.keys())]
    deleted = [f"deleted {path}" for path in sorted(before.keys() - after.keys())]
    changed = [f"changed {path}" for path in sorted(before.keys() & after.keys()) if before[path] != after[path]]
    return created + changed + deleted


@dataclass
class Watch:
    """The last record of a page's folder: every file, and every folder's modification time."""

    root: Path
    skip: tuple[str, ...]
    files: Snapshot = field(default_factory=dict)
    folders: Snapshot = field(default_factory=dict)

    @classmethod
    def start(cls, root: Path, refresh: bool) -> "Watch":
        """Record ``root`` now; while refreshing, leave out the folders the refresh writes."""
        watch = cls(root, REFRESHED_FOLDERS if refresh else ())
        watch.files, watch.folders = snapshot(root, watch.skip)
        return watch

    def folders_changed(self) -> bool:
        """Whether a folder's modification time differs from the record (a file created, deleted or renamed)."""
        root = str(self.root)
        for folder, (_, mtime) in self.folders.items():
            try:
                if os.stat(os.path.join(root, folder)).st_mtime_ns != mtime:
                    return True
            except FileNotFoundError:
                return True
        return False

    def changes_since(self) -> list[str]:
        """What changed since the record, file by file; the record is then brought up to date."""
        files, self.folders = snapshot(self.root, self.skip)
        found = changes(self.files, files)
        self.files = files
        return found


@contextlib.contextmanager
def guarded(watch: Watch) -> Iterator[list[str]]:
    """Run the body, then list in the yielded list what it did to the working directory and the folders.

    A changed working directory is restored.
    """
    problems: list[str] = []
    cwd = os.getcwd()
    try:
        yield problems
    finally:
        moved_to = os.getcwd()
        if moved_to != cwd:
            os.chdir(cwd)
            problems.append(f"changed the working directory to {moved_to} (restored to {cwd})")
        if watch.folders_changed():
            problems += watch.changes_since()
