"""Keep the prose of a zh page and its en twin from drifting apart, section by section.

A page's sections are cut at its anchored headings (``## 叶子张量 {#leaf-tensors}``); the text
before the first one is the section ``(top)``. Twins must have the same anchors in the same
order, so that each section has a twin. A section's fingerprint is a hash of everything from
its heading to the next anchored heading, code included, with trailing blanks removed.

``docs/sections.lock`` records, for every section, the fingerprints of its zh and en text when
someone last confirmed that the two say the same. A section whose text changed in one language
while its twin stayed as confirmed has drifted: the twin needs the same change, or, if the
change needs none (a typo, a rewording), a new confirmation: ``make sync-confirm PAGE=docs/zh/x.md
[SECTION=anchor]``, which runs this module and records the sections of that page (or that one
section) as they are now, and nothing else. A section whose code or outputs differ from its twin's
needs no confirmation but a fix, which the parity check (:mod:`.parity`) names: the guard leaves
that section to it, so one mistake gets one message.
"""

import argparse
import hashlib
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from sybil import Document

from pageformat.blocks import pair_blocks
from pageformat.errors import PageError

from .parity import block_differences
from .prose import numbered_lines
from .site_structure import no_twin

TOP = "(top)"
LOCK_HEADER = (
    "# Fingerprints of each section of each zh page and its en twin, as last confirmed to say the\n"
    "# same (pagelint/sections.py). Written by `make sync-confirm`; do not edit by hand.\n"
    "# page anchor zh-fingerprint en-fingerprint\n"
)
_ANCHORED_HEADING = re.compile(r"^#{1,6}\s.*\{[^}]*#(?P<anchor>[\w-]+)[^}]*\}\s*$")

Lock = dict[tuple[str, str], tuple[str, str]]


@dataclass(frozen=True)
class Section:
    """One section of a page: its anchor, the line of its heading and its text."""

    anchor: str
    line: int
    text: str

    @property
    def fingerprint(self) -> str:
        """A short hash of the section's text with trailing blanks and blank edges removed."""
        normalised = "\n".join(line.rstrip() for line in self.text.splitlines()).strip("\n")
        return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def sections(text: str) -> list[Section]:
    """The sections of a Markdown page, cut at its anchored headings outside code blocks."""
    starts = [(TOP, 1, 0)]
    lines = text.splitlines()
    for number, line, fence in numbered_lines(text):
        match = _ANCHORED_HEADING.match(line) if fence is None else None
        if match:
            starts.append((match["anchor"], number, number - 1))
    ends = [index for _, _, index in starts[1:]] + [len(lines)]
    return [Section(anchor, line, "\n".join(lines[index:end])) for (anchor, line, index), end in zip(starts, ends)]


def anchor_problems(zh_path: Path, en_path: Path) -> list[str]:
    """The first place where the anchored headings of twins differ, naming both files; else nothing."""
    zh, en = _sections_of(zh_path), _sections_of(en_path)
    zh_name, en_name = _name(zh_path), _name(en_path)
    for index in range(max(len(zh), len(en))):
        if index >= len(zh) or index >= len(en):
            longer, name, other = (zh, zh_name, en_name) if len(zh) > len(en) else (en, en_name, zh_name)
            return [f"{name}:{longer[index].line} section #{longer[index].anchor} has no twin in {other}, which ends after #{longer[index - 1].anchor}"]
        z, e = zh[index], en[index]
        if z.anchor == e.anchor:
            continue
        if z.anchor not in {section.anchor for section in en}:
            return [f"{zh_name}:{z.line} section #{z.anchor} has no twin in {en_name} (where {en_name}:{e.line} has #{e.anchor})"]
        if e.anchor not in {section.anchor for section in zh}:
            return [f"{en_name}:{e.line} section #{e.anchor} has no twin in {zh_name} (where {zh_name}:{z.line} has #{z.anchor})"]
        return [f"the anchored headings are in a different order: {zh_name}:{z.line} has #{z.anchor} where {en_name}:{e.line} has #{e.anchor}"]
    return []


def drift_problems(zh_path: Path, en_path: Path, page: str, lock: Lock) -> list[str]:
    """Every section of twins that changed in one language only since the lock, naming both files."""
    if anchor_problems(zh_path, en_path):
        return []
    zh_name, en_name = _name(zh_path), _name(en_path)
    problems = []
    for z, e in zip(_sections_of(zh_path), _sections_of(en_path)):
        confirmed = lock.get((page, z.anchor))
        if confirmed is None:
            problems.append(
                f"{zh_name}:{z.line} and {en_name}:{e.line} section #{z.anchor} is not in the lock: "
                f"run `{confirm_command(zh_name, z.anchor)}` once the twins say the same"
            )
            continue
        zh_changed, en_changed = z.fingerprint != confirmed[0], e.fingerprint != confirmed[1]
        if zh_changed != en_changed:
            changed, twin = ((zh_name, z), (en_name, e)) if zh_changed else ((en_name, e), (zh_name, z))
            if code_differs(z, e, zh_name, en_name):
                continue  # the parity check names the block and what to do; confirming would not help
            problems.append(
                f"{changed[0]}:{changed[1].line} section #{z.anchor} changed but its twin {twin[0]}:{twin[1].line} did not: "
                f"update the twin, or, once you compared them and they still say the same, run `{confirm_command(zh_name, z.anchor)}`"
            )
    return problems


def confirm_command(zh_name: str, anchor: str) -> str:
    """The command that confirms one section of a zh page."""
    return f"make sync-confirm PAGE={zh_name} SECTION={anchor}"


def code_differs(zh: Section, en: Section, zh_name: str, en_name: str) -> bool:
    """Whether twin sections differ in their python blocks or outputs, beyond translated labels."""
    try:
        zh_blocks = pair_blocks(Document(zh.text, zh_name))
        en_blocks = pair_blocks(Document(en.text, en_name))
        return len(zh_blocks) != len(en_blocks) or any(block_differences(z, e) for z, e in zip(zh_blocks, en_blocks))
    except (PageError, SyntaxError):
        return True


def stale_entries(zh_folder: Path, lock: Lock) -> list[str]:
    """Entries of the lock whose page or section no longer exists."""
    present = {
        (page, section.anchor)
        for page in _pages(zh_folder)
        for section in _sections_of(zh_folder / page)
    }
    return [
        f"the lock lists {page} #{anchor}, which no page has: run `make sync-confirm PAGE={zh_folder.as_posix()}/{page}` to drop it"
        for page, anchor in sorted(set(lock) - present)
    ]


def read_lock(path: Path) -> Lock:
    """The lock file as {(page, anchor): (zh fingerprint, en fingerprint)}; empty when there is none yet."""
    lock = {}
    if not path.is_file():
        return lock
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            page, anchor, zh, en = line.split()
            lock[(page, anchor)] = (zh, en)
    return lock


def lock_text(lock: Lock) -> str:
    """The lock file's text for ``lock``, its rows sorted by page and in each page's section order."""
    return LOCK_HEADER + "".join(f"{page} {anchor} {zh} {en}\n" for (page, anchor), (zh, en) in lock.items())


def confirm(docs: Path, page: str, section: str | None, lock: Lock) -> tuple[Lock, list[str]]:
    """``lock`` with the sections of ``docs/zh/<page>`` and its twin (or the one ``section``) as they
    are now, the page's entries for sections that no longer exist dropped; and a line for each change.

    Raises :class:`ValueError` with a sentence when the twin is missing, the sections do not
    pair or ``section`` is not one of the page's anchors.
    """
    zh_path, en_path = docs / "zh" / page, docs / "en" / page
    if not zh_path.is_file() and not en_path.is_file() and any(name == page for name, _ in lock):
        return {key: value for key, value in lock.items() if key[0] != page}, [f"dropped {page} #{anchor}: the page is gone" for name, anchor in lock if name == page]
    for path, other in ((zh_path, en_path), (en_path, zh_path)):
        if not path.is_file():
            raise ValueError(no_twin(_name(other), _name(path)) if other.is_file() else f"{_name(zh_path)} does not exist")
    problems = anchor_problems(zh_path, en_path)
    if problems:
        raise ValueError("the sections of these twins do not pair, so none can be confirmed: " + problems[0])
    pairs = list(zip(_sections_of(zh_path), _sections_of(en_path)))
    anchors = [z.anchor for z, _ in pairs]
    if section is not None and section not in anchors:
        raise ValueError(f"{_name(zh_path)} has no section #{section}; its sections are " + ", ".join(f"#{anchor}" for anchor in anchors))
    kept = {key: value for key, value in lock.items() if key[0] != page or key[1] in anchors}
    changes = [f"dropped {page} #{anchor}, which the page no longer has" for (name, anchor) in lock if name == page and anchor not in anchors]
    for z, e in pairs:
        if section is not None and z.anchor != section:
            continue
        now, before = (z.fingerprint, e.fingerprint), kept.get((page, z.anchor))
        if now == before:
            changes.append(f"{page} #{z.anchor}: already confirmed, unchanged")
            continue
        kept[(page, z.anchor)] = now
        changes.append(f"confirmed {_name(zh_path)}:{z.line} and {_name(en_path)}:{e.line} section #{z.anchor}")
    return dict(sorted(kept.items(), key=lambda item: _order(docs, item[0]))), changes


def _order(docs: Path, key: tuple[str, str]) -> tuple[str, int]:
    page, anchor = key
    path = docs / "zh" / page
    anchors = [section.anchor for section in _sections_of(path)] if path.is_file() else []
    return page, anchors.index(anchor) if anchor in anchors else len(anchors)


def _pages(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.md"))


def _sections_of(path: Path) -> list[Section]:
    return sections(path.read_text(encoding="utf-8"))


def _name(path: Path) -> str:
    return os.path.relpath(path) if path.is_absolute() and Path.cwd() in path.parents else str(path)


def parse_arguments(arguments: list[str]) -> argparse.Namespace:
    """The page (docs/zh/<page>.md or its en twin) and the section anchor to confirm; anything else stops with the usage line."""
    parser = argparse.ArgumentParser(
        prog="make sync-confirm",
        usage="make sync-confirm PAGE=docs/zh/<page>.md [SECTION=<anchor>]",
        description="Record in docs/sections.lock that the sections of a zh page and its en twin (or one section) say the same. "
        "Run it only after comparing them.",
    )
    parser.add_argument("page", help="docs/zh/<page>.md or docs/en/<page>.md")
    parser.add_argument("--section", help="the anchor of the one section to confirm (without #)")
    return parser.parse_args(arguments)


def main(arguments: list[str], docs: Path = Path("docs")) -> int:
    """Confirm the sections of one page and its twin, or one section: record them in the lock and print each."""
    options = parse_arguments(arguments)
    path = Path(options.page)
    parts = path.parts
    if len(parts) < 3 or Path(*parts[:1]) != docs or parts[1] not in ("zh", "en") or path.suffix != ".md":
        print(f"{options.page} is not a page under {docs}/zh/ or {docs}/en/\nusage: make sync-confirm PAGE=docs/zh/<page>.md [SECTION=<anchor>]", file=sys.stderr)
        return 2
    lock_path = docs / "sections.lock"
    try:
        lock, changes = confirm(docs, Path(*parts[2:]).as_posix(), options.section and options.section.lstrip("#"), read_lock(lock_path))
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    lock_path.write_text(lock_text(lock), encoding="utf-8")
    print("\n".join(changes) + f"\n{lock_path}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
