"""Content digests of what a result reads: files, folders and plain values (versions)."""

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Union


@dataclass(frozen=True)
class Relative:
    """A file or folder named in a key by its path under ``base``, not under the repository: what
    a build wrote into a folder that moves from run to run (``.cache/site/<key>/``)."""

    path: Path
    base: Path


Input = Union[Path, Relative, str]
"""A file or folder whose content is part of a key, or a value (a version, a setting) that is."""

SKIPPED_FOLDERS = frozenset({"__pycache__"})

_FILE_DIGESTS: dict[tuple[str, int, int], bytes] = {}


def file_digest(path: Path) -> bytes:
    """The SHA-256 of the file's bytes, read once per process while its size and mtime stay."""
    stat = path.stat()
    seen = (str(path), stat.st_mtime_ns, stat.st_size)
    if seen not in _FILE_DIGESTS:
        _FILE_DIGESTS[seen] = hashlib.sha256(path.read_bytes()).digest()
    return _FILE_DIGESTS[seen]


def folder_files(folder: Path) -> list[Path]:
    """Every file under ``folder``, in a stable order, bytecode caches left out."""
    found = []
    for parent, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if name not in SKIPPED_FOLDERS)
        found += [Path(parent) / name for name in sorted(files)]
    return found


def digest(inputs: Iterable[Input], root: Path) -> str:
    """One hex digest of every input: each file's path (relative to ``root``) and bytes, each
    folder's files, each value. A missing file counts as missing, so creating it changes the key."""
    hashed = hashlib.sha256()

    def add(kind: str, name: str, content: bytes = b"") -> None:
        hashed.update(f"{kind}\0{name}\0".encode())
        hashed.update(content)
        hashed.update(b"\0")

    for item in inputs:
        if isinstance(item, str):
            add("value", item)
            continue
        path, base = (item.path, item.base) if isinstance(item, Relative) else (item, root)
        for path in folder_files(path) if path.is_dir() else [path]:
            name = os.path.relpath(path, base)
            if path.is_file():
                add("file", name, file_digest(path))
            else:
                add("missing", name)
    return hashed.hexdigest()
