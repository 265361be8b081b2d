"""The tests go out to pytest-xdist workers; a page's blocks stay together in one worker.

A page's blocks are the reports of one process that runs the page (:mod:`.pageprocess`), so all
of a page is checked in one worker, top to bottom (``--dist loadfile``). Page code never runs in
a worker, but any other test may still end one; xdist then starts a new worker and goes on.
Two things are added to xdist here:

- :class:`PageScheduling` does not hand the crashed test's module or page to the new worker
  (xdist's own ``loadfile`` scheduling runs the crashed test again, which crashes again, until it
  runs out of workers), nor any work to a new worker that has not collected yet;
- :func:`crash_report` words the failure with the worker's exit status or signal.

It also hands the browser tests out one by one, and the modules that read every built page to one
worker together.
"""

from typing import Optional

from xdist.scheduler import LoadFileScheduling

from .pageprocess import ending

SPREAD = ("tests/browser/",)  # tests handed out one by one rather than a module at a time
# The test modules that read every page of the built site go to one worker together: it parses the
# pages once (tests/builtsite.py keeps them parsed), where two workers would each parse them all.
SITE_READERS = tuple(
    f"tests/{module}.py"
    for module in ("test_links", "test_output_blocks", "test_notebook_site", "test_site", "test_weight", "test_licence", "test_edit_links")
)
READ_TOGETHER = "the modules that read every built page"


class PageScheduling(LoadFileScheduling):
    """``--dist loadfile`` that gives up a page whose block ended its worker, instead of running it again."""

    def remove_node(self, node) -> Optional[str]:
        """Forget ``node``; when it crashed, return the test it was running and drop the rest of its page."""
        crashed = None
        for unit in self.assigned_work.get(node, {}).values():
            pending = [nodeid for nodeid, done in unit.items() if not done]
            if pending:
                crashed = pending[0]
                unit.update(dict.fromkeys(pending, True))
                break
        super().remove_node(node)
        return crashed

    def _split_scope(self, nodeid: str) -> str:
        """A page's blocks stay together (and each test module's tests, which share its fixtures),
        and so do the modules that read every built page (:data:`SITE_READERS`); but each browser
        test goes out on its own: they only share the built site and a browser."""
        if nodeid.startswith(SPREAD):
            return nodeid
        if nodeid.startswith(SITE_READERS):
            return READ_TOGETHER
        return super()._split_scope(nodeid)

    def _reschedule(self, node) -> None:
        """Give ``node`` more work, once it has collected (xdist may try earlier when a second worker crashes)."""
        if node in self.registered_collections:
            super()._reschedule(node)


def exit_status(worker) -> Optional[int]:
    """How the worker process ended (negative: the signal that killed it), or None if unknown."""
    io = getattr(getattr(worker, "gateway", None), "_io", None)  # execnet keeps the Popen there
    popen = getattr(io, "popen", None)
    return None if popen is None else popen.wait()


def crash_report(nodeid: str, status: Optional[int]) -> str:
    """The failure of the test ``nodeid`` whose process ended with ``status``.

    Page code never runs in a worker (each page has a process of its own), so this is a test's own.
    """
    return f"{nodeid}: the test {ending(status, 'the test')}"
