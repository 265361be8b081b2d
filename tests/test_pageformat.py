"""A page becomes a notebook a reader can run anywhere: prose Jupyter can show, outputs in place,
and the lesson code the page imports carried along."""

from pathlib import Path

from pageformat.blocks import Block
from pageformat.inline_snippets import REPOSITORY, snippet_imports, without_statements
from pageformat.jupyter_code import cell_code, without_echo
from pageformat.jupyter_markdown import jupyter_markdown
from pageformat.notebook import page_notebook, split_error
from tests.docs import DOCS


def test_site_markdown_becomes_markdown_jupyter_shows():
    prose = """## Leaves {#leaf-tensors}

See [leaves](graph.md#leaf-tensors) and [PyTorch](https://pytorch.org/docs/x.md).

!!! warning "Careful"

    Inside the admonition.

    Still inside.

After it.
"""
    assert jupyter_markdown(prose) == """## Leaves <a id="leaf-tensors"></a>

See [leaves](graph.ipynb#leaf-tensors) and [PyTorch](https://pytorch.org/docs/x.md).

> **Careful**
>
> Inside the admonition.
>
> Still inside.

After it."""


def test_prose_that_continues_an_admonition_stays_quoted():
    assert jupyter_markdown("\n    More inside.\n\nOutside.\n", indent="    ") == "> More inside.\n\nOutside."


def test_an_included_file_is_put_in_place():
    figure = next((REPOSITORY / "figures").glob("*.svg"))
    prose = f'<figure>\n--8<-- "figures/{figure.name}"\n</figure>\n'
    assert jupyter_markdown(prose) == f"<figure>\n{figure.read_text(encoding='utf-8').strip()}\n</figure>"


def test_an_error_block_splits_into_printed_text_and_the_exception():
    shown = "first\nUserWarning: careful\ntorch.autograd.gradcheck.GradcheckError: Jacobian mismatch,\nnumerical: 1"
    assert split_error(shown) == (
        "first\nUserWarning: careful\n",
        "GradcheckError",
        "Jacobian mismatch,\nnumerical: 1",
        "torch.autograd.gradcheck.GradcheckError: Jacobian mismatch,\nnumerical: 1",
    )


def test_lesson_code_travels_in_place_of_its_import():
    made = page_notebook(DOCS / "en" / "graph.md", "en").notebook
    code = [cell.source for cell in made.cells if cell.cell_type == "code"]
    module = (REPOSITORY / "snippets" / "graph.py").read_text(encoding="utf-8")
    assert without_statements(module, snippet_imports(module)).strip() in code
    first_use = next(index for index, source in enumerate(code) if "attribute_table(" in source and "def " not in source)
    assert code.index(without_statements(module, snippet_imports(module)).strip()) < first_use
    assert [statement for source in code for statement in snippet_imports(source)] == []


def test_a_page_without_lesson_code_carries_none(tmp_path: Path):
    page = tmp_path / "plain.md"
    page.write_text("# Plain\n\n```python\nprint(1)\n```\n\n```output\n1\n```\n", encoding="utf-8")
    made = page_notebook(page, "en").notebook
    assert [cell.cell_type for cell in made.cells] == ["markdown", "code"]
    assert made.cells[1].outputs[0].text == "1\n"


def test_a_cell_ends_a_value_jupyter_would_display_with_a_semicolon():
    assert without_echo('torch.manual_seed(0)  # 种子') == 'torch.manual_seed(0);  # 种子'
    assert without_echo('print("值")\nlabel = "标签"\nnn.Linear(\n    2, 1\n)') == 'print("值")\nlabel = "标签"\nnn.Linear(\n    2, 1\n);'
    assert without_echo('"标签" + str(1)') == '"标签" + str(1);'
    for unchanged in ('print("值")', "loss.backward()", "show_graph(y=y)", "x = f()", "f();", "for i in x:\n    f(i)"):
        assert without_echo(unchanged) == unchanged


def test_a_cell_that_needs_a_gpu_prints_the_page_s_reason_without_one():
    block = Block(code=None, shown=None, needs="cuda", reason="需要 CUDA GPU：没有时跳过")
    assert cell_code('g = torch.zeros(3, device="cuda")\n\ng.sum()\n', block) == (
        'if not torch.cuda.is_available():\n    print("需要 CUDA GPU：没有时跳过")\nelse:\n'
        '    g = torch.zeros(3, device="cuda")\n\n    g.sum()'
    )
