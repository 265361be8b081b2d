"""What each kind of cached test reads: the inputs of its result (see resultcache/).

Changing any one of them runs the test again (tests/test_result_cache.py proves it input by input).
"""

import functools
import importlib.metadata
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from resultcache.digest import Input, Relative
from resultcache.plugin import InputsUnknown
from tests.docs import DOCS, ROOT

VERSIONS: list[Input] = [
    ROOT / "requirements.lock",
    f"python={sys.version}",
    f"torch={importlib.metadata.version('torch')}",
]
CHECKER: list[Input] = [ROOT / "pagecheck", ROOT / "pageformat", ROOT / "conftest.py", ROOT / "tests" / "docs.py"]
KERNELS: list[Input] = [ROOT / "tests" / "kernels.py", ROOT / "tests" / "forked_kernels.py", ROOT / "pagecheck", ROOT / "pageformat"]
_SNIPPET = re.compile(r"\bsnippets\.(\w+)")
_FIGURE = re.compile(r'^--8<-- "(figures/[^"\n]+)"$', re.M)


@functools.cache
def devices() -> str:
    """Which devices a page may ask for (``needs=cuda``) this machine has: a block that needs one
    it lacks is skipped, and that skip is recorded like a pass."""
    from pagecheck.hardware import AVAILABLE

    return "devices=" + ",".join(need for need, available in sorted(AVAILABLE.items()) if available())


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


def inlined_figures(text: str) -> list[Path]:
    """The figures a page's Markdown ``text`` inlines (``--8<-- "figures/NAME.svg"``)."""
    return [ROOT / figure for figure in _FIGURE.findall(text)]


@functools.cache
def page_inputs(page: Path) -> tuple[Input, ...]:
    """A page's run: the page, the figures and snippets modules it uses, the checker, the versions."""
    text = page.read_text(encoding="utf-8")
    return (*inlined_figures(text), *snippet_modules(text), *_checker_snippets(), *CHECKER, *VERSIONS, devices())


def page_run_inputs(item: pytest.Item) -> tuple[Input, ...]:
    """The inputs of a block of a docs page (a Sybil example): its page's run."""
    return page_inputs(item.path)


def docstring_example_inputs(item: pytest.Item) -> list[Input]:
    """An example in README.md or in a docstring of snippets/ (pytest-markdown-docs): its file, the
    snippets modules that file names, the pytest set-up, the versions."""
    return [item.path, *snippet_modules(item.path.read_text(encoding="utf-8")), ROOT / "pyproject.toml", ROOT / "conftest.py", *VERSIONS]


def page_notebook_inputs(item: pytest.Item) -> list[Input]:
    """A page's notebook run in a kernel: the page it is made from, what that page inlines, the
    notebook maker and kernel driver, the versions."""
    page = DOCS / item.callspec.params["page"]
    text = page.read_text(encoding="utf-8")
    return [page, *snippet_modules(text), *KERNELS, ROOT / "tests" / "docs.py", *VERSIONS, devices()]


def exercise_inputs(item: pytest.Item) -> list[Input]:
    """An exercise notebook run in a kernel: the notebook, the kernel driver, the versions."""
    return [DOCS / item.callspec.params["exercise"], *KERNELS, ROOT / "tests" / "docs.py", *VERSIONS]


def notebook_rendering_inputs(item: pytest.Item) -> list[Input]:
    """A check of how the build renders an exercise notebook (its ``path`` parameter): the notebook,
    the hooks that render it, the versions (mkdocs-jupyter's, nbconvert's, mistune's and Pygments'
    among them, in requirements.lock)."""
    return [item.callspec.params["path"], ROOT / "hooks", ROOT / "tests" / "docs.py", *VERSIONS]


BROWSER: list[Input] = [ROOT / "tests" / "browser", ROOT / "tests" / "docs.py"]
SEARCH_CHECKS: list[Input] = [  # what the search tests read besides the built site and the gallery's page
    ROOT / "mkdocs.yml", ROOT / "pagelint", ROOT / "tests" / "gallery.py", ROOT / "tests" / "test_search_index.py"
]
_LOADED = re.compile(r"""["']([^"'\s<>]+\.(?:css|js))["']""")


def _chromium() -> str:
    """The browser the tests drive, by path, size and modification time (hashing it takes too long)."""
    from tests.browser.chromium import EXECUTABLE

    stat = EXECUTABLE.stat() if EXECUTABLE.is_file() else None
    return f"chromium={EXECUTABLE}:{stat.st_size}:{stat.st_mtime_ns}" if stat else f"chromium={EXECUTABLE}:missing"


@functools.cache
def _built_or_failed() -> tuple[Path, Path] | Exception:
    """The site and its offline copy as the present inputs build them, or the build's failure."""
    from tests.site_build import BuildFailed, cached_sites

    try:
        return cached_sites()
    except BuildFailed as failed:
        return failed


def built() -> tuple[Path, Path]:
    """The site and its offline copy as the present inputs build them (tests/site_build.py); when
    the build failed, the tests that read them run, unrecorded (their own fixture says why)."""
    sites = _built_or_failed()
    if isinstance(sites, Exception):
        raise InputsUnknown("the site build failed") from sites
    return sites


def in_build(path: Path) -> Relative:
    """A file or folder of the built sites, named in a key by its place in the build, not in .cache/."""
    return Relative(path, built()[0].parent)


def built_page(path: str) -> Path:
    """The HTML file the browser opens for the URL path ``path`` of the built site."""
    site = built()[0]
    return site / path if path.endswith(".html") else site / path / "index.html"


@functools.cache
def loaded_files(page: Path) -> list[Path]:
    """The local stylesheets and scripts ``page`` names (its search worker's among them)."""
    site = built()[0]
    found = dict.fromkeys(
        candidate.resolve()
        for name in _LOADED.findall(page.read_text(encoding="utf-8"))
        if "://" not in name and not name.startswith("//")
        for candidate in (page.parent / name, site / name.lstrip("/"))
        if candidate.is_file()
    )
    return sorted(found)


def audit_of(*paths: str) -> list[Input]:
    """What a browser test reads when it opens the pages at ``paths`` of the built site: their HTML
    and the CSS and JS they load, the browser tests' code and the browser, the versions (axe-core's
    among them, in requirements.lock). Not the search index: a page requests it only once the
    reader opens search (tests/browser/test_search.py)."""
    pages = [built_page(path) for path in paths]
    read = dict.fromkeys(file for page in pages for file in (page, *loaded_files(page)))
    return [*map(in_build, read), *BROWSER, _chromium(), *VERSIONS]


def page_audit_inputs(item: pytest.Item) -> list[Input]:
    """A browser audit of the one page its ``path`` parameter names: :func:`audit_of` that page."""
    return audit_of(item.callspec.params["path"])


def pages_read(*paths: str) -> Callable[[pytest.Item], list[Input]]:
    """The inputs function of a browser test that opens only the pages at ``paths``: :func:`audit_of` them."""

    def inputs(item: pytest.Item) -> list[Input]:
        return audit_of(*paths)

    inputs.__doc__ = f"A browser test that opens {', '.join(path or '(home)' for path in paths)}: what they read."
    return inputs


def language_of(item: pytest.Item) -> str:
    """The language a parametrized test reads the site in: its ``language`` parameter, or that of its ``path``."""
    params = item.callspec.params
    return params["language"] if "language" in params else "en" if params["path"].startswith("en/") else "zh"


def language_root(site: Path, language: str) -> Path:
    """The folder of a built site that holds ``language``'s pages: zh at its root, en under en/."""
    return site / "en" if language == "en" else site


def built_pages_of(language: str, site: Path | None = None) -> list[Path]:
    """Every HTML page the build made in ``language``, in the site or in the ``site`` given (the offline copy)."""
    site = site or built()[0]
    root = language_root(site, language)
    return [page for page in sorted(root.rglob("*.html")) if root != site or page.relative_to(site).parts[0] != "en"]


def offline_inputs(item: pytest.Item) -> list[Input]:
    """A browser test of the offline copy opened from disk: for a search from the page its ``path``
    parameter names, the copy's pages and search index in that page's language; else the copy's home
    page and the chapter it follows a link to. With the copy's assets, the browser tests' code, the
    browser, the versions."""
    offline = built()[1]
    path = item.callspec.params.get("path") if hasattr(item, "callspec") else None
    if path is None:
        read = [offline / "index.html", offline / "graph.html"]
    else:
        language = "en" if path.startswith("en/") else "zh"
        read = [*built_pages_of(language, offline), language_root(offline, language) / "search"]
    return [*map(in_build, [*read, offline / "assets"]), *BROWSER, _chromium(), *VERSIONS]


def built_language_inputs(item: pytest.Item) -> list[Input]:
    """A test that reads every built page of its ``language`` parameter and the files they load: those
    pages, the site's assets, how the tests list and read pages, the versions."""
    language = item.callspec.params["language"]
    read = [*built_pages_of(language), built()[0] / "assets"]
    return [*map(in_build, read), ROOT / "tests" / "docs.py", ROOT / "tests" / "builtsite.py", *VERSIONS]


def searching(language: str) -> Callable[[pytest.Item], list[Input]]:
    """The inputs function of a browser test that searches the site in ``language``: that language's
    pages and search index (which an edit of any of its pages changes), the site's assets (the
    search worker among them), the browser tests' code and what it asks the site's sources (the
    configuration's chapters, the gallery's messages), the browser, the versions."""

    def inputs(item: pytest.Item) -> list[Input]:
        read = [*built_pages_of(language), language_root(built()[0], language) / "search" / "search_index.json", built()[0] / "assets"]
        return [*map(in_build, read), *BROWSER, *SEARCH_CHECKS, DOCS / language / "errors.md", _chromium(), *VERSIONS]

    inputs.__doc__ = f"A browser test that searches the site in {language}: what it reads."
    return inputs


def language_inputs(item: pytest.Item) -> list[Input]:
    """A browser test that searches the site in the language of its parameters (:func:`language_of`)."""
    return searching(language_of(item))(item)


def built_site_inputs(item: pytest.Item) -> list[Input]:
    """A browser test that reads many pages: the whole built site and offline copy, the browser
    tests' code and the browser, the versions."""
    return [*map(in_build, built()), *BROWSER, _chromium(), *VERSIONS]


def skeleton_build_inputs(item: pytest.Item) -> list[Input]:
    """A build of the bare skeleton of the site's configuration (tests/test_strict_build.py): the
    configuration, the theme overrides, the hooks and what they import, the build command and the
    skeleton's maker, the versions, the environment the configuration reads. No page: the skeleton
    has its own."""
    from tests.site_build import build_inputs

    return [*(read for read in build_inputs() if read != DOCS), ROOT / "tests" / "bench.py", ROOT / "tests" / "docs.py"]


def lock_inputs(item: pytest.Item) -> list[Input]:
    """The lock's tests: the requirements, their lock, the Makefile that installs from it, the versions."""
    return [ROOT / "requirements.txt", ROOT / "Makefile", *VERSIONS]


def report_self_test_inputs(item: pytest.Item) -> list[Input]:
    """A run of a small sample project as the suite runs itself, to see how it reports failures
    (tests/test_messages.py): the sample project (its own configuration, MkDocs' plain theme), the
    suite's own modules and plugins, the checker and the checks, the pytest set-up, the versions.
    No docs page."""
    suite = sorted((ROOT / "tests").glob("*.py"))
    return [ROOT / "tests" / "samples" / "four_faults", *suite, *CHECKER, ROOT / "pagelint", ROOT / "resultcache",
            ROOT / "pyproject.toml", *VERSIONS]


def markdown_hook_inputs(item: pytest.Item) -> list[Input]:
    """A conversion of one page (its ``path`` parameter) with and without a Markdown hook
    (tests/test_inline_code.py): the page, the figures it inlines, the configuration's Markdown
    settings and how they are read (pagelint), the hooks, the versions."""
    page = item.callspec.params["path"]
    return [page, *inlined_figures(page.read_text(encoding="utf-8")), ROOT / "mkdocs.yml", ROOT / "pagelint", ROOT / "hooks", ROOT / "tests" / "docs.py", *VERSIONS]


LINT: list[Input] = [ROOT / "pagelint", ROOT / "pageformat", ROOT / "tests" / "docs.py", *VERSIONS]


def written_page_inputs(item: pytest.Item) -> list[Input]:
    """A check of how one page or exercise notebook is written (tests/test_writing.py), its ``page``
    parameter a path from the repository: that file, AutoCorrect's rules, the checks' code, the
    versions (AutoCorrect's among them)."""
    return [ROOT / item.callspec.params["page"], ROOT / ".autocorrectrc", *LINT]


def terms_inputs(item: pytest.Item) -> list[Input]:
    """The terms check of one page or exercise notebook (its ``page`` or ``notebook`` parameter) of
    its ``language``: that file, the language's glossary, the checks' code, the versions."""
    params = item.callspec.params
    language = params["language"]
    return [DOCS / language / params.get("page", params.get("notebook")), DOCS / language / "glossary.md", *LINT]


def twin_inputs(item: pytest.Item) -> list[Input]:
    """A check of a zh page against its en twin (its ``page`` parameter): both pages, the checks'
    code, the versions."""
    page = item.callspec.params["page"]
    return [DOCS / "zh" / page, DOCS / "en" / page, *LINT]


def twin_sync_inputs(item: pytest.Item) -> list[Input]:
    """The check that no section of a zh page and its en twin changed in one language only: both
    pages, and of docs/sections.lock the rows of that page, the only ones the check reads (confirming
    another page's sections rewrites the file, not these rows); the checks' code, the versions."""
    from pagelint.sections import read_lock

    page = Path(item.callspec.params["page"]).as_posix()
    rows = sorted(f"{anchor} {zh} {en}" for (name, anchor), (zh, en) in read_lock(DOCS / "sections.lock").items() if name == page)
    return [*twin_inputs(item), f"sections.lock rows of {page}: " + "; ".join(rows)]


def workflow_audit_inputs(item: pytest.Item) -> list[Input]:
    """zizmor's audits (tests/test_zizmor.py): the workflows and Dependabot's configuration, the
    planted unsafe workflow, the versions (zizmor's among them)."""
    return [ROOT / ".github", ROOT / "tests" / "samples" / "workflows", *VERSIONS]


def checker_self_test_inputs(item: pytest.Item) -> list[Input]:
    """The checker's self-tests: its sample pages, the checker and the snippets it draws with, the
    pytest set-up its subprocess runs use, the versions."""
    return [ROOT / "tests" / "samples", ROOT / "snippets", *CHECKER, ROOT / "pyproject.toml", ROOT / "resultcache", *VERSIONS]


def checker_message_inputs(item: pytest.Item) -> list[Input]:
    """A check of how the checker words what is wrong with a planted page (tests/test_messages.py):
    what the checker's self-tests read, and how they run a sample page (tests/test_pagecheck.py)."""
    return [*checker_self_test_inputs(item), ROOT / "tests" / "test_pagecheck.py"]


def scheduling_inputs(item: pytest.Item) -> list[Input]:
    """A check of how the tests go out to workers (pagecheck/workers.py): the checker, and every
    test module of tests/, which it reads to find those that read every built page; the versions."""
    return [*CHECKER, *sorted((ROOT / "tests").glob("test_*.py")), *VERSIONS]


def kernel_self_test_inputs(item: pytest.Item) -> list[Input]:
    """The kernel check's own tests: their sample pages, the notebook maker and kernel driver, the versions."""
    return [ROOT / "tests" / "samples" / "notebook", *KERNELS, ROOT / "tests" / "docs.py", *VERSIONS]


def _source_and_html(language: str, page: Path) -> tuple[Path, Path]:
    """A docs page (``graph.md``, ``exercises/graph.ipynb``) of ``language`` and the HTML the build makes of it."""
    root = language_root(built()[0], language)
    stem = page.with_suffix("")
    html = root / "index.html" if stem.name == "index" else root / stem / "index.html"
    return DOCS / language / page, html


def _page_of_path(path: str) -> tuple[str, Path]:
    """The language and docs page of the URL path ``path`` (``en/detach/``)."""
    from tests.docs import LANGUAGES, notebooks, page_paths, pages

    every = [(language, page) for language in LANGUAGES for page in pages(language) + notebooks(language)]
    return dict(zip(page_paths(), every))[path]


def built_page_inputs(item: pytest.Item) -> list[Input]:
    """A test that reads one built page (and its twin): their source pages and the snippets their
    notebooks carry, the built HTML, the files built beside it (its notebook), the configuration,
    the page format, the versions."""
    params = item.callspec.params
    language, page = _page_of_path(params["path"]) if "path" in params else (params["language"], Path(params["page"]))
    inputs: list[Input] = [ROOT / "mkdocs.yml", ROOT / "pageformat", *VERSIONS]
    for side in (language, "en" if language == "zh" else "zh"):
        source, html = _source_and_html(side, page)
        beside = [html] if html.parent == built()[0] else [html.parent]  # the home page's folder is the whole site
        inlined = snippet_modules(source.read_text(encoding="utf-8")) if source.suffix == ".md" else ()
        inputs += [source, *inlined, *map(in_build, beside)]
    return inputs
