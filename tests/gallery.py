"""The error gallery's entries (docs/<language>/errors.md), the messages each one prints, and every
message the gallery quotes, as a reader would paste it into search."""

import re

from tests.docs import DOCS

_ENTRY = re.compile(r"^## .*\{#(?P<anchor>err-[\w-]+)\}$", re.M)
_FENCE = re.compile(r"^```(?P<kind>error|output)\n(?P<body>.*?)^```$", re.M | re.S)
_MESSAGE = re.compile(r"^\w+(?:Error|Warning): .+$", re.M)
_QUOTE = re.compile(r"\A\s*`(?P<quote>[^`\n]+)`\n")
_SUMMARY_ROW = re.compile(r"^\| \[(?P<start>[^\]]+)\]\(#(?P<anchor>err-[\w-]+)\) \|", re.M)
_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]$")
_NAME = re.compile(r"^\w+(?:Error|Warning): ")


def sections(language: str) -> dict[str, str]:
    """Each gallery entry's anchor and its Markdown below the heading, in page order."""
    text = (DOCS / language / "errors.md").read_text(encoding="utf-8")
    entries = list(_ENTRY.finditer(text))
    return {
        entry["anchor"]: text[entry.end() : following.start() if following else len(text)]
        for entry, following in zip(entries, entries[1:] + [None])
    }


def printed(language: str) -> dict[str, list[str]]:
    """Each gallery entry's anchor and every torch message its blocks print, as printed."""
    return {
        anchor: _MESSAGE.findall("\n".join(fence["body"] for fence in _FENCE.finditer(section)))
        for anchor, section in sections(language).items()
    }


def gallery_messages(language: str) -> dict[str, str]:
    """Each gallery entry's anchor and the first torch message its blocks print, as printed.

    Entries about a mistake that raises nothing (``.data``, a forgotten ``zero_grad()``) have no
    message and are left out.
    """
    return {anchor: messages[0] for anchor, messages in printed(language).items() if messages}


def quoted_messages(language: str) -> dict[str, set[str]]:
    """Every message the gallery quotes, as a reader pastes it, and the entries that print it.

    That is each message an entry prints, the message quoted under its heading, the start of a
    message in the summary table (less a bracketed note such as "(second derivative)", code
    marks dropped as the page shows them), and each of these less its ``RuntimeError: ``. A
    table row whose entry prints nothing (``(nothing) .data``) quotes no message. A quote that no
    entry prints raises ValueError: the gallery misquotes torch.
    """
    messages = printed(language)
    quotes = [message for found in messages.values() for message in found]
    quotes += [quote["quote"] for section in sections(language).values() if (quote := _QUOTE.match(section))]
    text = (DOCS / language / "errors.md").read_text(encoding="utf-8")
    quotes += [_NOTE.sub("", row["start"]).replace("`", "") for row in _SUMMARY_ROW.finditer(text) if messages.get(row["anchor"])]
    quotes += [_NAME.sub("", quote) for quote in quotes if _NAME.match(quote)]
    found = {}
    for quote in dict.fromkeys(quotes):
        found[quote] = {anchor for anchor, printed_there in messages.items() if any(quote in message for message in printed_there)}
        if not found[quote]:
            raise ValueError(f"docs/{language}/errors.md quotes {quote!r}, which no entry prints")
    return found
