"""`make check PAGE=docs/zh/detach.md`: everything an edit of one page can break, in seconds.

Runs, with the suite's own test functions, the checks that read or run that page or its twin:
both pages through the checker, parity, the zh/en section guard, the site's structure, Chinese
punctuation, the glossary's terms, the twins' figures, the page's links and anchors, and the rules
of the chapter's exercise notebooks. The tests of other pages are deselected; the verdicts are
those the full suite gives for the same tests. What it leaves out: the site build and what reads
it (browser, built links, search), the notebooks run in kernels, the checker's self-tests:
`make test` runs them.

    .venv/bin/python -m tests.page_scope docs/zh/detach.md [pytest options]

The module is also the pytest plugin (``-p tests.page_scope --page ...``) that does the selecting.
"""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("zh", "en")
TEST_FILES = [
    "tests/test_parity.py",
    "tests/test_translation_sync.py",
    "tests/test_site_structure.py",
    "tests/test_writing.py",
    "tests/test_terms.py",
    "tests/test_figures.py",
    "tests/test_page_links.py",
    "tests/test_exercises.py",
]
SITE_WIDE = {  # the tests of the whole site that a page edit can break
    "tests/test_site_structure.py::test_the_site_has_every_page_wired_in",
    "tests/test_translation_sync.py::test_the_lock_lists_only_sections_that_exist",
    "tests/test_figures.py::test_every_figure_file_is_shown_and_every_shown_figure_exists",
    "tests/test_exercises.py::test_every_text_file_has_its_notebook",
}
USAGE = "usage: make check PAGE=docs/<zh|en>/<page>.md  (for example PAGE=docs/zh/detach.md)"


def page_and_twin(page: str) -> tuple[Path, list[Path]]:
    """The page relative to its language folder, and the page files of both languages that exist;
    a page outside docs/zh/ and docs/en/ stops with the usage line."""
    path = Path(page)
    if path.is_absolute():
        path = path.relative_to(ROOT)
    if len(path.parts) < 3 or path.parts[0] != "docs" or path.parts[1] not in LANGUAGES or path.suffix != ".md":
        raise SystemExit(f"{page} is not a page of the site\n{USAGE}")
    relative = Path(*path.parts[2:])
    files = [Path("docs", language, relative) for language in LANGUAGES]
    present = [file for file in files if (ROOT / file).is_file()]
    if not present:
        raise SystemExit(f"{page} does not exist\n{USAGE}")
    return relative, present


def pytest_addoption(parser):
    parser.addoption("--page", help="run only the tests of this page and its twin (docs/<lang>/<page>.md); see tests/page_scope.py")


def pytest_collection_modifyitems(config, items):
    """Keep the items of the page and its twin, the tests parametrized with the page, and :data:`SITE_WIDE`."""
    page = config.getoption("--page")
    if not page:
        return
    relative, files = page_and_twin(page)
    own = {ROOT / file for file in files}
    exercises = relative.with_suffix(".ipynb").name
    kept, dropped = [], []
    for item in items:
        parameters = [str(value) for value in getattr(getattr(item, "callspec", None), "params", {}).values()]
        mine = item.path in own or item.nodeid in SITE_WIDE or str(relative) in parameters
        mine = mine or any(value.endswith(f"exercises/{exercises}") for value in parameters)
        if item.get_closest_marker("kernel") is not None:
            mine = False
        (kept if mine else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
    items[:] = kept


def main(arguments: list[str]) -> int:
    """Run the checks of one page (the first argument) and its twin; other arguments go to pytest."""
    if not arguments or arguments[0].startswith("-"):
        print(USAGE, file=sys.stderr)
        return 2
    _, files = page_and_twin(arguments[0])
    options = ["-p", "tests.page_scope", "--page", arguments[0], "-n", "0", "-q", "--no-header", *arguments[1:]]
    return pytest.main([*options, *map(str, files), *TEST_FILES])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
