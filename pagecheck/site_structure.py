"""Is every page wired into the site? The places a new page or chapter must be added to, checked.

Adding a chapter takes edits in several files; each check here names, in one sentence, the file
and what it lacks:

- every file under ``docs/<lang>/`` has its twin in every other language
  (:func:`twin_problems`);
- every page (Markdown or notebook) is in the ``nav`` of ``mkdocs.yml`` (:func:`nav_problems`);
- every ``nav_translations`` key is a nav title, and every nav title has a translation
  (:func:`translation_problems`);
- every chapter is listed on the home page of every language and has an exercise notebook,
  ``exercises/<chapter>.ipynb``, in every language (:func:`chapter_problems`).

A chapter is a page at the top level of the nav, except the pages in :data:`NOT_CHAPTERS`.
:func:`structure_problems` runs every check on a site folder (the repository, or a planted
sample under ``tests/samples/structure/``).
"""

import re
from pathlib import Path

import yaml

CONFIG = "mkdocs.yml"
PAGE_SUFFIXES = (".md", ".ipynb")
NOT_CHAPTERS = ("index.md", "errors.md", "glossary.md", "corrections.md")  # the home page and the reference pages
EXERCISES = "exercises"
_NOT_A_CHAPTER = "; a page that is not a chapter belongs in NOT_CHAPTERS in pagecheck/site_structure.py"


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


def twin_problems(root: Path, locales: list[str]) -> list[str]:
    """A sentence for each file of one language whose twin in another language is missing."""
    files = {locale: language_files(root, locale) for locale in locales}
    return [
        f"docs/{locale}/{name} has no twin docs/{other}/{name}"
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


def structure_problems(root: Path) -> list[str]:
    """Every check above on the site whose ``mkdocs.yml`` is in ``root``: one sentence per problem, none when complete."""
    config = read_config(root)
    locales = [language["locale"] for language in i18n_languages(config)]
    return (
        twin_problems(root, locales)
        + nav_problems(root, config, locales)
        + translation_problems(config)
        + chapter_problems(root, config, locales)
    )
