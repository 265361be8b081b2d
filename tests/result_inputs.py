"""What each kind of cached test reads: the inputs of its result (see resultcache/).

Changing any one of them runs the test again (tests/test_result_cache.py proves it input by input).
"""

import functools
import importlib.metadata
import re
import sys
from pathlib import Path

import pytest

from resultcache.digest import Input
from tests.docs import DOCS, ROOT

VERSIONS: list[Input] = [
    ROOT / "constraints.txt",
    f"python={sys.version}",
    f"torch={importlib.metadata.version('torch')}",
]
CHECKER: list[Input] = [ROOT / "pagecheck", ROOT / "pageformat", ROOT / "conftest.py", ROOT / "tests" / "docs.py"]
KERNELS: list[Input] = [ROOT / "tests" / "kernels.py", ROOT / "tests" / "forked_kernels.py", ROOT / "pagecheck", ROOT / "pageformat"]
_SNIPPET = re.compile(r"\bsnippets\.(\w+)")
_FIGURE = re.compile(r'^--8<-- "(figures/[^"\n]+)"$', re.M)


@functools.cache
def snippet_modules(text: str) -> tuple[Path, ...]:
    """The snippets modules ``text`` names (``snippets.graph``), and those they name, in turn."""
    found: dict[Path, None] = {}
    waiting = [text]
    while waiting:
        for name in _SNIPPET.findall(waiting.pop()):
            path = ROOT / "snippets" / f"{name}.py"
            if path.is_file() and path not in found:
                found[path] = None
                waiting.append(path.read_text(encoding="utf-8"))
    return tuple(found)


@functools.cache
def _checker_snippets() -> tuple[Path, ...]:
    """The snippets modules the checker itself imports (it draws figures with them)."""
    return snippet_modules("".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "pagecheck").glob("*.py"))))


def page_inputs(page: Path) -> list[Input]:
    """A page's run: the page, the figures and snippets modules it uses, the checker, the versions."""
    text = page.read_text(encoding="utf-8")
    figures = [ROOT / figure for figure in _FIGURE.findall(text)]
    return [*figures, *snippet_modules(text), *_checker_snippets(), *CHECKER, *VERSIONS]


def page_run_inputs(item: pytest.Item) -> list[Input]:
    """The inputs of a block of a docs page (a Sybil example): its page's run."""
    return page_inputs(item.path)


def page_notebook_inputs(item: pytest.Item) -> list[Input]:
    """A page's notebook run in a kernel: the page it is made from, what that page inlines, the
    notebook maker and kernel driver, the versions."""
    page = DOCS / item.callspec.params["page"]
    text = page.read_text(encoding="utf-8")
    return [page, *snippet_modules(text), *KERNELS, ROOT / "tests" / "docs.py", *VERSIONS]


def exercise_inputs(item: pytest.Item) -> list[Input]:
    """An exercise notebook run in a kernel: the notebook, the kernel driver, the versions."""
    return [DOCS / item.callspec.params["exercise"], *KERNELS, ROOT / "tests" / "docs.py", *VERSIONS]
