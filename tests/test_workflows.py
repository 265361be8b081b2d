"""The publish workflow deploys only a commit whose tests passed (.github/workflows/)."""

import yaml

from tests.docs import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict:
    """A workflow file as data; PyYAML reads the key ``on`` as True, put back as ``on``."""
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def upstream(jobs: dict, name: str) -> set[str]:
    """``name`` and every job it needs, directly or not."""
    needs = jobs[name].get("needs", [])
    needs = [needs] if isinstance(needs, str) else needs
    return {name}.union(*(upstream(jobs, need) for need in needs))


def test_the_test_workflow_runs_the_whole_suite_on_every_push():
    test = workflow("test.yml")
    assert "push" in test["on"]
    assert any(step.get("run") == "make test" for job in test["jobs"].values() for step in job["steps"])


def test_publishing_waits_for_the_tests_of_main_to_pass():
    publish, test = workflow("pages.yml"), workflow("test.yml")
    assert list(publish["on"]) == ["workflow_run"]  # no push trigger that would race the tests
    trigger = publish["on"]["workflow_run"]
    assert trigger["workflows"] == [test["name"]]
    assert trigger["types"] == ["completed"] and trigger["branches"] == ["main"]
    deploying = [name for name, job in publish["jobs"].items() if any("deploy-pages" in step.get("uses", "") for step in job["steps"])]
    assert deploying
    for name in deploying:
        guards = [publish["jobs"][job].get("if", "") for job in upstream(publish["jobs"], name)]
        assert any("github.event.workflow_run.conclusion == 'success'" in guard for guard in guards), name


def test_publishing_builds_the_commit_that_was_tested():
    publish = workflow("pages.yml")
    checkouts = [step for job in publish["jobs"].values() for step in job["steps"] if step.get("uses", "").startswith("actions/checkout")]
    assert checkouts
    assert all(step.get("with", {}).get("ref") == "${{ github.event.workflow_run.head_sha }}" for step in checkouts)


def test_each_published_build_offers_the_offline_copy():
    steps = [step for job in workflow("pages.yml")["jobs"].values() for step in job["steps"]]
    runs = " ".join(step.get("run", "") for step in steps).split()
    assert runs.index("offline") > runs.index("build")  # zipped into site/ after the site is built
    assert any(step.get("with", {}).get("path") == "site/autograd-guide-offline.zip" for step in steps)
