"""One term per concept: no page, exercise or code comment uses a word its glossary says to avoid.

The glossary entries list those words (pagelint/terms.py); planted pages prove the check fails."""

from pathlib import Path

import pytest

from pagelint.prose import Line, notebook_lines, page_comments, page_prose
from pagelint.terms import Term, read_glossary, term_problems, without_word_lists
from resultcache.plugin import declare
from tests.docs import DOCS, LANGUAGES, ROOT, fail_with, notebooks, pages
from tests.result_inputs import terms_inputs

PLANTED = Path("tests/samples/terms")


def page_lines(path: Path, language: str) -> list[Line]:
    """The prose and code comments of a page, its glossary's own lists of words left out."""
    text = path.read_text(encoding="utf-8")
    name = str(path.relative_to(ROOT) if path.is_absolute() else path)
    lines = page_prose(text, name) + page_comments(text, name)
    return without_word_lists(lines, language) if path.name == "glossary.md" else lines


@declare(terms_inputs)
@pytest.mark.parametrize(("language", "page"), [(language, page) for language in LANGUAGES for page in pages(language)], ids=str)
def test_pages_use_the_glossary_terms(language, page):
    terms = read_glossary(DOCS / language / "glossary.md", language)
    fail_with(term_problems(page_lines(DOCS / language / page, language), terms))


@declare(terms_inputs)
@pytest.mark.parametrize(("language", "notebook"), [(language, page) for language in LANGUAGES for page in notebooks(language)], ids=str)
def test_exercises_use_the_glossary_terms(language, notebook):
    terms = read_glossary(DOCS / language / "glossary.md", language)
    path = DOCS / language / notebook
    fail_with(term_problems(notebook_lines(path, str(path.relative_to(ROOT))), terms))


def planted(page: str, language: str) -> list[str]:
    """What the terms check says about a planted page, against the planted glossary."""
    terms = read_glossary(PLANTED / language / "glossary.md", language)
    path = PLANTED / language / page
    lines = notebook_lines(path, str(path)) if path.suffix == ".ipynb" else page_lines(path, language)
    return term_problems(lines, terms)


def test_a_glossary_entry_lists_the_words_to_avoid_and_what_others_say():
    terms = read_glossary(PLANTED / "zh" / "glossary.md", "zh")
    assert terms[1] == Term("term-sharing-storage", "共用存储", avoid=("共享存储", "共享内存"))
    assert terms[4] == Term("term-detaching", "剥离", also_called=("分离",))
    assert read_glossary(PLANTED / "en" / "glossary.md", "en")[0].avoid == ("leaf node", "leaf variable")


def test_a_glossary_may_list_the_words_it_avoids_in_its_entries_but_not_use_them_elsewhere():
    assert planted("glossary.md", "zh") == [
        "tests/samples/terms/zh/glossary.md:3: “要求梯度” where the glossary says “需要梯度” (glossary.md#term-requires-grad)"
    ]
    assert planted("glossary.md", "en") == []


def test_words_to_avoid_in_prose_headings_and_comments_fail_but_not_in_code_or_outputs():
    glossary = "tests/samples/terms/zh/page.md"
    assert planted("page.md", "zh") == [
        f"{glossary}:3: “要求梯度” where the glossary says “需要梯度” (glossary.md#term-requires-grad)",
        f"{glossary}:3: “叶子节点” where the glossary says “叶子张量” (glossary.md#term-leaf-tensor)",
        f"{glossary}:5: “非叶子节点” where the glossary says “非叶子张量” (glossary.md#term-non-leaf-tensor)",
        f"{glossary}:7: “共享存储” where the glossary says “共用存储” (glossary.md#term-sharing-storage)",
        f"{glossary}:12: “非叶子节点” where the glossary says “非叶子张量” (glossary.md#term-non-leaf-tensor)",
        f"{glossary}:12: “共享内存” where the glossary says “共用存储” (glossary.md#term-sharing-storage)",
    ]


def test_english_words_to_avoid_fail_in_any_case_and_in_the_plural():
    page = "tests/samples/terms/en/page.md"
    assert planted("page.md", "en") == [
        f"{page}:3: “Leaf Node” where the glossary says “leaf tensor” (glossary.md#term-leaf-tensor)",
        f"{page}:3: “leaf nodes” where the glossary says “leaf tensor” (glossary.md#term-leaf-tensor)",
        f"{page}:7: “leaf variable” where the glossary says “leaf tensor” (glossary.md#term-leaf-tensor)",
    ]


def test_words_to_avoid_in_an_exercise_notebook_fail_in_markdown_and_comments():
    notebook = "tests/samples/terms/zh/exercise.ipynb"
    assert planted("exercise.ipynb", "zh") == [
        f"{notebook} cell 1, line 3: “要求梯度” where the glossary says “需要梯度” (glossary.md#term-requires-grad)",
        f"{notebook} cell 2, line 4: “共享存储” where the glossary says “共用存储” (glossary.md#term-sharing-storage)",
    ]
