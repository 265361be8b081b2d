"""Where the site's pages are and the Sybil that checks them."""

from pathlib import Path

import yaml
from sybil import Sybil

from pagecheck import make_sybil
from pagecheck.isolation import fresh_torch_state

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
LANGUAGES = ("zh", "en")


def docs_sybil(refresh: bool = False, folder: Path = DOCS) -> Sybil:
    """The Sybil that checks every Markdown page under ``folder`` (docs/ unless told otherwise)."""
    return make_sybil(refresh=refresh, setup=fresh_torch_state, path=str(folder), patterns=["*.md"])


def pages(language: str) -> list[Path]:
    """Every Markdown page of one language, relative to its language folder."""
    folder = DOCS / language
    return sorted(path.relative_to(folder) for path in folder.rglob("*.md"))


def notebooks(language: str) -> list[Path]:
    """Every notebook page (the exercises) of one language, relative to its language folder."""
    folder = DOCS / language
    return sorted(path.relative_to(folder) for path in folder.rglob("*.ipynb"))


def page_paths() -> list[str]:
    """The URL path of every page, Chinese at the root and English under en/."""
    paths = []
    for language in LANGUAGES:
        prefix = "" if language == "zh" else f"{language}/"
        for page in pages(language) + notebooks(language):
            stem = page.with_suffix("").as_posix()
            paths.append(prefix if stem == "index" else f"{prefix}{stem.removesuffix('/index')}/")
    return paths


class _ConfigLoader(yaml.SafeLoader):
    """A YAML loader that reads mkdocs.yml's ``!ENV [NAME, default]`` as its default."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def site_config() -> dict:
    """mkdocs.yml as data, environment variables left at their defaults."""
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
