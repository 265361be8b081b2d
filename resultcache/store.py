"""Where recorded passes live: one empty-named file per (test, key), in a folder out of git's way."""

import hashlib
import os
import tempfile
from pathlib import Path


class ResultStore:
    """The passes recorded in ``folder``, each under the key of the test and of its inputs."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def key(test_id: str, inputs_digest: str) -> str:
        """The key of one test's result: its id and the digest of what it read."""
        return hashlib.sha256(f"{test_id}\0{inputs_digest}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def passed(self, key: str) -> bool:
        """Whether a pass is recorded under ``key``."""
        return self._path(key).is_file()

    def record_pass(self, key: str, test_id: str) -> None:
        """Record a pass under ``key``; the file holds the test's id, for a reader of the folder.

        Written whole, then renamed into place, so a run beside this one never reads half a record.
        """
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".partial-")
        with os.fdopen(handle, "w", encoding="utf-8") as record:
            record.write(test_id + "\n")
        os.replace(partial, path)
