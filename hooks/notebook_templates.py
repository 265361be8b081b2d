"""MkDocs hook: nbconvert compiles its Jinja templates once per build process, not once per notebook.

mkdocs-jupyter makes a new nbconvert exporter for every notebook it renders, twice (the HTML,
then Markdown for the table of contents), and each exporter makes a new Jinja environment that
compiles the whole template tree again: about 90 templates, most of the time the exercise
notebooks take to build. Jinja's documented remedy is a bytecode cache, which environments may
share: every exporter's environment gets one kept in memory, one per exporter class. Jinja keys
each compiled template by its name and file and checks a checksum of its source, so an edited
template is compiled afresh; what renders is the same template code, so the HTML is unchanged.
"""

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from nbconvert.exporters.templateexporter import TemplateExporter


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


_CACHES: dict[type, MemoryBytecodeCache] = {}
_create_environment = TemplateExporter._create_environment


def _environment_with_cache(exporter: TemplateExporter):
    """nbconvert's Jinja environment for ``exporter``, sharing its class's bytecode cache."""
    environment = _create_environment(exporter)
    environment.bytecode_cache = _CACHES.setdefault(type(exporter), MemoryBytecodeCache())
    return environment


def on_startup(**_) -> None:
    """Give every nbconvert exporter's Jinja environment its class's shared bytecode cache."""
    TemplateExporter._create_environment = _environment_with_cache
