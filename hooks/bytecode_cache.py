"""Jinja bytecode caches kept in memory for the whole process, one for each kind of environment.

Used by hooks/template_cache.py. A module of its own, imported the ordinary way, so that it is
loaded once per process: MkDocs runs a hook's file again each time `mkdocs serve` reloads the
configuration, which would start its caches empty on every rebuild.
"""

from collections.abc import Hashable

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in this process's memory, checked against their source."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` with its compiled template, when one is kept (Jinja checks its checksum)."""
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the template Jinja just compiled into ``bucket``."""
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_CACHES: dict[Hashable, MemoryBytecodeCache] = {}


def shared_cache(kind: Hashable) -> MemoryBytecodeCache:
    """The bytecode cache of the Jinja environments of ``kind``, the same for the whole process."""
    return _CACHES.setdefault(kind, MemoryBytecodeCache())
