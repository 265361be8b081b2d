"""Every link a page's author writes, and its anchor, resolves: checked page by page, without a build.

pagelint/links.py renders each page as MkDocs does and follows its relative links; the built site's
links (the theme's and the hooks' included) are checked by tests/test_links.py. The planted pages
under tests/samples/links/ prove the check fails on a missing page and on a missing anchor."""

from pathlib import Path

import pytest

from pagelint.links import link_problems
from tests.docs import DOCS, LANGUAGES, ROOT, fail_with, notebooks, pages

PLANTED = Path(__file__).parent / "samples" / "links"


@pytest.mark.parametrize(("language", "page"), [(language, page) for language in LANGUAGES for page in pages(language) + notebooks(language)], ids=str)
def test_every_link_of_a_page_and_its_anchor_resolve(language, page):
    fail_with(link_problems(ROOT, DOCS / language / page))


def test_a_planted_link_to_a_missing_page_or_anchor_fails_naming_its_line():
    assert link_problems(PLANTED, PLANTED / "docs" / "zh" / "broken.md") == [
        "docs/zh/broken.md:5: the link missing.md points at docs/zh/missing.md, which does not exist: "
        "link an existing page by its file name (graph.md), relative to this page",
        "docs/zh/broken.md:7: the link target.md#leaf-tensor names #leaf-tensor, which docs/zh/target.md does not have: "
        "use one of its headings' {#anchor}s",
        "docs/zh/broken.md:7: the link #old names #old, which docs/zh/broken.md does not have: use one of its headings' {#anchor}s",
    ]


def test_a_planted_notebook_link_to_a_missing_page_or_anchor_fails_naming_its_cell():
    assert link_problems(PLANTED, PLANTED / "docs" / "zh" / "exercises" / "broken.ipynb") == [
        "docs/zh/exercises/broken.ipynb cell 2, line 3: the link ../missing.md points at docs/zh/missing.md, which does not exist: "
        "link an existing page by its file name (graph.md), relative to this page",
        "docs/zh/exercises/broken.ipynb cell 2, line 3: the link ../target.md#gone names #gone, which docs/zh/target.md does not have: "
        "use one of its headings' {#anchor}s",
    ]
