"""Is every page wired into the site? The places a new page or chapter must be added to, checked.

Adding a chapter takes edits in several files; each check here names, in one sentence, the file
and what it lacks:

- every file under ``docs/<lang>/`` has its twin in every other language
  (:func:`twin_problems`);
- every page (Markdown or notebook) is in the ``nav`` of ``mkdocs.yml`` (:func:`nav_problems`);
- every ``nav_translations`` key is a nav title, and every nav title has a translation
  (:func:`translation_problems`);
- every chapter is listed on the home page of every language and has an exercise notebook,
  ``exercises/<chapter>.ipynb``, in every language (:func:`chapter_problems`);
- one name per page: each page's H1 is its name (:func:`heading_problems`), and every link to a
  page without an ``#anchor``, on a page or in a notebook's Markdown cells, reads that name
  (:func:`link_problems`).

A page's name is its nav title (translated by ``nav_translations`` outside the default language),
after the titles of the nav sections it sits in, joined by :data:`NAME_SEPARATOR`: the chapter
``graph.md`` is 计算图与自动微分 / The computation graph and autograd, its exercises
``exercises/graph.ipynb`` 练习：计算图与自动微分 / Exercises: The computation graph and autograd.
The home page's H1 is the site's name instead (its nav title is 首页 / Home). A link's text is
compared with the name letter case aside (an English name may start a sentence or sit inside one)
and with its spaces and line breaks collapsed; code font is not allowed, since the nav and the H1
show the name as plain text.

A chapter is a page at the top level of the nav, except the pages in :data:`NOT_CHAPTERS`.
:func:`structure_problems` runs every check on a site folder (the repository, or a planted
sample under ``tests/samples/structure/``).
"""

import posixpath
import re
from pathlib import Path

import nbformat
import yaml

from .prose import numbered_lines

CONFIG = "mkdocs.yml"
PAGE_SUFFIXES = (".md", ".ipynb")
NOT_CHAPTERS = ("index.md", "errors.md", "glossary.md", "corrections.md")  # the home page and the reference pages
EXERCISES = "exercises"
HOME = "index.md"
NAME_SEPARATOR = {"zh": "："}  # between a section's title and a page's title; ": " in other languages
_H1 = re.compile(r"^# (?P<title>.+?)\s*$")
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\[\]]+)\]\((?P<target>[^\s()#:]+)(?:\s+\"[^\"]*\")?\)")
_NOT_A_CHAPTER = "; a page that is not a chapter belongs in NOT_CHAPTERS in pagelint/site_structure.py"


class _ConfigLoader(yaml.SafeLoader):
    """A YAML loader that reads mkdocs.yml's ``!ENV [NAME, default]`` as its default."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def read_config(root: Path) -> dict:
    """``root/mkdocs.yml`` as data, environment variables left at their defaults."""
    return yaml.load((root / CONFIG).read_text(encoding="utf-8"), Loader=_ConfigLoader)


def i18n_languages(config: dict) -> list[dict]:
    """The ``languages`` of the i18n plugin, the default language first."""
    plugin = next(entry["i18n"] for entry in config["plugins"] if isinstance(entry, dict) and "i18n" in entry)
    return sorted(plugin["languages"], key=lambda language: not language.get("default", False))


def nav_entries(nav: list) -> list[tuple[str, object]]:
    """Every ``(title, target)`` of the nav, sections included (their target is a list), in nav order."""
    entries = []
    for entry in nav:
        title, target = next(iter(entry.items()))
        entries.append((title, target))
        if isinstance(target, list):
            entries += nav_entries(target)
    return entries


def nav_pages(config: dict) -> list[str]:
    """Every file the nav names, those inside sections included."""
    return [str(target) for _, target in nav_entries(config["nav"]) if not isinstance(target, list)]


def chapters(config: dict) -> list[str]:
    """The chapters, in nav order: the top-level pages of the nav, less :data:`NOT_CHAPTERS`."""
    top = [target for entry in config["nav"] for target in entry.values()]
    return [target for target in top if isinstance(target, str) and target not in NOT_CHAPTERS]


def language_files(root: Path, locale: str) -> set[str]:
    """Every file under ``docs/<locale>/``, relative to that folder, with ``/`` separators."""
    folder = root / "docs" / locale
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def no_twin(page: str, twin: str) -> str:
    """The one sentence every check and command that needs a twin says when ``twin`` is missing."""
    return f"{page} has no twin {twin}: write it (the same code, the prose translated), or delete {page}"


def twin_problems(root: Path, locales: list[str]) -> list[str]:
    """A sentence for each file of one language whose twin in another language is missing."""
    files = {locale: language_files(root, locale) for locale in locales}
    return [
        no_twin(f"docs/{locale}/{name}", f"docs/{other}/{name}")
        for locale in locales
        for other in locales
        if other != locale
        for name in sorted(files[locale] - files[other])
    ]


def nav_problems(root: Path, config: dict, locales: list[str]) -> list[str]:
    """A sentence for each page (in any language) the nav of mkdocs.yml leaves out, named in the first language that has it."""
    in_nav = set(nav_pages(config))
    problems = []
    seen: set[str] = set()
    for locale in locales:
        for name in sorted(language_files(root, locale) - seen):
            seen.add(name)
            if name.endswith(PAGE_SUFFIXES) and name not in in_nav:
                problems.append(f"docs/{locale}/{name} is not in the nav of {CONFIG}")
    return problems


def translation_problems(config: dict) -> list[str]:
    """A sentence for each ``nav_translations`` key that is no nav title, and each nav title a language does not translate."""
    titles = list(dict.fromkeys(title for title, _ in nav_entries(config["nav"])))
    problems = []
    for language in i18n_languages(config)[1:]:
        translations = language.get("nav_translations", {})
        problems += [f"nav_translations key {key!r} in {CONFIG} matches no nav title" for key in translations if key not in titles]
        problems += [
            f"nav title {title!r} in {CONFIG} has no {language['locale']!r} title under nav_translations"
            for title in titles
            if title not in translations
        ]
    return problems


def home_lists(home: str, page: str) -> bool:
    """Whether the home page's reading list has a numbered entry that links to ``page``: ``1. [Title](page)``."""
    return re.search(rf"^\d+\. \[[^\]\n]+\]\({re.escape(page)}\)", home, re.M) is not None


def chapter_problems(root: Path, config: dict, locales: list[str]) -> list[str]:
    """A sentence for each chapter a language's home page does not list, or that lacks its exercise notebook there."""
    problems = []
    for chapter in chapters(config):
        notebook = f"{EXERCISES}/{Path(chapter).with_suffix('.ipynb').as_posix()}"
        for locale in locales:
            home = root / "docs" / locale / "index.md"
            if home.is_file() and not home_lists(home.read_text(encoding="utf-8"), chapter):
                problems.append(f"docs/{locale}/index.md does not list the chapter {chapter} (a numbered line `1. [Title]({chapter})`){_NOT_A_CHAPTER}")
            if not (root / "docs" / locale / notebook).is_file():
                problems.append(f"docs/{locale}/{notebook} is missing: every chapter in the nav of {CONFIG} has an exercise notebook{_NOT_A_CHAPTER}")
    return problems


def page_names(config: dict, language: dict) -> dict[str, str]:
    """Each page of the nav and its name in ``language`` (an entry of :func:`i18n_languages`);
    a page whose title, or a section title above it, the language does not translate has none."""
    translations = language.get("nav_translations", {}) if not language.get("default", False) else None
    separator = NAME_SEPARATOR.get(language["locale"], ": ")
    names: dict[str, str] = {}

    def walk(nav: list, sections: list[str]) -> None:
        for entry in nav:
            title, target = next(iter(entry.items()))
            title = title if translations is None else translations.get(title)
            if title is None:
                continue
            if isinstance(target, list):
                walk(target, sections + [title])
            else:
                names[str(target)] = separator.join(sections + [title])

    walk(config["nav"], [])
    return names


def page_text(path: Path) -> list[tuple[int | None, str]]:
    """The Markdown of a page as ``(cell, text)``: the whole page (cell ``None``), or each Markdown
    cell of a notebook with its number."""
    if path.suffix != ".ipynb":
        return [(None, path.read_text(encoding="utf-8"))]
    cells = nbformat.read(path, as_version=4).cells
    return [(index, cell.source) for index, cell in enumerate(cells, 1) if cell.cell_type == "markdown"]


def place(name: str, cell: int | None, line: int) -> str:
    """Where a line is: ``docs/zh/graph.md:12``, or ``docs/zh/exercises/graph.ipynb cell 2, line 1``."""
    return f"{name}:{line}" if cell is None else f"{name} cell {cell}, line {line}"


def _outside_fences(text: str) -> str:
    """The text with every line inside a fenced block, and the fence lines, blanked (line numbers kept)."""
    return "\n".join("" if fence is not None or line.lstrip(" \t>").startswith(("```", "~~~")) else line for _, line, fence in numbered_lines(text))


def first_heading(path: Path, name: str) -> tuple[str, str] | None:
    """The page's H1 (outside code blocks) as ``(place, title)``, or ``None`` when it has none."""
    for cell, text in page_text(path):
        for number, line in enumerate(_outside_fences(text).splitlines(), 1):
            found = _H1.match(line)
            if found:
                return place(name, cell, number), found["title"]
    return None


def heading_problems(root: Path, config: dict) -> list[str]:
    """A sentence for each page, in each language, whose H1 is not its name (the home page aside)."""
    problems = []
    for language in i18n_languages(config):
        locale = language["locale"]
        for page, expected in page_names(config, language).items():
            path = root / "docs" / locale / page
            if page == HOME or not path.is_file():
                continue
            found = first_heading(path, f"docs/{locale}/{page}")
            if found is None:
                problems.append(f"docs/{locale}/{page} has no H1 line; it should read “# {expected}”, the page's name in {CONFIG}")
            elif found[1] != expected:
                problems.append(f"{found[0]}: the H1 reads “{found[1]}” where the page's name in {CONFIG} is “{expected}”")
    return problems


def links_to_pages(text: str, page: str) -> list[tuple[int, str, str]]:
    """Every Markdown link of ``text`` (a page or a notebook cell at ``page``) to a file of the site
    without an ``#anchor``, outside code blocks: ``(line, text, target page)``, the target resolved
    from the page's folder; images, anchors and addresses with a scheme are not links to a page."""
    prose = _outside_fences(text)
    folder = posixpath.dirname(page)
    return [
        (prose.count("\n", 0, link.start()) + 1, " ".join(link["text"].split()), posixpath.normpath(posixpath.join(folder, link["target"])))
        for link in _LINK.finditer(prose)
    ]


def link_problems(root: Path, config: dict) -> list[str]:
    """A sentence for each link to a page without an anchor, on a page or in a notebook, whose text is not that page's name."""
    problems = []
    for language in i18n_languages(config):
        locale = language["locale"]
        names = page_names(config, language)
        folder = root / "docs" / locale
        for path in sorted(folder.rglob("*")):
            if path.suffix not in PAGE_SUFFIXES:
                continue
            page = path.relative_to(folder).as_posix()
            for cell, text in page_text(path):
                for line, words, target in links_to_pages(text, page):
                    expected = names.get(target)
                    if expected is not None and words.casefold() != expected.casefold():
                        where = place(f"docs/{locale}/{page}", cell, line)
                        problems.append(f"{where}: the link to {target} reads “{words}” where the page's name in {CONFIG} is “{expected}”")
    return problems


def structure_problems(root: Path) -> list[str]:
    """Every check above on the site whose ``mkdocs.yml`` is in ``root``: one sentence per problem, none when complete."""
    config = read_config(root)
    locales = [language["locale"] for language in i18n_languages(config)]
    return (
        twin_problems(root, locales)
        + nav_problems(root, config, locales)
        + translation_problems(config)
        + chapter_problems(root, config, locales)
        + heading_problems(root, config)
        + link_problems(root, config)
    )
