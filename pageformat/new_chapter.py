"""`make new-chapter NAME=<slug> ZH="<标题>" EN="<Title>"`: everything a new chapter needs, written at once.

Writes both pages (``docs/zh/<slug>.md``, ``docs/en/<slug>.md``) with a first section and its
block, the nav entry and its ``nav_translations`` title in mkdocs.yml, the exercises' nav entry,
a numbered entry with its exercises on both home pages, and both exercises as text
(``exercises/<lang>/<slug>.md``) with two exercise outlines; then writes the notebooks from the
text, runs the pages and the notebooks to store what they print (never typed), and confirms the
new twins' sections in docs/sections.lock (the tool wrote them to say the same). The checks pass
right after it: `make check PAGE=docs/zh/<slug>.md`.
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path

from pagelint.sections import confirm, lock_text, read_lock
from pagelint.site_structure import NOT_CHAPTERS, chapters, read_config

from .exercise_text import write_notebook

ROOT = Path(__file__).resolve().parent.parent
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PLACEHOLDER = "..."
CODE = """import torch

x = torch.ones(3, requires_grad=True)
y = (x * x).sum()
y.backward()
print(x.grad)"""
PAGE = {
    "zh": "# {title}\n\n本章讲什么，一两句话。\n\n## 第一个例子 {{#first-example}}\n\n对 `x * x` 求和再反向传播，`x.grad` 是 `2 * x`：\n\n",
    "en": "# {title}\n\nWhat the chapter covers, in a sentence or two.\n\n## A first example {{#first-example}}\n\nSum `x * x` and run the backward pass: `x.grad` is `2 * x`.\n\n",
}
HOME = {
    "zh": "{number}. [{title}]({slug}.md)：本章讲什么。\n    - [练习：{title}](exercises/{slug}.ipynb)\n",
    "en": "{number}. [{title}]({slug}.md): what the chapter covers.\n    - [Exercises: {title}](exercises/{slug}.ipynb)\n",
}
EXERCISE = {
    "zh": ("练习：{title}", "两道练习，对应[{title}](../{slug}.md)一章。", "练习 {number}：题目", "题目：要读者预测或写出什么。", "答案：为什么是这样。"),
    "en": ("Exercises: {title}", "Two exercises on the chapter [{title}](../{slug}.md).", "Exercise {number}: a title", "The task: what to predict or write.", "The answer: why it is so."),
}
SOLUTION_MARKDOWN = '+++ {"jupyter": {"source_hidden": true}, "tags": ["solution"]}'
SOLUTION_CODE = "---\njupyter:\n  outputs_hidden: true\n  source_hidden: true\ntags: [solution]\n---"


def page_text(language: str, title: str) -> str:
    """A new page: its H1, a sentence to replace, and a first section with a block whose output is still a placeholder."""
    return PAGE[language].format(title=title) + f"```python\n{CODE}\n```\n\n```output\n{PLACEHOLDER}\n```\n"


def exercise_text(language: str, title: str, slug: str) -> str:
    """The text of a new chapter's exercises: a link to the chapter, and two outlines, each a task, its code and a
    solution tagged ``solution``."""
    heading, intro, exercise, task, answer = EXERCISE[language]
    parts = [f"# {heading.format(title=title)}\n\n{intro.format(title=title, slug=slug)}\n"]
    for number in (1, 2):
        parts.append(
            f"+++\n\n## {exercise.format(number=number)}\n\n{task}\n\n```{{code-cell}}\nimport torch\n\nx = torch.ones({number + 1}, requires_grad=True)\n```\n\n"
            f"{SOLUTION_MARKDOWN}\n\n{answer}\n\n```{{code-cell}}\n{SOLUTION_CODE}\n(x * {number}).sum().backward()\nprint(x.grad)\n```\n"
        )
    return "---\njupytext:\n  notebook_metadata_filter: -all\n---\n\n" + "\n".join(parts)


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar, quoted when it holds ``: `` or starts with a character YAML reads otherwise."""
    return f'"{text}"' if ": " in text or text[:1] in "!&*[]{}#|>@`\"'%-?,:" else text


def add_to_config(text: str, slug: str, zh: str, en: str) -> str:
    """mkdocs.yml with the chapter after the last chapter of the nav, its exercises after the last
    exercises, and its English title at the end of ``nav_translations``."""
    lines = text.splitlines(keepends=True)
    config_nav = [index for index, line in enumerate(lines) if re.match(r"^  - .+: (?!(" + "|".join(map(re.escape, NOT_CHAPTERS)) + r")$)\S+\.md$", line)]
    exercises = [index for index, line in enumerate(lines) if re.match(r"^      - .+: exercises/\S+\.ipynb$", line)]
    translations = [index for index, line in enumerate(lines) if line.startswith(" " * 12) and re.match(r"^ {12}\S.*: ", line)]
    if not (config_nav and exercises and translations):
        raise SystemExit("mkdocs.yml: no chapter, exercises or nav_translations lines found where new-chapter expects them; add the entries by hand (README, Adding a page)")
    inserts = {
        config_nav[-1]: f"  - {yaml_scalar(zh)}: {slug}.md\n",
        exercises[-1]: f"      - {yaml_scalar(zh)}: exercises/{slug}.ipynb\n",
        translations[-1]: f"            {yaml_scalar(zh)}: {yaml_scalar(en)}\n",
    }
    for index in sorted(inserts, reverse=True):
        lines.insert(index + 1, inserts[index])
    return "".join(lines)


def add_to_home(text: str, language: str, slug: str, title: str) -> str:
    """The home page with a numbered entry for the chapter, and its exercises, after the last entry of its reading list."""
    lines = text.splitlines(keepends=True)
    entries = [index for index, line in enumerate(lines) if re.match(r"^\d+\. \[", line)]
    if not entries:
        raise SystemExit(f"docs/{language}/index.md has no numbered reading list; add the entry by hand (README, Adding a page)")
    end = entries[-1] + 1
    while end < len(lines) and lines[end].startswith("    - "):
        end += 1
    number = int(lines[entries[-1]].split(".")[0]) + 1
    lines.insert(end, HOME[language].format(number=number, title=title, slug=slug))
    return "".join(lines)


def run(command: list[str]) -> None:
    """Run a command in the repository, stopping with its status when it fails."""
    print("$", " ".join(command), flush=True)
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        raise SystemExit(f"`{' '.join(command)}` failed; the chapter's files are written, fix what it says and run it again")


def main(arguments: list[str]) -> int:
    """Write a new chapter (see the module's docstring)."""
    parser = argparse.ArgumentParser(prog="make new-chapter", usage='make new-chapter NAME=<slug> ZH="<标题>" EN="<Title>"')
    parser.add_argument("slug", help="the page's file name without .md: lower-case words joined by -")
    parser.add_argument("zh", help="the Chinese title (nav and H1)")
    parser.add_argument("en", help="the English title (nav_translations and H1)")
    options = parser.parse_args(arguments)
    slug, titles = options.slug, {"zh": options.zh.strip(), "en": options.en.strip()}
    if not SLUG.match(slug):
        parser.error(f"NAME={slug!r} is not lower-case words joined by -")
    if f"{slug}.md" in chapters(read_config(ROOT)) or any((ROOT / "docs" / language / f"{slug}.md").exists() for language in titles):
        parser.error(f"docs/zh/{slug}.md or docs/en/{slug}.md exists already")
    written = []
    for language, title in titles.items():
        for path, text in (
            (Path("docs", language, f"{slug}.md"), page_text(language, title)),
            (Path("exercises", language, f"{slug}.md"), exercise_text(language, title, slug)),
            (Path("docs", language, "index.md"), add_to_home((ROOT / "docs" / language / "index.md").read_text(encoding="utf-8"), language, slug, title)),
        ):
            (ROOT / path).parent.mkdir(parents=True, exist_ok=True)
            (ROOT / path).write_text(text, encoding="utf-8")
            written.append(path)
        written.append(write_notebook(Path("exercises", language, f"{slug}.md")).relative_to(ROOT))
    config = ROOT / "mkdocs.yml"
    config.write_text(add_to_config(config.read_text(encoding="utf-8"), slug, titles["zh"], titles["en"]), encoding="utf-8")
    written.append(Path("mkdocs.yml"))
    python = sys.executable
    run([python, "-m", "pytest", f"docs/zh/{slug}.md", f"docs/en/{slug}.md", "--refresh-outputs", "-q", "-n", "0", "--no-header"])
    kernels = [f"tests/test_exercises.py::test_cells_print_what_the_notebook_shows[{language}/exercises/{slug}.ipynb]" for language in titles]
    run([python, "-m", "pytest", *kernels, "--refresh-outputs", "-q", "-n", "0", "--no-header"])
    lock_path = ROOT / "docs" / "sections.lock"
    lock, _ = confirm(ROOT / "docs", f"{slug}.md", None, read_lock(lock_path))
    lock_path.write_text(lock_text(lock), encoding="utf-8")
    written.append(Path("docs/sections.lock"))
    print("wrote " + ", ".join(path.as_posix() for path in written))
    print(f"next: replace the placeholder prose and exercises, then `make check PAGE=docs/zh/{slug}.md`")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
