"""Rewrite a page's stale output blocks in place, leaving every other byte as it was."""

from pageformat.fences import Fence


def rewrite_outputs(path: str, text: str, stale: list[tuple[Fence, str]]) -> None:
    """Replace the content of each stale output fence of ``text`` and save it to ``path``."""
    for fence, output in sorted(stale, key=lambda item: item[0].start, reverse=True):
        body = "".join((fence.prefix + line).rstrip() + "\n" for line in output.split("\n"))
        text = text[: fence.content_start] + body + text[fence.content_end :]
    with open(path, "w", encoding="utf-8", newline="") as page:
        page.write(text)
