"""pytest plugin: the garbage collector stops walking the objects a test process keeps to its end.

Once a process has collected its tests it holds a few hundred thousand objects it keeps until it
exits: the modules it imported (torch, MkDocs, Playwright, Jupyter's client), the tests and the
parsed pages. Every collection of the oldest generation walks all of them, and a worker made 13
of them in a re-check after a one-sentence edit, about 0.2 s each, 0.4 s each at the end. The last
three run while the process ends (pytest collects at unconfigure and again in its cleanup, to
report exceptions raised in finalizers; the interpreter collects once more as it exits), while the
other worker and the summary wait.

:func:`gc.freeze` moves every object the collector tracks into a generation it never walks. So, in
each test process:

- after collection, one collection frees what collection threw away, and what is left is frozen;
- first thing at unconfigure, one collection frees what the tests threw away, with pytest's hook
  still recording any exception a finalizer raises (pytest reports it as before), and what is left
  is frozen: pytest's own collections that follow, and the interpreter's, walk what is left since.

Nothing is freed later than before but what would only be freed when the process ends.
"""

import gc

import pytest


def _collect_then_freeze() -> None:
    gc.collect()
    gc.freeze()


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """Free what collection left behind and freeze the rest."""
    _collect_then_freeze()


@pytest.hookimpl(tryfirst=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Free what the tests left behind, while pytest still records exceptions raised by finalizers, and freeze the rest."""
    _collect_then_freeze()
