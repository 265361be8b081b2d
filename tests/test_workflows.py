"""The publishing jobs deploy only a commit whose tests passed (.github/workflows/ci.yml).

One workflow tests and publishes: on a push to main, the jobs that build and deploy the site need
the job that runs the whole suite, so they run on the same commit and only once it passed.
"""

import yaml

from tests.docs import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
ON_MAIN = "github.event_name == 'push' && github.ref == 'refs/heads/main'"


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


def runs(job: dict) -> list[str]:
    """The shell commands of a job's steps."""
    return [step["run"] for step in job["steps"] if "run" in step]


def uses(job: dict, action: str) -> bool:
    """Whether one of the job's steps uses ``action`` (``owner/name``)."""
    return any(step.get("uses", "").startswith(f"{action}@") for step in job["steps"])


def test_the_whole_suite_runs_on_every_push_and_pull_request():
    ci = workflow("ci.yml")
    assert {"push", "pull_request"} <= set(ci["on"])
    assert any("make test" in runs(job) for job in ci["jobs"].values())


def test_no_workflow_publishes_on_another_workflow_s_word():
    for path in WORKFLOWS.glob("*.yml"):
        assert "workflow_run" not in workflow(path.name)["on"], path.name  # it would run untested code with write tokens


def test_publishing_waits_for_the_suite_of_main_to_pass():
    jobs = workflow("ci.yml")["jobs"]
    deploying = [name for name, job in jobs.items() if uses(job, "actions/deploy-pages")]
    assert deploying
    for name in deploying:
        chain = [jobs[job] for job in upstream(jobs, name)]
        assert any("make test" in runs(job) for job in chain), name       # the suite runs before it
        assert any(job.get("if") == ON_MAIN for job in chain), name       # only for a push to main
        assert all(job.get("if", ON_MAIN) == ON_MAIN for job in chain), name  # and no always() past a failure


def test_publishing_builds_the_commit_that_was_tested():
    checkouts = [step for job in workflow("ci.yml")["jobs"].values() for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    assert all("ref" not in step.get("with", {}) for step in checkouts)  # each job checks out the commit of the run


def test_only_the_deploying_job_may_write():
    for path in WORKFLOWS.glob("*.yml"):
        data = workflow(path.name)
        assert data.get("permissions") == {}, path.name
        for name, job in data["jobs"].items():
            writes = {scope for scope, level in job.get("permissions", {}).items() if level == "write"}
            assert writes <= ({"pages", "id-token"} if uses(job, "actions/deploy-pages") else set()), (path.name, name)


def test_each_published_build_offers_the_offline_copy():
    steps = [step for job in workflow("ci.yml")["jobs"].values() for step in job["steps"]]
    commands = " ".join(step.get("run", "") for step in steps).split()
    assert commands.index("offline") > commands.index("build")  # zipped into site/ after the site is built
    assert any(step.get("with", {}).get("path") == "site/autograd-guide-offline.zip" for step in steps)


def test_the_drift_report_runs_weekly_and_on_demand_and_is_kept():
    drift = workflow("drift.yml")
    assert set(drift["on"]) == {"schedule", "workflow_dispatch"}
    (job,) = drift["jobs"].values()
    assert runs(job) == ["make drift TORCH=latest"]
    assert any(step.get("uses", "").startswith("actions/upload-artifact@") and step["with"]["path"] == "drift/" for step in job["steps"])
