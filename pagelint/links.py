"""One page's links and anchors, checked without building the site.

The page (or each Markdown cell of an exercise notebook) is rendered with the Markdown extensions of ``mkdocs.yml`` (Python-Markdown, as MkDocs
renders it), and so is each page it links to: every relative link of the page must name a file of
its language folder, and an ``#anchor`` must be an id of the page it points at (a heading's
``{#anchor}``, a ``<span id>``). These are the links the author of a page writes; the links the
theme and the hooks add (nav, language switcher, download links) are checked on the built site by
tests/test_links.py, which reads every built page.
"""

import functools
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
from bs4 import BeautifulSoup

from .prose import numbered_lines
from .site_structure import page_text, place, read_config


@functools.lru_cache(maxsize=None)
def markdown_settings(root: Path) -> tuple[list, dict]:
    """The Markdown extensions of ``root/mkdocs.yml`` and their settings (shared: copy before changing them)."""
    extensions, settings = [], {}
    for entry in read_config(root).get("markdown_extensions", []):
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        extensions.append(name)
        if options:
            settings[name] = options
    return extensions, settings


@functools.lru_cache(maxsize=None)
def rendered(root: Path, path: Path) -> BeautifulSoup:
    """The HTML MkDocs makes of the Markdown page at ``path`` (its content, without the theme)."""
    return render(root, path.read_text(encoding="utf-8"))


def render(root: Path, text: str) -> BeautifulSoup:
    """The HTML MkDocs makes of the Markdown ``text``."""
    extensions, settings = markdown_settings(root)
    settings = {
        **settings,
        "pymdownx.snippets": {**settings.get("pymdownx.snippets", {}), "base_path": [str(root)]},
        "pymdownx.highlight": {**settings.get("pymdownx.highlight", {}), "use_pygments": False},  # code holds no link
    }
    html = markdown.Markdown(extensions=extensions, extension_configs=settings).convert(text)
    return BeautifulSoup(html, "html.parser")


@functools.lru_cache(maxsize=None)
def ids_of(root: Path, path: Path) -> frozenset[str]:
    """Every id a link may name with ``#anchor`` on the page at ``path``."""
    return frozenset(tag["id"] for tag in rendered(root, path).find_all(id=True))


def source_line(text: str, href: str) -> int:
    """The first line of the page, outside code blocks, that writes the link ``href``."""
    for number, line, fence in numbered_lines(text):
        if fence is None and (f"({href})" in line or f"({href} " in line or f'"{href}"' in line):
            return number
    return 1


def _twin_exists(root: Path, target: Path, language_folder: Path) -> bool:
    """Whether the missing ``target`` exists in another language folder: a missing twin, not a wrong link."""
    relative = target.relative_to(language_folder)
    return any((folder / relative).is_file() for folder in (root / "docs").iterdir() if folder.is_dir() and folder != language_folder)


def link_problems(root: Path, page: Path) -> list[str]:
    """A sentence for each link of ``page`` (a Markdown page or an exercise notebook under
    ``root/docs/<lang>/``) to a file or anchor that does not exist, naming ``file:line`` (a
    notebook's cell and line) and what to do."""
    name = page.relative_to(root).as_posix()
    language_folder = root / "docs" / page.relative_to(root / "docs").parts[0]
    problems = []
    for cell, text in page_text(page):
        html = rendered(root, page) if cell is None else render(root, text)
        for tag in html.find_all("a", href=True):
            href = tag["href"]
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//") or tag.get("class") == ["headerlink"]:
                continue
            target = page if not parts.path else Path(posixpath.normpath(page.parent / unquote(parts.path)))
            where = place(name, cell, source_line(text, href))
            if language_folder not in target.parents:
                problems.append(f"{where}: the link {href} leaves {language_folder.relative_to(root).as_posix()}/: link the page of the same language by its file name")
            elif not target.is_file() and _twin_exists(root, target, language_folder):
                continue  # a missing twin: the site's structure check names it, once
            elif not target.is_file():
                problems.append(
                    f"{where}: the link {href} points at {target.relative_to(root).as_posix()}, which does not exist: "
                    "link an existing page by its file name (graph.md), relative to this page"
                )
            elif parts.fragment and target.suffix == ".md" and unquote(parts.fragment) not in ids_of(root, target):
                problems.append(
                    f"{where}: the link {href} names #{parts.fragment}, which {target.relative_to(root).as_posix()} does not have: "
                    "use one of its headings' {#anchor}s"
                )
    return problems
