"""zizmor, the static analyser for GitHub Actions, finds nothing in .github/ (offline, so no network).

Its configuration files are not read (``--no-config``): nothing can switch an audit off for a whole
file. A deliberate exception is an inline ``# zizmor: ignore[audit]`` comment on its line, with its reason.
"""

import json
import subprocess
import sys
from pathlib import Path

from resultcache.plugin import declare
from tests.docs import ROOT
from tests.result_inputs import workflow_audit_inputs

ZIZMOR = Path(sys.executable).parent / "zizmor"   # pinned in requirements.txt
UNSAFE = ROOT / "tests" / "samples" / "workflows" / "unsafe.yml"


def audit(path: Path) -> tuple[int, list[str]]:
    """zizmor's exit status on ``path`` (a file or a folder) and each finding as ``audit file:line``."""
    run = subprocess.run(
        [ZIZMOR, "--offline", "--no-config", "--no-progress", "--format", "json", path.relative_to(ROOT)],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )
    found = [
        f"{finding['ident']} {location['symbolic']['key']['Local']['verbatim_path']}:{location['concrete']['location']['start_point']['row'] + 1}"
        for finding in json.loads(run.stdout or "[]")
        for location in finding["locations"][:1]
    ]
    return run.returncode, found


@declare(workflow_audit_inputs)
def test_the_workflows_and_dependabot_config_have_no_finding():
    status, found = audit(ROOT / ".github")
    assert found == [] and status == 0, found


@declare(workflow_audit_inputs)
def test_zizmor_reports_a_workflow_pinned_by_tag_with_default_permissions():
    status, found = audit(UNSAFE)
    assert status != 0
    assert {finding.split()[0] for finding in found} == {"unpinned-uses", "excessive-permissions", "artipacked"}, found
