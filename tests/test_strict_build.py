"""The suite builds the site exactly as publishing does: a warning MkDocs counts fails the suite, with MkDocs' own words.

The site's own build is reported by one test here; when it fails, the tests that read the built
site are skipped, pointing at it (tests/conftest.py). The rest is planted on a bare skeleton of the
site's configuration (the same plugins and hooks, one page per language), built by the same
command the suite's build uses.
"""

from pathlib import Path

import pytest

from resultcache.plugin import declare
from tests.bench import skeleton_config
from tests.result_inputs import skeleton_build_inputs
from tests.site_build import BUILD_MARK, build_command, build_problems, problems_of_each, start_build
from tests.docs import write_config

import yaml

PLANTED_HOOK = '''\
import logging

log = logging.getLogger("mkdocs.plugins.planted")


def on_post_build(config):
    log.warning("a warning planted by the suite's self-test")
'''


def built(config: Path, site: Path) -> str:
    """Build ``config`` as the suite builds the site; what MkDocs said if it failed."""
    return build_problems(start_build(build_command(site, config)))


def planted(folder: Path, change) -> Path:
    """The skeleton's configuration with ``change`` applied to it."""
    path = skeleton_config(folder)
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(config, folder)
    return write_config(config, folder)


def test_the_site_builds_as_publishing_does(site_build):
    if site_build.failure:
        pytest.fail(site_build.failure, pytrace=False)


@declare(skeleton_build_inputs)
def test_the_skeleton_builds(tmp_path):
    assert built(skeleton_config(tmp_path / "skeleton"), tmp_path / "site") == ""


@declare(skeleton_build_inputs)
def test_a_warning_from_a_hook_fails_the_build(tmp_path):
    def hook_that_warns(config, folder):
        (folder / "planted_hook.py").write_text(PLANTED_HOOK, encoding="utf-8")
        config["hooks"] = [*config.get("hooks", []), str(folder / "planted_hook.py")]

    problems = built(planted(tmp_path / "skeleton", hook_that_warns), tmp_path / "site")
    assert "a warning planted by the suite's self-test" in problems, problems
    assert "Aborted with 1 warnings in strict mode!" in problems, problems


@declare(skeleton_build_inputs)
def test_a_nav_entry_to_a_missing_file_fails_the_build_and_names_it(tmp_path):
    def nav_to_nowhere(config, folder):
        config["nav"].append({"Nowhere": "no-such-page.md"})

    problems = built(planted(tmp_path / "skeleton", nav_to_nowhere), tmp_path / "site")
    assert "no-such-page.md" in problems and "not found in the documentation files" in problems, problems


def test_the_lines_of_each_of_the_two_builds_are_told_apart():
    output = "\n".join([
        f"{BUILD_MARK} site", "INFO    -  Building documentation...", "WARNING -  a planted warning",
        "Aborted with 1 warnings in strict mode!", f"{BUILD_MARK} site failed", f"{BUILD_MARK} offline",
        "INFO    -  Documentation built",
    ])
    assert problems_of_each(output, 1) == (["WARNING -  a planted warning", "Aborted with 1 warnings in strict mode!"], [])
    assert problems_of_each(output.replace(f"{BUILD_MARK} site failed\n", ""), 0) == ([], [])
    died = "Traceback (most recent call last):\nModuleNotFoundError: No module named 'mkdocs'"
    assert problems_of_each(died, 1) == (died.splitlines(), died.splitlines())
