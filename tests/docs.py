"""Where the site's pages are and the Sybil that checks them."""

from pathlib import Path

import pytest
import yaml
from sybil import Sybil

from pagecheck.engine import make_sybil
from pagelint.site_structure import no_twin, read_config

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
LANGUAGES = ("zh", "en")


def docs_sybil(refresh: bool = False, folder: Path = DOCS) -> Sybil:
    """The Sybil that checks every Markdown page under ``folder`` (docs/ unless told otherwise)."""
    return make_sybil(refresh=refresh, path=str(folder), patterns=["*.md"])


def pages(language: str) -> list[Path]:
    """Every Markdown page of one language, relative to its language folder."""
    folder = DOCS / language
    return sorted(path.relative_to(folder) for path in folder.rglob("*.md"))


def notebooks(language: str) -> list[Path]:
    """Every notebook page (the exercises) of one language, relative to its language folder."""
    folder = DOCS / language
    return sorted(path.relative_to(folder) for path in folder.rglob("*.ipynb"))


def twin(page: Path, language: str = "en") -> Path:
    """The ``language`` twin of the zh ``page``; a missing twin fails the test with one sentence
    (the one tests/test_site_structure.py reports for it)."""
    path = DOCS / language / page
    if not path.is_file():
        pytest.fail(no_twin(f"docs/zh/{page.as_posix()}", f"docs/{language}/{page.as_posix()}"), pytrace=False)
    return path


def every_twin() -> None:
    """Fail, with the one sentence a missing twin gets, when a zh page has no en twin: a test of the
    whole built site says that, not what the missing page breaks downstream."""
    for page in pages("zh") + notebooks("zh"):
        twin(page)


def fail_with(problems: list[str]) -> None:
    """Fail the test with every problem in full, one sentence a line, when there is any (pytest's own
    diff of a list would show the first and count the rest)."""
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def page_paths() -> list[str]:
    """The URL path of every page, Chinese at the root and English under en/."""
    paths = []
    for language in LANGUAGES:
        prefix = "" if language == "zh" else f"{language}/"
        for page in pages(language) + notebooks(language):
            stem = page.with_suffix("").as_posix()
            paths.append(prefix if stem == "index" else f"{prefix}{stem.removesuffix('/index')}/")
    return paths


def site_config() -> dict:
    """mkdocs.yml as data, environment variables left at their defaults."""
    return read_config(ROOT)


def write_config(config: dict, folder: Path) -> Path:
    """Write ``config`` as ``folder``/mkdocs.yml, the repository paths it names (theme, hooks, watch) made absolute."""
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    config["watch"] = [str(ROOT / path) for path in config.get("watch", [])]
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path
