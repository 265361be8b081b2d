"""Every page links to its own source file in the repository ("Edit this page")."""

from pathlib import Path

import pytest

from resultcache.plugin import declare
from tests.builtsite import parsed
from tests.docs import LANGUAGES, ROOT, notebooks, page_paths, pages, site_config
from tests.result_inputs import built_page_inputs


def source_files() -> dict[str, str]:
    """The repository path of each page's source, by the page's URL path."""
    sources = {}
    for language in LANGUAGES:
        prefix = "" if language == "zh" else f"{language}/"
        for page in pages(language) + notebooks(language):
            stem = page.with_suffix("").as_posix()
            sources[prefix if stem == "index" else f"{prefix}{stem.removesuffix('/index')}/"] = f"docs/{language}/{page.as_posix()}"
    return sources


def edit_link(page: Path) -> str | None:
    """The href of the "Edit this page" button of the built ``page``, or None."""
    button = parsed(page).find("a", rel="edit")
    return button["href"] if button else None


@declare(built_page_inputs)
@pytest.mark.parametrize("path", page_paths(), ids=lambda path: path or "zh-home")
def test_every_page_links_to_its_source_file(site, path):
    source = source_files()[path]
    link = edit_link(site / path / "index.html")
    assert link == f"{site_config()['repo_url']}/edit/main/{source}"
    assert (ROOT / source).is_file()


def test_the_repository_link_fetches_no_facts_from_github(site):
    """Material fetches stars and forks from api.github.com for an element marked as the source."""
    assert 'data-md-component="source"' not in (site / "index.html").read_text(encoding="utf-8")
