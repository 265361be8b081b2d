"""How long `make serve` takes to serve a page again after the page is saved.

`mkdocs serve` runs as the Makefile runs it, on a free port, on a copy of docs/ in a scratch
folder (the pages are never touched); the rest of the configuration is the repository's. Once
the first build is served, a line is appended to a page, and the page is fetched until it holds
that line: the latency is the time from the save to that response. The CPU seconds the server
spent meanwhile (read from /proc, where there is one) tell a slow rebuild from a busy machine.

Run on its own: ``python -m tests.serve_latency`` prints each save's latency.
"""

import os
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Optional


from tests.docs import DOCS, ROOT, site_config, write_config

PAGE = "en/glossary.md"
PAGE_URL = "en/glossary/"
SAVES = 3
START_TIMEOUT_S = 180
SAVE_TIMEOUT_S = 60
POLL_S = 0.02


@dataclass(frozen=True)
class Save:
    """One save of a page: seconds until it was served, and the server's CPU seconds meanwhile."""

    latency: float
    cpu: Optional[float]

    def __str__(self) -> str:
        cpu = "" if self.cpu is None else f" ({self.cpu:.2f} s CPU)"
        return f"{self.latency:.2f} s{cpu}"


def cpu_seconds(pid: int) -> Optional[float]:
    """The user + sys CPU seconds process ``pid`` has used, where /proc tells."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def serve_command() -> list[str]:
    """The command `make serve` runs, its mkdocs run from this interpreter."""
    recipe = subprocess.run(["make", "--dry-run", "serve"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    line = next(line for line in recipe.splitlines() if re.search(r"\bmkdocs serve\b", line))
    words = shlex.split(line)
    return [str(ROOT / ".venv" / "bin" / "mkdocs"), *words[words.index("serve") :]]


def free_port() -> int:
    """A TCP port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def scratch_config(folder: Path) -> Path:
    """mkdocs.yml reading a copy of docs/ in ``folder``; everything else stays the repository's."""
    shutil.copytree(DOCS, folder / "docs")
    config = site_config()
    config["docs_dir"] = str(folder / "docs")
    return write_config(config, folder)


def fetch(url: str) -> str:
    """The body of ``url``, or an empty string while nothing answers there."""
    try:
        with urllib.request.urlopen(url, timeout=SAVE_TIMEOUT_S) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return ""


def wait_for(url: str, text: str, timeout: float, server: subprocess.Popen, log: Path) -> float:
    """Seconds until ``url`` serves a page holding ``text``; fails after ``timeout`` or if ``server`` stops."""
    start = time.perf_counter()
    while text not in fetch(url):
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped:\n{log.read_text(encoding='utf-8')[-2000:]}")
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"{url} did not show {text!r} within {timeout} s")
        time.sleep(POLL_S)
    return time.perf_counter() - start


def saves(count: int = SAVES) -> list[Save]:
    """``count`` saves of a page, each timed from the save to `make serve` serving the saved page."""
    port = free_port()
    with tempfile.TemporaryDirectory() as scratch:
        config = scratch_config(Path(scratch))
        command = serve_command() + ["-f", str(config), "--dev-addr", f"127.0.0.1:{port}"]
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        log = Path(scratch) / "serve.log"
        with log.open("w", encoding="utf-8") as stderr:
            server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            url = f"http://127.0.0.1:{port}/{PAGE_URL}"
            wait_for(url, "</html>", START_TIMEOUT_S, server, log)
            time.sleep(1)  # let the watcher settle after the first build
            page = Path(config.parent, "docs", PAGE)
            timed = []
            for number in range(count):
                marker = f"serve-latency-marker-{number}-{time.time_ns()}"
                cpu_before = cpu_seconds(server.pid)
                with page.open("a", encoding="utf-8") as text:
                    text.write(f"\n{marker}\n")
                latency = wait_for(url, marker, SAVE_TIMEOUT_S, server, log)
                cpu_after = cpu_seconds(server.pid)
                timed.append(Save(latency, None if cpu_before is None else cpu_after - cpu_before))
                time.sleep(1)  # the next save starts from an idle server
            return timed
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    print(", ".join(str(save) for save in saves()))
