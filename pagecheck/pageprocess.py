"""Each page runs in a child process of its own, forked from a warm process that imported torch once.

The warm process is multiprocessing's fork server, preloaded with :mod:`pagecheck.reader` (and
with it ``import torch`` and the checker, nothing more): what torch imports on first use is
still imported inside the page, as for a reader. It is started once per test process with a
fresh, random hash seed, as a reader's Python has. A second run of a page (refresh makes one
before writing anything) is forked from a second fork server, started under another hash seed
when a second run is first asked for, so that an output that hangs on the order of a set is
never written.

The checker (this side) never runs page code. It waits for each block's report with the
block's time limit, and it notices a child that ended before its page did, so that a block
that loops forever, ends its process or raises ``KeyboardInterrupt`` fails its own page only,
with or without pytest-xdist.
"""

import atexit
import contextlib
import functools
import multiprocessing
import multiprocessing.forkserver
import os
import random
import signal
import sys
import time
import types
from typing import Iterator, Optional
from unittest import mock

from .reports import BlockRun, PageRequest

PRELOAD = ["pagecheck.reader"]
_FORK_SERVER = multiprocessing.get_context("forkserver")
_FORK_SERVER.set_forkserver_preload(PRELOAD)


def read_page(connection, request: PageRequest) -> None:
    """The child's entry point: run the page (:func:`pagecheck.reader.read_page`, loaded by the fork server).

    Imported here only in the child, so that the test process never imports torch.
    """
    from .reader import read_page as run_the_page

    run_the_page(connection, request)


class PageEnded(Exception):
    """The page's process is gone: ``reason`` says why, ``line`` names the block it was running."""

    def __init__(self, reason: str, line: int):
        super().__init__(reason)
        self.reason = reason
        self.line = line


@functools.cache
def _hash_seed() -> int:
    """The hash seed of this test process's fork server, drawn when it first starts."""
    seed = random.randrange(1, 2**32)
    with mock.patch.dict(os.environ, PYTHONHASHSEED=str(seed)):
        multiprocessing.forkserver.ensure_running()
    atexit.register(_stop, multiprocessing.forkserver._forkserver)
    return seed


@functools.cache
def _second_fork_server() -> multiprocessing.forkserver.ForkServer:
    """The fork server of second runs, started under a hash seed other than the first one's.

    multiprocessing keeps one fork server per process; a second is another instance of its class,
    asked for a child in place of the first while that child starts (:func:`_forked_by`)."""
    server = multiprocessing.forkserver.ForkServer()
    server.set_forkserver_preload(PRELOAD)
    with mock.patch.dict(os.environ, PYTHONHASHSEED=str(_hash_seed() % (2**32 - 1) + 1)):
        server.ensure_running()
    atexit.register(_stop, server)
    return server


@contextlib.contextmanager
def _forked_by(server: multiprocessing.forkserver.ForkServer) -> Iterator[None]:
    """Start the forkserver children of the body's processes from ``server``."""
    with mock.patch.object(multiprocessing.forkserver, "connect_to_new_process", server.connect_to_new_process):
        yield


@contextlib.contextmanager
def _no_main_module() -> Iterator[None]:
    """Start children without the test runner's ``__main__``: multiprocessing would run it again in
    each child (the ``pytest`` script, say), and a page must find no module of the runner's there."""
    runner_main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = runner_main


def ending(status: Optional[int], whose: str) -> str:
    """How a process ended, in words: ``status`` as multiprocessing and subprocess give it
    (negative: the signal that killed it; None: unknown)."""
    if status is None:
        return f"ended {whose} process"
    if status < 0:
        return f"ended {whose} process with signal {signal.Signals(-status).name}"
    return f"ended {whose} process with exit status {status}"


def _stop(server: multiprocessing.forkserver.ForkServer) -> None:
    """Stop ``server`` and wait for it, so that the CPU time of the pages it ran counts as this process's children's."""
    server._stop()


class PageProcess:
    """A page running in its child process, and the reports it has sent so far."""

    def __init__(self, request: PageRequest, second_run: bool = False):
        self.runs: dict[int, BlockRun] = {}
        self.started: dict[int, float] = {}
        self.rewritten: Optional[tuple[str, ...]] = None
        self.ended: Optional[PageEnded] = None
        receiving, sending = multiprocessing.Pipe(duplex=False)
        _hash_seed()  # the first fork server starts under its own seed, before any child asks for it
        forking = _forked_by(_second_fork_server()) if second_run else contextlib.nullcontext()
        with forking, _no_main_module():
            self.process = _FORK_SERVER.Process(target=read_page, args=(sending, request), daemon=True)
            self.process.start()
        sending.close()
        self.connection = receiving

    def block_run(self, line: int, timeout: float) -> BlockRun:
        """The report of the block at ``line``, waiting at most ``timeout`` seconds from its start.

        Raises :class:`PageEnded` when this block or an earlier one timed out (the child is then
        stopped) or ended the child before reporting.
        """
        while line not in self.runs:
            if self.ended is not None:
                raise self.ended
            if line in self.started:
                left = self.started[line] + timeout - time.monotonic()
                if not self.connection.poll(max(left, 0)):
                    self.stop()
                    self.ended = PageEnded(f"timed out after {timeout:g} s", line)
                    continue
            if not self._receive():
                self.ended = PageEnded(self._how_it_ended(), line)
        return self.runs[line]

    def page_end(self) -> tuple[str, ...]:
        """The files the page rewrote in place, once every block has run (nothing if it ended early)."""
        while self.rewritten is None and self.ended is None:
            if not self._receive():
                break
        self.stop()
        return self.rewritten or ()

    def _receive(self) -> bool:
        """Take the next report; False when the child is gone."""
        try:
            message = self.connection.recv()
        except (EOFError, OSError):
            return False
        if message[0] == "started":
            self.started[message[1]] = message[2]
        elif message[0] == "ran":
            self.runs[message[1].line] = message[1]
        else:
            self.rewritten = message[1]
        return True

    def _how_it_ended(self) -> str:
        """Words for a child that ended while a block ran."""
        self.process.join(5)
        how = ending(self.process.exitcode, "the page's")
        return f"the block {how}; the rest of the page did not run"

    def stop(self) -> None:
        """End the child if it still runs, and release it."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()
