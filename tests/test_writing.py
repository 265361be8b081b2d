"""The pages' words as a Chinese engineer writes them: AutoCorrect has nothing to change in either
language (spaces between Chinese and Latin text, full-width punctuation), and Chinese prose and
comments use the Chinese punctuation and “” quotes that AutoCorrect leaves to pagelint.punctuation."""

import itertools
import re
from pathlib import Path

import pytest

from pagelint.copywriting import autocorrected, copywriting_problems
from pagelint.prose import Line, masked, notebook_lines, page_comments, page_prose
from pagelint.punctuation import ASCII_BESIDE_CHINESE, punctuation_problems
from resultcache.plugin import declare
from tests.docs import DOCS, ROOT, fail_with, notebooks, pages
from tests.result_inputs import written_page_inputs

PLANTED = Path("tests/samples/writing")


def read(path: Path, name: str) -> list[Line]:
    """The lines the writing checks read: prose as it renders and code comments, of a page or a notebook."""
    if path.suffix == ".ipynb":
        return notebook_lines(path, name, keep_code=True)
    text = path.read_text(encoding="utf-8")
    return page_prose(text, name, keep_code=True) + page_comments(text, name)


def site(language: str) -> list[Path]:
    """Every page and exercise notebook of one language, relative to the repository."""
    return [(DOCS / language / page).relative_to(ROOT) for page in pages(language) + notebooks(language)]


@declare(written_page_inputs)
@pytest.mark.parametrize("page", site("zh") + site("en"), ids=str)
def test_autocorrect_has_nothing_to_change(page):
    fail_with(copywriting_problems(read(ROOT / page, str(page))))


@declare(written_page_inputs)
@pytest.mark.parametrize("page", site("zh"), ids=str)
def test_chinese_prose_and_comments_use_chinese_punctuation(page):
    fail_with(punctuation_problems(read(ROOT / page, str(page))))


def planted(name: str) -> list[str]:
    """What both writing checks say about a planted zh page or notebook: punctuation first."""
    lines = read(PLANTED / name, str(PLANTED / name))
    return punctuation_problems(lines) + copywriting_problems(lines)


def test_a_page_in_full_width_punctuation_passes():
    assert planted("clean.md") == []


def test_missing_spaces_fail_in_prose_headings_admonitions_and_comments_but_not_in_code_or_quotations():
    page = "tests/samples/writing/spacing.md"
    assert planted("spacing.md") == [
        f"{page}:1: AutoCorrect wants '# 第 2 章的空格' for '# 第2章的空格'",
        f"{page}:3: AutoCorrect wants '对 `x` 调用 backward' for '对`x`调用backward'",
        f"{page}:3: AutoCorrect wants 'x.grad 是一个 3 维张量。' for 'x.grad是一个3维张量。'",
        f"{page}:5: AutoCorrect wants '\"提示 Note\"' for '\"提示Note\"'",
        f"{page}:6: AutoCorrect wants '正文也查：见 detach 一章，在 $x = 3$ 处的导数。' for '正文也查：见detach一章，在$x = 3$处的导数。'",
        f"{page}:10: AutoCorrect wants '叶子张量 x，需要梯度' for '叶子张量x，需要梯度'",
    ]


def test_ascii_punctuation_in_a_code_comment_fails_in_an_admonition_too():
    page = "tests/samples/writing/comment_ascii.md"
    assert planted("comment_ascii.md") == [
        f"{page}:8: AutoCorrect wants '前向传播：从叶子节点出发，新建一张计算' for '前向传播:从叶子节点出发,新建一张计算'",
        f"{page}:18: AutoCorrect wants '剥离之后：不在图里' for '剥离之后:不在图里'",
    ]


def test_the_commas_and_question_marks_the_punctuation_check_retired_fail_by_autocorrect():
    page = "tests/samples/writing/retired_punctuation.md"
    assert punctuation_problems(read(PLANTED / "retired_punctuation.md", page)) == []
    assert planted("retired_punctuation.md") == [
        f"{page}:3: AutoCorrect wants '叶子张量，需要梯度。' for '叶子张量,需要梯度。'",
        f"{page}:5: AutoCorrect wants '梯度是多少？要看计算图。' for '梯度是多少?要看计算图。'",
        f"{page}:7: AutoCorrect wants '前向传播：从叶子出发。' for '前向传播:从叶子出发。'",
        f"{page}:9: AutoCorrect wants '这样就完成了！接着看下一节' for '这样就完成了!接着看下一节'",
        f"{page}:11: AutoCorrect wants 'backward，梯度就写进 ' for 'backward,梯度就写进 '",
        f"{page}:13: AutoCorrect wants '读到的结果：一个标量。' for '读到的结果: 一个标量。'",
    ]


def test_the_ascii_punctuation_autocorrect_leaves_fails():
    page = "tests/samples/writing/ascii_punctuation.md"
    assert planted("ascii_punctuation.md") == [
        f"{page}:3: ASCII punctuation beside Chinese: 叶子张量;需要梯度。",
        f"{page}:5: ASCII punctuation beside Chinese: 叶子张量(leaf tensor)需要梯度。",
        f"{page}:7: ASCII punctuation beside Chinese: 前向传播:x 是叶子。",
        f"{page}:9: ASCII punctuation beside Chinese: 调用 `backward()`,梯度就写进 `.grad`。",
    ]


def test_every_case_of_the_retired_rule_is_still_caught():
    """The hand-written rule before AutoCorrect came: each ASCII mark it caught, in each
    surrounding, is caught by AutoCorrect or by what is left of the rule."""
    retired = re.compile(r"[\u4e00-\u9fff][,;:?!(]|[,;][\u4e00-\u9fff]")
    before = ["梯度", "x", "x ", "`x.grad`", "1", ")", "）", "”", "“", "$x^2$", "**", "", " ", '"', "。", "《书名》"]
    after = ["梯度", "x", " x", "", " `x`", "`x.grad`", "“引”", "）", " 梯度", '"', "'x'", "1", "**粗**", "$x$", "。"]
    after += [",", "(", " ", "  梯度", "\t梯度", "《书名》"]
    cases = [b + mark + a for b, mark, a in itertools.product(before, ",;:?!(", after)]
    cases = [case for case in cases if retired.search(masked(case))]
    missed = [case for case in cases if autocorrected(case) == case and not ASCII_BESIDE_CHINESE.search(masked(case))]
    assert len(cases) > 150
    assert missed == []


def test_corner_quotes_fail():
    assert planted("corner_quotes.md") == [
        "tests/samples/writing/corner_quotes.md:5: 「」 quotes where the pages use “”: 上一章叫「计算图与自动微分」。"
    ]


def test_a_notebook_fails_in_its_markdown_and_its_comments():
    notebook = "tests/samples/writing/exercise.ipynb"
    assert planted("exercise.ipynb") == [
        f"{notebook} cell 1, line 3: 「」 quotes where the pages use “”: 对应「计算图」一章。",
        f"{notebook} cell 2, line 3: AutoCorrect wants '先预测，再运行；答案' for '先预测,再运行；答案'",
        f"{notebook} cell 3, line 3: AutoCorrect wants '叶子张量：自己创建的' for '叶子张量:自己创建的'",
    ]
