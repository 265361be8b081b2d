"""The site builds strictly, mirrors its languages and keeps its promises on the home page."""

import os
import re
import subprocess
import sys

import pytest
import yaml

from tests.docs import DOCS, LANGUAGES, ROOT, pages

PINNED_TORCH = re.search(r"^torch==(\S+)", (ROOT / "requirements.txt").read_text(), re.M).group(1)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site built once with ``mkdocs build --strict``."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return target


def test_every_page_is_built_in_both_languages(site):
    for page in pages("zh"):
        html = page.with_suffix("") / "index.html" if page.stem != "index" else page.with_suffix(".html")
        assert (site / html).is_file(), html
        assert (site / "en" / html).is_file(), html


def test_languages_mirror_each_other_file_for_file():
    zh = sorted(path.relative_to(DOCS / "zh") for path in (DOCS / "zh").rglob("*") if path.is_file())
    en = sorted(path.relative_to(DOCS / "en") for path in (DOCS / "en").rglob("*") if path.is_file())
    assert zh == en


def test_every_page_is_in_the_nav():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    in_nav = sorted(str(next(iter(entry.values()))) for entry in config["nav"])
    assert in_nav == sorted(str(page) for page in pages("zh"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_names_the_pinned_torch(language):
    home = (DOCS / language / "index.md").read_text(encoding="utf-8")
    assert f"torch {PINNED_TORCH}" in home
    assert set(re.findall(r"torch[ =]+(\d+\.\d+\.\d+)", home)) == {PINNED_TORCH}


def test_pages_load_nothing_from_other_hosts(site):
    remote = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""")
    offenders = [
        str(path.relative_to(site)) for path in site.rglob("*.html") if remote.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
