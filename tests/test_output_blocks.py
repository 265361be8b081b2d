"""hooks/output_blocks.py: output and error blocks get no copy button from Material, code blocks keep theirs."""

from resultcache.plugin import declare
from tests.builtsite import parsed
from tests.result_inputs import built_site_inputs

pytestmark = declare(built_site_inputs)


def blocks_by_kind(site) -> dict[str, list[list[str]]]:
    """The classes of every highlighted block of the built site, by the block's language."""
    kinds: dict[str, list[list[str]]] = {}
    for html in sorted(site.rglob("*.html")):
        for block in parsed(html).select("div.highlight"):
            language = next(css for css in block["class"] if css.startswith("language-"))
            kinds.setdefault(language, []).append(block["class"])
    return kinds


def test_output_and_error_blocks_are_marked_no_copy_and_code_blocks_are_not(site):
    kinds = blocks_by_kind(site)
    assert {"language-python", "language-output", "language-error"} <= kinds.keys()
    for kind in ("language-output", "language-error"):
        assert all("no-copy" in classes for classes in kinds[kind]), kind
    assert not any("no-copy" in classes for classes in kinds["language-python"])
