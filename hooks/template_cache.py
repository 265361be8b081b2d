"""MkDocs hook: the theme's Jinja templates are compiled once per process, not once per build.

MkDocs makes a new Jinja environment for each build, and each compiles the theme's templates
again: the i18n plugin runs one build per language, and `mkdocs serve` one per save. Jinja's
documented remedy is a bytecode cache, which environments may share: the theme's environments
get one kept in memory for the whole process (hooks/bytecode_cache.py), through MkDocs'
``on_env`` event. Jinja keys each compiled template by its name and file and checks a checksum
of its source, so an edited template is compiled afresh; what renders is the same template
code, so the HTML is unchanged. (nbconvert's templates are not used: the exercise notebooks
are rendered without them, hooks/notebook_cells.py.)
"""

from bytecode_cache import shared_cache  # beside this hook: MkDocs loads hooks with their folder importable


def on_env(env, config, **_):
    """Give the theme's Jinja environment the theme's shared bytecode cache."""
    env.bytecode_cache = shared_cache(("theme", config.theme.name))
    return env
