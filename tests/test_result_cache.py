"""The result cache (resultcache/) reuses a pass only while every input of the result is unchanged.

Two halves: the plugin runs a test again when its key changes, never reuses a failure, reuses a
page's blocks all or none, and turns off with one switch; and each kind of test's key changes
when any one of its declared inputs does, and declares everything its result reads.
"""

import os
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

import resultcache.digest
from resultcache.digest import Relative, digest
from resultcache.plugin import declare
from tests import result_inputs
from tests.docs import DOCS, ROOT

SAMPLE_TEST = '''
import json
from pathlib import Path

import pytest
from resultcache.plugin import declare

HERE = Path(__file__).parent


@declare(lambda item: [HERE / "data.json"])
def test_reads_data():
    assert json.loads((HERE / "data.json").read_text())["ok"]


@declare(lambda item: [HERE / "data.json"], together=True)
@pytest.mark.parametrize("step", [1, 2])
def test_step(step):
    assert json.loads((HERE / "data.json").read_text())["steps"] >= step


@declare(lambda item: [HERE / "data.json"])
def test_skips():
    pytest.skip("no GPU here")
'''


def run_sample(folder: Path, *options: str, environment: dict | None = None) -> dict[str, str]:
    """Run the sample tests in ``folder``; return each test's verbose status (PASSED, PASSED (cached), FAILED)."""
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "-p", "resultcache.plugin", *options],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(environment or {})},
    )
    return dict(re.findall(r"::(\S+) (PASSED \(cached\)|PASSED|FAILED|SKIPPED \(cached\)|SKIPPED)", run.stdout))


def plugin_inputs(item: pytest.Item) -> list:
    """The plugin's own tests read the plugin and run pytest."""
    return [ROOT / "resultcache", *result_inputs.VERSIONS]


@pytest.fixture
def sample(tmp_path) -> Path:
    (tmp_path / "test_sample.py").write_text(SAMPLE_TEST, encoding="utf-8")
    (tmp_path / "data.json").write_text('{"ok": true, "steps": 2}', encoding="utf-8")
    return tmp_path


@declare(plugin_inputs)
def test_a_pass_or_skip_is_reused_until_an_input_changes(sample):
    assert set(run_sample(sample).values()) == {"PASSED", "SKIPPED"}
    assert set(run_sample(sample).values()) == {"PASSED (cached)", "SKIPPED (cached)"}
    (sample / "data.json").write_text('{"ok": true, "steps": 2} ', encoding="utf-8")
    assert set(run_sample(sample).values()) == {"PASSED", "SKIPPED"}
    (sample / "test_sample.py").write_text(SAMPLE_TEST + "\n", encoding="utf-8")  # the test's own file is an input
    assert set(run_sample(sample).values()) == {"PASSED", "SKIPPED"}


@declare(plugin_inputs)
def test_a_failure_is_never_reused_and_tests_declared_together_run_together(sample):
    (sample / "data.json").write_text('{"ok": true, "steps": 1}', encoding="utf-8")
    ran = {"test_reads_data": "PASSED", "test_step[1]": "PASSED", "test_step[2]": "FAILED", "test_skips": "SKIPPED"}
    assert run_sample(sample) == ran
    assert run_sample(sample) == {**ran, "test_reads_data": "PASSED (cached)", "test_skips": "SKIPPED (cached)"}


@declare(plugin_inputs)
def test_one_switch_runs_everything(sample):
    run_sample(sample)
    assert set(run_sample(sample, "--no-result-cache").values()) == {"PASSED", "SKIPPED"}
    assert set(run_sample(sample, environment={"RESULT_CACHE": "off"}).values()) == {"PASSED", "SKIPPED"}
    assert set(run_sample(sample).values()) == {"PASSED (cached)", "SKIPPED (cached)"}


UNKNOWN_INPUTS_TEST = '''
from resultcache.plugin import InputsUnknown, declare


def unknown(item):
    raise InputsUnknown("what these inputs are read from failed to build")


@declare(unknown)
def test_reads_a_failed_build():
    pass
'''


@declare(plugin_inputs)
def test_a_test_whose_inputs_are_unknown_runs_every_time(tmp_path):
    (tmp_path / "test_sample.py").write_text(UNKNOWN_INPUTS_TEST, encoding="utf-8")
    assert run_sample(tmp_path) == run_sample(tmp_path) == {"test_reads_a_failed_build": "PASSED"}


def changed_key(inputs: list, changed) -> bool:
    """Whether the key of ``inputs`` changes when the content of ``changed`` (one of them) does."""
    before = digest(inputs, ROOT)
    if not isinstance(changed, str):
        real, changed = resultcache.digest.file_digest, getattr(changed, "path", changed)

        def edited(path: Path) -> bytes:
            return real(path) + (b"!" if path == changed or changed in path.parents else b"")

        with mock.patch.object(resultcache.digest, "file_digest", edited):
            after = digest(inputs, ROOT)
    else:
        after = digest([value + "!" if value is changed else value for value in inputs], ROOT)
    return before != after


class Item:
    """A stand-in for a pytest item: the file it belongs to and its parameters."""

    def __init__(self, test_file: Path, **params) -> None:
        self.path = test_file
        self.callspec = type("CallSpec", (), {"params": params})()


PAGE = DOCS / "en" / "graph.md"  # imports snippets modules and inlines figures
KINDS = {
    "page run": result_inputs.page_run_inputs(Item(PAGE)),
    "page notebook": result_inputs.page_notebook_inputs(Item(ROOT / "tests" / "test_page_notebooks.py", page="en/graph.md")),
    "exercise": result_inputs.exercise_inputs(Item(ROOT / "tests" / "test_exercises.py", exercise="en/exercises/graph.ipynb")),
    "skeleton build": result_inputs.skeleton_build_inputs(Item(ROOT / "tests" / "test_strict_build.py")),
    "lock": result_inputs.lock_inputs(Item(ROOT / "tests" / "test_lock.py")),
    "report self-test": result_inputs.report_self_test_inputs(Item(ROOT / "tests" / "test_messages.py")),
    "checker self-test": result_inputs.checker_self_test_inputs(Item(ROOT / "tests" / "test_figures.py")),
    "checker message": result_inputs.checker_message_inputs(Item(ROOT / "tests" / "test_messages.py")),
    "scheduling": result_inputs.scheduling_inputs(Item(ROOT / "tests" / "test_pagecheck.py")),
    "written page": result_inputs.written_page_inputs(Item(ROOT / "tests" / "test_writing.py", page=Path("docs/zh/graph.md"))),
    "terms": result_inputs.terms_inputs(Item(ROOT / "tests" / "test_terms.py", language="en", notebook=Path("exercises/graph.ipynb"))),
    "twins": result_inputs.twin_inputs(Item(ROOT / "tests" / "test_parity.py", page=Path("graph.md"))),
    "twins in step": result_inputs.twin_sync_inputs(Item(ROOT / "tests" / "test_translation_sync.py", page=Path("graph.md"))),
    "workflow audit": result_inputs.workflow_audit_inputs(Item(ROOT / "tests" / "test_zizmor.py")),
    "markdown hook": result_inputs.markdown_hook_inputs(Item(ROOT / "tests" / "test_inline_code.py", path=PAGE)),
    "docstring example": result_inputs.docstring_example_inputs(Item(ROOT / "snippets" / "training_loop.py")),
    "notebook rendering": result_inputs.notebook_rendering_inputs(
        Item(ROOT / "tests" / "test_notebook_cells.py", path=ROOT / "docs" / "en" / "exercises" / "graph.ipynb")
    ),
}


def kind_inputs(item: pytest.Item) -> list:
    """A proof that changing one input of a kind changes its key: that kind's inputs (the test
    digests them), how kinds declare them and how keys are worked out."""
    return [*KINDS[item.callspec.params["kind"]], ROOT / "tests" / "result_inputs.py", ROOT / "resultcache"]


@declare(kind_inputs)
@pytest.mark.parametrize(
    ("kind", "changed"),
    [(kind, changed) for kind, inputs in KINDS.items() for changed in inputs],
    ids=lambda value: str(value.relative_to(ROOT)) if isinstance(value, Path) else str(value).split("=")[0][:40],
)
def test_changing_any_one_input_changes_the_key(kind, changed):
    assert changed_key(KINDS[kind], changed)


def names(inputs: list) -> set[str]:
    return {str(value.relative_to(ROOT)) if isinstance(value, Path) else value.split("=")[0] for value in inputs}


VERSIONS = {"requirements.lock", "python", "torch"}


def test_a_page_run_is_keyed_on_its_page_snippets_figures_checker_and_versions():
    page = Item(PAGE)
    assert {
        "docs/en/graph.md", "figures/graph-first-example.svg", "snippets/autograd_graph.py", "snippets/graph_svg.py",
        "snippets/graph_layout.py", "pagecheck", "pageformat", "conftest.py", "tests/docs.py", *VERSIONS, "devices",
    } <= names([page.path, *result_inputs.page_run_inputs(page)])


def test_a_kernel_run_is_keyed_on_its_notebook_the_kernel_driver_and_versions():
    assert {"docs/en/graph.md", "snippets/graph.py", "tests/kernels.py", "tests/forked_kernels.py", "pageformat", "devices", *VERSIONS} <= names(KINDS["page notebook"])
    assert {"docs/en/exercises/graph.ipynb", "tests/kernels.py", "tests/forked_kernels.py", *VERSIONS} <= names(KINDS["exercise"])


def test_a_check_of_the_written_pages_is_keyed_on_the_pages_it_reads_and_not_the_others():
    assert names(KINDS["written page"]) >= {"docs/zh/graph.md", ".autocorrectrc", "pagelint", "pageformat", *VERSIONS}
    assert names(KINDS["terms"]) >= {"docs/en/exercises/graph.ipynb", "docs/en/glossary.md", "pagelint", *VERSIONS}
    assert names(KINDS["twins"]) >= {"docs/zh/graph.md", "docs/en/graph.md", "pagelint", *VERSIONS}
    every_page = {str(page.relative_to(ROOT)) for page in DOCS.rglob("*") if page.suffix in (".md", ".ipynb")}
    read = {kind: names(KINDS[kind]) & every_page for kind in ("written page", "terms", "twins")}
    assert read == {
        "written page": {"docs/zh/graph.md"},
        "terms": {"docs/en/exercises/graph.ipynb", "docs/en/glossary.md"},
        "twins": {"docs/zh/graph.md", "docs/en/graph.md"},
    }


def test_a_section_check_is_keyed_on_its_pages_rows_of_the_lock_and_not_the_others(tmp_path, monkeypatch):
    lock = tmp_path / "sections.lock"
    rows = "graph.md (top) aaaa bbbb\ngraph.md claim cccc dddd\ndetach.md (top) eeee ffff\n"
    monkeypatch.setattr(result_inputs, "DOCS", tmp_path)
    for page in ("zh/graph.md", "en/graph.md"):
        (tmp_path / page).parent.mkdir(exist_ok=True)
        (tmp_path / page).write_text("# Graph\n", encoding="utf-8")

    def key(text: str) -> str:
        lock.write_text(text, encoding="utf-8")
        return digest(result_inputs.twin_sync_inputs(Item(ROOT / "tests" / "test_translation_sync.py", page=Path("graph.md"))), ROOT)

    assert key(rows) == key(rows.replace("eeee", "0000")) == key("# a comment\n" + rows)
    assert key(rows) != key(rows.replace("cccc", "0000"))
    assert key(rows) != key(rows.replace("graph.md claim cccc dddd\n", ""))


def test_a_conversion_with_a_markdown_hook_is_keyed_on_the_page_its_figures_the_settings_and_the_hooks():
    assert {"docs/en/graph.md", "figures/graph-first-example.svg", "mkdocs.yml", "pagelint", "hooks", *VERSIONS} <= names(KINDS["markdown hook"])


def test_a_workflow_audit_is_keyed_on_the_workflows_and_the_planted_one():
    assert names(KINDS["workflow audit"]) >= {".github", "tests/samples/workflows", *VERSIONS}


def test_the_snippets_a_page_imports_are_followed_to_those_they_import():
    modules = result_inputs.snippet_modules("from snippets.graph_svg import graph_svg")
    assert {path.name for path in modules} == {"graph_svg.py", "autograd_graph.py", "graph_layout.py"}


def test_a_built_file_is_named_by_its_place_in_the_build_not_by_the_folder_it_was_built_in(tmp_path):
    for build in ("one", "two"):
        (tmp_path / build / "site").mkdir(parents=True)
        (tmp_path / build / "site" / "index.html").write_text("<p>same</p>", encoding="utf-8")
    one, two = (Relative(tmp_path / build / "site" / "index.html", tmp_path / build) for build in ("one", "two"))
    assert digest([one], ROOT) == digest([two], ROOT)
    (tmp_path / "two" / "site" / "index.html").write_text("<p>changed</p>", encoding="utf-8")
    assert digest([one], ROOT) != digest([two], ROOT)


def test_an_audit_is_keyed_on_the_html_and_the_css_and_js_it_loads(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "en" / "detach").mkdir(parents=True)
    page = site / "en" / "detach" / "index.html"
    page.write_text(
        '<link rel="stylesheet" href="../../assets/main.css"><script src="../../assets/bundle.js"></script>'
        '<script id="__config">{"search": "../../assets/worker.js"}</script><a href="https://example.org/x.js">',
        encoding="utf-8",
    )
    for name in ("main.css", "bundle.js", "worker.js", "unused.js"):
        (site / "assets" / name).write_text(name, encoding="utf-8")
    monkeypatch.setattr(result_inputs, "built", lambda: (site, tmp_path / "offline"))
    inputs = result_inputs.page_audit_inputs(Item(ROOT / "tests" / "browser" / "test_accessibility.py", path="en/detach/"))
    assert {str(built.path.relative_to(tmp_path)) for built in inputs if isinstance(built, Relative)} == {
        "site/en/detach/index.html", "site/assets/main.css", "site/assets/bundle.js", "site/assets/worker.js"
    }
    assert {"tests/browser", "requirements.lock", "chromium"} <= names([i for i in inputs if not isinstance(i, Relative)])
    assert [changed for changed in inputs if not changed_key(inputs, changed)] == []


def test_a_search_is_keyed_on_its_languages_pages_and_index_and_not_the_others(tmp_path, monkeypatch):
    site = tmp_path / "site"
    for page in ("index.html", "detach/index.html", "search/search_index.json", "en/index.html", "en/search/search_index.json", "assets/worker.js"):
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text(page, encoding="utf-8")
    monkeypatch.setattr(result_inputs, "built", lambda: (site, tmp_path / "offline"))
    inputs = {
        language: result_inputs.searching(language)(Item(ROOT / "tests" / "browser" / "test_search.py"))
        for language in ("zh", "en")
    }
    built = {language: {str(i.path.relative_to(site)) for i in found if isinstance(i, Relative)} for language, found in inputs.items()}
    assert built == {
        "zh": {"index.html", "detach/index.html", "search/search_index.json", "assets"},
        "en": {"en/index.html", "en/search/search_index.json", "assets"},
    }
    assert {"mkdocs.yml", "docs/en/errors.md", "tests/gallery.py", "chromium"} <= names([i for i in inputs["en"] if not isinstance(i, Relative)])
    assert [changed for changed in inputs["en"] if not changed_key(inputs["en"], changed)] == []


def test_a_test_of_one_languages_pages_is_keyed_on_them_and_the_assets_and_not_the_others(tmp_path, monkeypatch):
    site = tmp_path / "site"
    for page in ("index.html", "detach/index.html", "en/index.html", "en/detach/index.html", "assets/main.css"):
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text(page, encoding="utf-8")
    monkeypatch.setattr(result_inputs, "built", lambda: (site, tmp_path / "offline"))
    inputs = {
        language: result_inputs.built_language_inputs(Item(ROOT / "tests" / "test_notebook_site.py", language=language))
        for language in ("zh", "en")
    }
    built = {language: {str(i.path.relative_to(site)) for i in found if isinstance(i, Relative)} for language, found in inputs.items()}
    assert built == {"zh": {"index.html", "detach/index.html", "assets"}, "en": {"en/index.html", "en/detach/index.html", "assets"}}
    assert {"tests/docs.py", "tests/builtsite.py", *VERSIONS} <= names([i for i in inputs["en"] if not isinstance(i, Relative)])
    assert [changed for changed in inputs["en"] if not changed_key(inputs["en"], changed)] == []


def test_an_offline_search_is_keyed_on_its_languages_pages_and_index_and_not_the_others(tmp_path, monkeypatch):
    offline = tmp_path / "offline" / "autograd-guide"
    for page in ("index.html", "graph.html", "search/search_index.js", "en/index.html", "en/search/search_index.js", "assets/bundle.js"):
        (offline / page).parent.mkdir(parents=True, exist_ok=True)
        (offline / page).write_text(page, encoding="utf-8")
    monkeypatch.setattr(result_inputs, "built", lambda: (tmp_path / "site", offline))
    test_file = ROOT / "tests" / "browser" / "test_offline.py"
    inputs = {
        name: result_inputs.offline_inputs(Item(test_file, **params))
        for name, params in (("zh search", {"path": "graph.html"}), ("en search", {"path": "en/graph.html"}), ("opening", {}))
    }
    built = {name: {str(i.path.relative_to(offline)) for i in found if isinstance(i, Relative)} for name, found in inputs.items()}
    assert built == {
        "zh search": {"index.html", "graph.html", "search", "assets"},
        "en search": {"en/index.html", "en/search", "assets"},
        "opening": {"index.html", "graph.html", "assets"},
    }
    assert {"tests/browser", "chromium", *VERSIONS} <= names([i for i in inputs["zh search"] if not isinstance(i, Relative)])
    assert [changed for changed in inputs["zh search"] if not changed_key(inputs["zh search"], changed)] == []


def test_the_test_kinds_declare_their_inputs():
    from tests import test_exercises, test_page_notebooks
    from tests.browser import test_accessibility, test_every_page, test_features, test_search

    tests = [
        test_page_notebooks.test_cell_prints_what_the_page_shows,
        test_exercises.test_cells_print_what_the_notebook_shows,
        test_every_page.test_page_loads_cleanly_and_passes_axe_in_both_palettes,
    ]
    declared = [mark.kwargs["inputs"] for test in tests for mark in test.pytestmark if mark.name == declare(list).name]
    assert declared == [result_inputs.page_notebook_inputs, result_inputs.exercise_inputs, result_inputs.page_audit_inputs]
    browser_tests = [test for module in (test_accessibility, test_features, test_search) for name, test in vars(module).items() if name.startswith("test_")]
    assert [test.__name__ for test in browser_tests if not any(mark.name == declare(list).name for mark in test.pytestmark)] == []


def test_every_block_of_a_docs_page_is_declared_with_its_page_and_a_sample_page_is_not():
    """conftest.py gives each Sybil example under docs/ its page's inputs, the page's blocks together."""
    import conftest

    class Example(Item):
        example = parsed = None
        marks: list

        def add_marker(self, mark):
            self.marks.append(mark)

    blocks = [Example(PAGE), Example(ROOT / "tests" / "samples" / "must_pass" / "every_kind.md")]
    for block in blocks:
        block.marks = []
    conftest.pytest_collection_modifyitems(mock.Mock(getoption=lambda _: False), blocks)
    [mark] = blocks[0].marks
    assert mark.kwargs == {"inputs": result_inputs.page_run_inputs, "together": True}
    assert blocks[1].marks == []
