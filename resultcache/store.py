"""Where recorded results live: one small JSON file per (test, key), in a folder out of git's way."""

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Optional


class ResultStore:
    """The results recorded in ``folder``, each under the key of the test and of its inputs.

    A record is a pass, or a skip with its place and reason (a block that needs a GPU this
    machine lacks: whether it has one is among the inputs of such a test).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def key(test_id: str, inputs_digest: str) -> str:
        """The key of one test's result: its id and the digest of what it read."""
        return hashlib.sha256(f"{test_id}\0{inputs_digest}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def recorded(self, key: str) -> Optional[dict]:
        """The result recorded under ``key`` (``{"outcome": "passed"}`` or a skip), or None."""
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None

    def record(self, key: str, test_id: str, outcome: str, skip: Optional[list] = None) -> None:
        """Record a pass, or a skip with its ``[path, line, reason]``, under ``key``.

        Written whole, then renamed into place, so a run beside this one never reads half a record.
        """
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".partial-")
        with os.fdopen(handle, "w", encoding="utf-8") as record:
            json.dump({"test": test_id, "outcome": outcome, **({"skip": skip} if skip else {})}, record)
        os.replace(partial, path)
