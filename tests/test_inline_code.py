"""hooks/inline_code.py makes inline code atomic without changing the HTML of any page."""

import markdown
import pytest
from markdown.util import AtomicString
from mkdocs.utils.meta import get_data
from pymdownx.inlinehilite import InlineHilitePattern

from hooks.inline_code import with_atomic_code
from pagelint.links import markdown_settings
from resultcache.plugin import declare
from tests.docs import DOCS, LANGUAGES, ROOT, pages
from tests.result_inputs import markdown_hook_inputs

PAGES = [DOCS / language / page for language in LANGUAGES for page in pages(language)]


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings of mkdocs.yml."""
    extensions, settings = markdown_settings(ROOT)
    return markdown.Markdown(extensions=extensions, extension_configs=settings)


def page_html(path) -> str:
    """The HTML of the page at ``path``, front matter left out, as the site's Markdown converts it."""
    return site_markdown().convert(get_data(path.read_text(encoding="utf-8"))[0])


@declare(markdown_hook_inputs)
@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.relative_to(DOCS).as_posix())
def test_a_page_converts_as_without_the_hook(path, monkeypatch):
    monkeypatch.chdir(ROOT)  # pymdownx.snippets finds figures/ from here, as the build does
    before = page_html(path)
    monkeypatch.setattr(InlineHilitePattern, "handleMatch", with_atomic_code)
    assert page_html(path) == before


def test_inlinehilite_leaves_the_code_open_and_the_hook_makes_it_atomic():
    pattern = site_markdown().inlinePatterns["backtick"]
    data = "the `x.grad` of a leaf"
    plain = InlineHilitePattern.handleMatch(pattern, pattern.getCompiledRegExp().search(data), data)[0]
    hooked = with_atomic_code(pattern, pattern.getCompiledRegExp().search(data), data)[0]
    assert isinstance(pattern, InlineHilitePattern)
    assert plain.tag == hooked.tag == "code"
    assert not isinstance(plain.text, AtomicString)  # when inlinehilite makes it atomic itself, the hook can go
    assert isinstance(hooked.text, AtomicString)
