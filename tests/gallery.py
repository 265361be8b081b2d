"""The error gallery's entries (docs/<language>/errors.md) and the message each one is about."""

import re

from tests.docs import DOCS

_ENTRY = re.compile(r"^## .*\{#(?P<anchor>err-[\w-]+)\}$", re.M)
_FENCE = re.compile(r"^```(?P<kind>error|output)\n(?P<body>.*?)^```$", re.M | re.S)
_MESSAGE = re.compile(r"^\w+(?:Error|Warning): .+$", re.M)


def gallery_messages(language: str) -> dict[str, str]:
    """Each gallery entry's anchor and the first torch message its blocks print, as printed.

    Entries about a mistake that raises nothing (``.data``, a forgotten ``zero_grad()``) have no
    message and are left out.
    """
    text = (DOCS / language / "errors.md").read_text(encoding="utf-8")
    entries = list(_ENTRY.finditer(text))
    messages = {}
    for entry, following in zip(entries, entries[1:] + [None]):
        section = text[entry.end() : following.start() if following else len(text)]
        printed = "\n".join(fence["body"] for fence in _FENCE.finditer(section))
        if message := _MESSAGE.search(printed):
            messages[entry["anchor"]] = message.group()
    return messages
