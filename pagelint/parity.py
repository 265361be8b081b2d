"""Compare a zh page with its en twin: same code, same outputs, only labels translated.

Code is compared as syntax trees with every string literal blanked (comments never reach the
tree). Outputs are compared after deleting, on each side, the literals that side's code has
and the other's lacks: those are the translated labels the code prints. A label is kept where it
lies inside a long stretch both outputs share (a message of torch's), so that an English label
such as ``"error:"`` is not also deleted from the middle of a message that contains it.
"""

import ast
import difflib
import os
import re
from pathlib import Path

from sybil import Document

from pageformat.blocks import Block, pair_blocks

_SPACE = re.compile(r"\s+")
SHARED_RUN = 16


def code_shape(source: str) -> str:
    """The code's syntax tree with string literals and f-strings blanked."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = ""
    return ast.dump(_BlankFStrings().visit(tree))


class _BlankFStrings(ast.NodeTransformer):
    def visit_JoinedStr(self, node):
        return ast.Constant("")


def literals(source: str) -> set[str]:
    """Every string literal of the code, f-string pieces included, without surrounding blanks."""
    return {
        node.value.strip()
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip()
    }


def _shared_spans(zh: str, en: str) -> tuple[list[range], list[range]]:
    """Where the two texts share a run of at least SHARED_RUN characters, in each text."""
    matcher = difflib.SequenceMatcher(None, zh, en, autojunk=False)
    runs = [run for run in matcher.get_matching_blocks() if run.size >= SHARED_RUN]
    return [range(run.a, run.a + run.size) for run in runs], [range(run.b, run.b + run.size) for run in runs]


def _without(text: str, labels: set[str], shared: list[range]) -> str:
    """``text`` with every occurrence of a label deleted, except inside a shared run."""
    deleted = set()
    for label in sorted(labels, key=len, reverse=True):
        for found in re.finditer(re.escape(label), text):
            inside = any(found.start() in run and found.end() - 1 in run for run in shared)
            if not inside and not deleted.intersection(range(found.start(), found.end())):
                deleted.update(range(found.start(), found.end()))
    kept = "".join(" " if index in deleted else char for index, char in enumerate(text))
    return _SPACE.sub(" ", kept).strip()


def block_differences(zh: Block, en: Block) -> list[str]:
    """How the two blocks differ beyond translation; empty when they are twins."""
    if code_shape(zh.code.source) != code_shape(en.code.source):
        return ["the code differs (only string literals, the labels it prints, may be translated): make it the same"]
    if (zh.shown and zh.shown.language) != (en.shown and en.shown.language):
        return ["one shows an output or error block the other does not"]
    if zh.shown is None:
        return []
    return output_differences(zh.code.source, zh.shown.source, en.code.source, en.shown.source)


def output_differences(zh_code: str, zh_output: str, en_code: str, en_output: str) -> list[str]:
    """How the outputs of twin code differ beyond the labels each side's code prints; empty when they agree."""
    zh_labels, en_labels = literals(zh_code), literals(en_code)
    zh_shared, en_shared = _shared_spans(zh_output, en_output)
    zh_out = _without(zh_output, zh_labels - en_labels, zh_shared)
    en_out = _without(en_output, en_labels - zh_labels, en_shared)
    if zh_out == en_out:
        return []
    diff = difflib.unified_diff(zh_output.splitlines(), en_output.splitlines(), "zh", "en", lineterm="")
    return [
        "the outputs differ beyond translated labels; if the code is right, refresh both pages "
        "(`.venv/bin/python -m pytest <zh page> <en page> --refresh-outputs`):\n" + "\n".join(list(diff)[2:])
    ]


def page_differences(zh_path: Path, en_path: Path) -> list[str]:
    """Every difference between a zh page and its en twin, each naming both lines."""
    zh_name, en_name = _name(zh_path), _name(en_path)
    zh_blocks = pair_blocks(_read(zh_path))
    en_blocks = pair_blocks(_read(en_path))
    problems = []
    if len(zh_blocks) != len(en_blocks):
        problems.append(f"{zh_name} has {len(zh_blocks)} python blocks, {en_name} has {len(en_blocks)}: the twins have the same blocks")
    for zh, en in zip(zh_blocks, en_blocks):
        problems += [
            f"{zh_name}:{zh.code.line} and {en_name}:{en.code.line}: {difference}"
            for difference in block_differences(zh, en)
        ]
    return problems


def _name(path: Path) -> str:
    """The path relative to the working folder (the repository), when it lies inside it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def _read(path: Path) -> Document:
    return Document(path.read_text(encoding="utf-8"), _name(path))
