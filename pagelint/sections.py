"""Keep the prose of a zh page and its en twin from drifting apart, section by section.

A page's sections are cut at its anchored headings (``## 叶子张量 {#leaf-tensors}``); the text
before the first one is the section ``(top)``. Twins must have the same anchors in the same
order, so that each section has a twin. A section's fingerprint is a hash of everything from
its heading to the next anchored heading, code included, with trailing blanks removed.

``docs/sections.lock`` records, for every section, the fingerprints of its zh and en text when
someone last confirmed that the two say the same. A section whose text changed in one language
while its twin stayed as confirmed has drifted: the twin needs the same change, or, if the
change needs none (a typo, a rewording), a new confirmation: ``make sync-confirm``, which runs
this module and rewrites the lock from the pages as they are.
"""

import hashlib
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .prose import numbered_lines

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
                "run `make sync-confirm` once the twins say the same"
            )
            continue
        zh_changed, en_changed = z.fingerprint != confirmed[0], e.fingerprint != confirmed[1]
        if zh_changed != en_changed:
            changed, twin = ((zh_name, z), (en_name, e)) if zh_changed else ((en_name, e), (zh_name, z))
            problems.append(
                f"{changed[0]}:{changed[1].line} section #{z.anchor} changed but its twin {twin[0]}:{twin[1].line} "
                "did not: update the twin, or run `make sync-confirm` if they still say the same"
            )
    return problems


def stale_entries(zh_folder: Path, lock: Lock) -> list[str]:
    """Entries of the lock whose page or section no longer exists."""
    present = {
        (page, section.anchor)
        for page in _pages(zh_folder)
        for section in _sections_of(zh_folder / page)
    }
    return [f"the lock lists {page} #{anchor}, which no page has: run `make sync-confirm`" for page, anchor in sorted(set(lock) - present)]


def read_lock(path: Path) -> Lock:
    """The lock file as {(page, anchor): (zh fingerprint, en fingerprint)}."""
    lock = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            page, anchor, zh, en = line.split()
            lock[(page, anchor)] = (zh, en)
    return lock


def confirmed_lock(docs: Path) -> str:
    """The text of a lock that confirms every section of every page under ``docs`` as it is now."""
    rows, problems = [], []
    for page in _pages(docs / "zh"):
        zh_path, en_path = docs / "zh" / page, docs / "en" / page
        problems += anchor_problems(zh_path, en_path)
        for z, e in zip(_sections_of(zh_path), _sections_of(en_path)):
            rows.append(f"{page} {z.anchor} {z.fingerprint} {e.fingerprint}\n")
    if problems:
        raise ValueError("twins whose sections do not pair cannot be confirmed:\n" + "\n".join(problems))
    return LOCK_HEADER + "".join(rows)


def _pages(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.md"))


def _sections_of(path: Path) -> list[Section]:
    return sections(path.read_text(encoding="utf-8"))


def _name(path: Path) -> str:
    return os.path.relpath(path) if path.is_absolute() and Path.cwd() in path.parents else str(path)


def main(docs: Path = Path("docs")) -> int:
    """Confirm that every section of ``docs`` says the same in both languages: rewrite the lock."""
    try:
        text = confirmed_lock(docs)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    (docs / "sections.lock").write_text(text, encoding="utf-8")
    print(f"{docs / 'sections.lock'}: every section of the {len(_pages(docs / 'zh'))} pages and their twins confirmed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
