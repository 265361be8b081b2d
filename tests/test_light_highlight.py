"""hooks/light_highlight.py leaves out only spans that look as plain text does, and keeps the code's text."""

import re
from pathlib import Path

import material
from bs4 import BeautifulSoup
from pygments import highlight
from pygments.formatters.html import HtmlFormatter
from pygments.lexers import PythonLexer
from pygments.lexers.special import OutputLexer

from tests.docs import ROOT

STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
SAMPLE = "import torch\nx = torch.ones(2, requires_grad=True)  # a leaf\nprint(x.grad is None)\n"


def theme_css() -> str:
    """Material's stylesheets and the site's own, as one text."""
    sheets = sorted(STYLESHEETS.glob("*.min.css")) + [ROOT / "overrides" / "assets" / "stylesheets" / "pages.css"]
    return "\n".join(sheet.read_text(encoding="utf-8") for sheet in sheets)


def rules_naming(css: str, css_class: str) -> list[str]:
    """The declarations of every CSS rule whose selector names ``.css_class``."""
    return [body for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css) if re.search(rf"\.{css_class}(?![\w-])", selector)]


def test_the_left_out_classes_look_as_plain_code():
    css = theme_css()
    assert rules_naming(css, "n") == ["color:var(--md-code-hl-name-color)"]
    assert set(re.findall(r"--md-code-hl-name-color:([^;}]+)", css)) == {"var(--md-code-fg-color)"}
    assert rules_naming(css, "w") == []
    assert rules_naming(css, "go") == ["color:var(--md-code-hl-generic-color)"]  # grey, but no Generic.Output is left to wear it


def test_the_hook_leaves_out_the_plain_spans_and_keeps_the_text(monkeypatch):
    import hooks.light_highlight as light  # noqa: PLC0415 (the hook patches Pygments when MkDocs starts it)

    before = highlight(SAMPLE, PythonLexer(), HtmlFormatter())
    monkeypatch.setattr(HtmlFormatter, "_get_css_classes", light._classes_of_styled_tokens)
    monkeypatch.setattr(HtmlFormatter, "_wrap_pre", light._pre_without_empty_span)
    after = highlight(SAMPLE, PythonLexer(), HtmlFormatter())
    output = highlight("tensor([1., 1.])\n", OutputLexer(), HtmlFormatter())
    classes = lambda html: {" ".join(span.get("class", [])) for span in BeautifulSoup(html, "html.parser").find_all("span")}  # noqa: E731
    assert {"n", "w", ""} <= classes(before)
    assert classes(after).isdisjoint({"n", "w", "go", ""})
    assert "kn" in classes(after) and "c1" in classes(after)
    assert BeautifulSoup(after, "html.parser").get_text() == BeautifulSoup(before, "html.parser").get_text()
    assert BeautifulSoup(output, "html.parser").find("span") is None
