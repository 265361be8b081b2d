"""Jupyter kernels forked from a process that has already imported ipykernel and torch.

A kernel spends most of its start importing IPython and torch, about two seconds of CPU, and
the notebook tests start one kernel for every notebook. Here one *zygote* process imports them
once; each kernel is a fork of it, started as ``python -m ipykernel_launcher`` would be: in
the folder and with the environment Jupyter gives it, ``sys.path`` as a kernel has it (no
repository folder on it, so a notebook still cannot import the repository's code), and fresh,
unpredictable random generators (a fork would otherwise copy the zygote's). Every notebook
still runs in a kernel of its own that has run nothing of any other notebook.

Jupyter starts a kernel as a command and watches that process, so the kernel spec's command is
this file run as a small *client*: it asks the zygote for a fork, relays interrupt and stop
signals to it, and exits with its status. When the client dies, the zygote kills its fork.
"""

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

PRELOADED = ("ipykernel.kernelapp", "ipykernel.ipkernel", "numpy", "torch", "torch.optim", "torch._dynamo")
SPEC_NAME = "python3-forked"


def serve(address: str) -> None:
    """The zygote: import what every kernel needs, then fork a kernel for each client that asks."""
    import importlib
    import selectors

    for module in PRELOADED:
        importlib.import_module(module)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen()
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    children: dict[int, socket.socket] = {}
    while True:
        for key, _ in selector.select(timeout=0.05):
            if key.fileobj is listener:
                connection, _ = listener.accept()
                request = json.loads(connection.makefile().readline())
                pid = os.fork()
                if pid == 0:
                    listener.close()
                    connection.close()
                    _become_kernel(**request)
                children[pid] = connection
                connection.sendall(f"{pid}\n".encode())
                selector.register(connection, selectors.EVENT_READ, pid)
            elif not key.fileobj.recv(1):  # the client is gone: its kernel goes too
                with contextlib.suppress(ProcessLookupError):
                    os.kill(key.data, signal.SIGKILL)
                selector.unregister(key.fileobj)
        _reap(children, selector)


def _reap(children: dict, selector) -> None:
    """Tell each client whose kernel ended how it ended."""
    while children:
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            return
        connection = children.pop(pid)
        with contextlib.suppress(OSError, KeyError):
            connection.sendall(f"{os.waitstatus_to_exitcode(status)}\n".encode())
            selector.unregister(connection)
        connection.close()


def _become_kernel(argv: list[str], cwd: str, env: dict[str, str]) -> None:
    """In the fork: take the kernel's folder, environment and fresh random state, then run ipykernel."""
    import random

    import numpy
    import torch
    from ipykernel import kernelapp

    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    sys.argv = ["ipykernel_launcher", *argv, f"--IPKernelApp.parent_handle={os.getppid()}"]  # exit with the zygote
    torch.seed()
    numpy.random.seed()
    random.seed()
    try:
        kernelapp.launch_new_instance()
    finally:
        os._exit(0)


def client(address: str, argv: list[str]) -> int:
    """The kernel process Jupyter watches: a fork of the zygote runs the kernel; return its exit status."""
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    connection.connect(address)
    request = {"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)}
    connection.sendall((json.dumps(request) + "\n").encode())
    replies = connection.makefile()
    pid = int(replies.readline())
    for relayed in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(relayed, lambda number, _: os.kill(pid, number))
    status = replies.readline()
    return int(status) if status.strip() else 1


def kernel_spec(folder: Path, address: str) -> Path:
    """Write the spec of the forked kernel into ``folder``; return the folder that holds kernel specs."""
    spec = folder / "kernels" / SPEC_NAME
    spec.mkdir(parents=True)
    argv = [sys.executable, str(Path(__file__).resolve()), "client", address, "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "Python 3 (forked)", "language": "python", "interrupt_mode": "signal"}),
        encoding="utf-8",
    )
    return folder / "kernels"


@contextlib.contextmanager
def zygote() -> Iterator[Path]:
    """Run a zygote while the body runs; yield the folder of its kernel spec (``SPEC_NAME``)."""
    with tempfile.TemporaryDirectory(prefix="kernels-") as scratch:
        address = str(Path(scratch) / "zygote.sock")
        process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "serve", address], cwd=scratch, stdin=subprocess.DEVNULL
        )
        try:
            while not Path(address).exists():
                if process.poll() is not None:
                    raise RuntimeError(f"the kernel zygote exited with status {process.returncode}")
                time.sleep(0.05)
            yield kernel_spec(Path(scratch) / "spec", address)
        finally:
            process.kill()
            process.wait()


if __name__ == "__main__":
    if sys.path[0] == str(Path(__file__).resolve().parent):
        del sys.path[0]  # a kernel's sys.path holds no folder of this repository
    if sys.argv[1] == "serve":
        serve(sys.argv[2])
    sys.exit(client(sys.argv[2], sys.argv[3:]))
