"""Chinese prose and code comments use Chinese punctuation and “” quotes, as a Chinese engineer writes them."""

from pathlib import Path

import pytest

from pagelint.prose import notebook_lines, page_comments, page_prose
from pagelint.punctuation import punctuation_problems
from tests.docs import DOCS, ROOT, fail_with, notebooks, pages

PLANTED = Path("tests/samples/writing")


@pytest.mark.parametrize("page", pages("zh"), ids=str)
def test_chinese_prose_and_comments_use_chinese_punctuation(page):
    path = DOCS / "zh" / page
    name = str(path.relative_to(ROOT))
    text = path.read_text(encoding="utf-8")
    fail_with(punctuation_problems(page_prose(text, name) + page_comments(text, name)))


@pytest.mark.parametrize("notebook", notebooks("zh"), ids=str)
def test_chinese_exercises_use_chinese_punctuation(notebook):
    path = DOCS / "zh" / notebook
    fail_with(punctuation_problems(notebook_lines(path, str(path.relative_to(ROOT)))))


def planted(name: str) -> list[str]:
    """What the punctuation check says about a planted zh page or notebook: prose and comments."""
    path = PLANTED / name
    if path.suffix == ".ipynb":
        return punctuation_problems(notebook_lines(path, str(path)))
    text = path.read_text(encoding="utf-8")
    return punctuation_problems(page_prose(text, str(path)) + page_comments(text, str(path)))


def test_a_page_in_full_width_punctuation_passes():
    assert planted("clean.md") == []


def test_ascii_punctuation_in_a_code_comment_fails_in_an_admonition_too():
    assert planted("comment_ascii.md") == [
        "tests/samples/writing/comment_ascii.md:8: ASCII punctuation beside Chinese: 前向传播:从叶子节点出发,新建一张计算图",
        "tests/samples/writing/comment_ascii.md:18: ASCII punctuation beside Chinese: 剥离之后:不在图里",
    ]


def test_corner_quotes_fail():
    assert planted("corner_quotes.md") == [
        "tests/samples/writing/corner_quotes.md:5: 「」 quotes where the pages use “”: 上一章叫「计算图与自动微分」。"
    ]


def test_a_notebook_fails_in_its_markdown_and_its_comments():
    notebook = "tests/samples/writing/exercise.ipynb"
    assert planted("exercise.ipynb") == [
        f"{notebook} cell 1, line 3: 「」 quotes where the pages use “”: 对应「计算图」一章。",
        f"{notebook} cell 2, line 3: ASCII punctuation beside Chinese: 先预测,再运行；答案默认折叠。",
        f"{notebook} cell 3, line 3: ASCII punctuation beside Chinese: 叶子张量:自己创建的",
    ]
