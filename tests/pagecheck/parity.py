"""Compare a zh page with its en twin: same code, same outputs, only labels translated.

Code is compared as syntax trees with every string literal blanked (comments never reach the
tree). Outputs are compared after deleting, on each side, the literals that side's code has
and the other's lacks: those are the translated labels the code prints.
"""

import ast
import re
from pathlib import Path

from sybil import Document

from .blocks import Block, pair_blocks

_SPACE = re.compile(r"\s+")


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
    """Every string literal of the code, f-string pieces included."""
    return {
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip()
    }


def _without(text: str, labels: set[str]) -> str:
    for label in sorted(labels, key=len, reverse=True):
        text = text.replace(label, " ")
    return _SPACE.sub(" ", text).strip()


def block_differences(zh: Block, en: Block) -> list[str]:
    """How the two blocks differ beyond translation; empty when they are twins."""
    if code_shape(zh.code.source) != code_shape(en.code.source):
        return ["the code differs"]
    if (zh.shown and zh.shown.language) != (en.shown and en.shown.language):
        return ["one shows an output or error block the other does not"]
    if zh.shown is None:
        return []
    zh_labels, en_labels = literals(zh.code.source), literals(en.code.source)
    zh_out = _without(zh.shown.source, zh_labels - en_labels)
    en_out = _without(en.shown.source, en_labels - zh_labels)
    return [] if zh_out == en_out else [f"the outputs differ beyond translated labels:\n  zh: {zh_out}\n  en: {en_out}"]


def page_differences(zh_path: Path, en_path: Path) -> list[str]:
    """Every difference between a zh page and its en twin, each naming both lines."""
    zh_blocks = pair_blocks(_read(zh_path))
    en_blocks = pair_blocks(_read(en_path))
    problems = []
    if len(zh_blocks) != len(en_blocks):
        problems.append(f"{zh_path} has {len(zh_blocks)} python blocks, {en_path} has {len(en_blocks)}")
    for zh, en in zip(zh_blocks, en_blocks):
        problems += [
            f"{zh_path}:{zh.code.line} and {en_path}:{en.code.line}: {difference}"
            for difference in block_differences(zh, en)
        ]
    return problems


def _read(path: Path) -> Document:
    return Document(path.read_text(encoding="utf-8"), str(path))
