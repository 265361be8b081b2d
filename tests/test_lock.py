"""Every package installs from requirements.lock, pinned with its hashes: a file that does not match
its locked hash is refused (``pip install --require-hashes``, as ``make`` runs it)."""

import re
import subprocess
import sys
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from resultcache.plugin import declare
from tests.docs import ROOT
from tests.result_inputs import lock_inputs

pytestmark = declare(lock_inputs)

LOCK = ROOT / "requirements.lock"
ENTRY = re.compile(r"^(?P<pin>[\w.-]+==\S+)(?P<hashes>(?: \\\n +--hash=sha256:[0-9a-f]{64})+)", re.M)


def locked() -> dict[str, tuple[str, list[str]]]:
    """Each locked package, by canonical name: its pin (``name==version``) and its hashes."""
    entries = {}
    for entry in ENTRY.finditer(LOCK.read_text(encoding="utf-8")):
        name = canonicalize_name(entry["pin"].split("==")[0])
        entries[name] = (entry["pin"], re.findall(r"--hash=sha256:[0-9a-f]{64}", entry["hashes"]))
    return entries


def pip_accepts(pin: str, hashes: list[str], folder: Path) -> subprocess.CompletedProcess:
    """pip, in hash-checking mode, asked to install one locked entry (a dry run: nothing is installed)."""
    requirements = folder / "requirements.lock"
    requirements.write_text(f"{pin} {' '.join(hashes)}\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--no-deps",
         "--require-hashes", "--quiet", "--disable-pip-version-check", "-r", str(requirements)],
        capture_output=True, text=True, timeout=120, check=False,
    )


def test_make_installs_from_the_lock_in_hash_checking_mode():
    install = [line for line in (ROOT / "Makefile").read_text().splitlines() if "pip install" in line and "$(BIN)" in line]
    assert install and all("--require-hashes" in line and "-r requirements.lock" in line for line in install)


def test_every_requirement_is_locked_at_its_version_with_hashes():
    entries = locked()
    assert len(entries) == len(re.findall(r"^[\w.-]+==", LOCK.read_text(), re.M))  # every pin has hashes
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line.split("#")[0].strip():
            requirement = Requirement(line.split("#")[0])
            pin, _ = entries[canonicalize_name(requirement.name)]
            assert requirement.specifier.contains(Version(pin.split("==")[1])), pin


def test_torch_is_locked_as_its_cpu_build():
    assert locked()["torch"][0] == "torch==2.13.0+cpu"


def test_pip_installs_the_locked_torch_and_refuses_it_under_a_tampered_hash(tmp_path):
    pin, hashes = locked()["torch"]
    run = pip_accepts(pin, hashes, tmp_path)
    assert run.returncode == 0, run.stderr   # the wheel pip finds (here, the CPU wheel on disk) is the locked one
    tampered = [value[:-1] + ("0" if value[-1] != "0" else "1") for value in hashes]
    run = pip_accepts(pin, tampered, tmp_path)
    assert run.returncode != 0
    assert "THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE" in run.stderr, run.stderr
