"""MkDocs hook: each Jinja template is compiled once per process, not once per page or notebook.

Two template sets are compiled again and again while the site builds, and again on every
rebuild of `make serve`:

- the theme's: MkDocs makes a new Jinja environment for each build (the i18n plugin runs one
  build per language, `mkdocs serve` one per save), and each compiles the theme's templates;
- nbconvert's: mkdocs-jupyter makes a new nbconvert exporter for every notebook it renders,
  twice (the HTML, then Markdown for the table of contents), and each exporter makes a new
  Jinja environment that compiles the whole template tree again, about 90 templates.

Jinja's documented remedy is a bytecode cache, which environments may share. Each kind of
environment gets one kept in memory for the whole process (hooks/bytecode_cache.py): the theme's through MkDocs' ``on_env`` event, each nbconvert
exporter class's by wrapping the method that makes its environment. Jinja keys each compiled
template by its name and file and checks a checksum of its source, so an edited template is
compiled afresh; what renders is the same template code, so the HTML is unchanged.
"""

from bytecode_cache import shared_cache  # beside this hook: MkDocs loads hooks with their folder importable
from nbconvert.exporters.templateexporter import TemplateExporter

_create_environment = TemplateExporter._create_environment


def _environment_with_cache(exporter: TemplateExporter):
    """nbconvert's Jinja environment for ``exporter``, sharing its class's bytecode cache."""
    environment = _create_environment(exporter)
    environment.bytecode_cache = shared_cache(type(exporter))
    return environment


def on_startup(**_) -> None:
    """Give every nbconvert exporter's Jinja environment its class's shared bytecode cache."""
    TemplateExporter._create_environment = _environment_with_cache


def on_env(env, config, **_):
    """Give the theme's Jinja environment the theme's shared bytecode cache."""
    env.bytecode_cache = shared_cache(("theme", config.theme.name))
    return env
