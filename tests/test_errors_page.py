"""The error gallery stays easy to scan: its jump list is its headings, and each entry quotes the
message torch prints, so pasting the message into the search finds the entry."""

import re

import pytest

from tests.docs import DOCS, LANGUAGES

_HEADING = re.compile(r"^## (?P<title>.+) \{#(?P<anchor>[\w-]+)\}$", re.M)
_JUMP = re.compile(r"^- \[(?P<title>.+)\]\(#(?P<anchor>[\w-]+)\)$", re.M)


def entries(text: str) -> list[tuple[str, str]]:
    """Every ``## title {#anchor}`` of the page as ``(title, anchor)``, in order."""
    return [(found["title"], found["anchor"]) for found in _HEADING.finditer(text)]


def jump_list(text: str) -> list[tuple[str, str]]:
    """The jump list at the top of the page (the first list of ``- [title](#anchor)`` lines) as ``(title, anchor)``."""
    block = re.search(r"(?:^- \[.+\]\(#[\w-]+\)\n)+", text, re.M)
    return [(found["title"], found["anchor"]) for found in _JUMP.finditer(block.group())] if block else []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_jump_list_lists_exactly_the_headings_in_order(language):
    text = (DOCS / language / "errors.md").read_text(encoding="utf-8")
    assert jump_list(text) == entries(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_entry_with_a_message_quotes_it_right_under_its_heading(language):
    text = (DOCS / language / "errors.md").read_text(encoding="utf-8")
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        raised = re.search(r"^```(?:error|output)\n(?P<line>(?:RuntimeError|UserWarning): .+)$", section, re.M)
        if raised is None:
            continue
        quoted = re.match(r".*\n\n`(?P<message>[^`]+)`\n", section)
        assert quoted and raised["line"].startswith(quoted["message"].rstrip(".")), section.splitlines()[0]
