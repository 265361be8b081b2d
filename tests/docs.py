"""Where the site's pages are and the Sybil that checks them."""

from pathlib import Path

from sybil import Sybil

from tests.pagecheck import make_sybil
from tests.pagecheck.isolation import fresh_torch_state

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
LANGUAGES = ("zh", "en")


def docs_sybil(refresh: bool = False) -> Sybil:
    """The Sybil that checks every Markdown page under docs/."""
    return make_sybil(refresh=refresh, setup=fresh_torch_state, path=str(DOCS), patterns=["*.md"])


def pages(language: str) -> list[Path]:
    """Every Markdown page of one language, relative to its language folder."""
    folder = DOCS / language
    return sorted(path.relative_to(folder) for path in folder.rglob("*.md"))
