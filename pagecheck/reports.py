"""What the test process and a page's process tell each other: the page to run, and what each block did."""

from dataclasses import dataclass
from typing import Optional

from .figures import Drawing


@dataclass(frozen=True)
class BlockCode:
    """A python block to run: its page line and its source."""

    line: int
    source: str
    needs: Optional[str] = None


@dataclass(frozen=True)
class PageRequest:
    """What the child needs to run a page as a reader would."""

    page: str
    blocks: tuple[BlockCode, ...]
    cwd: str
    root: str
    refresh: bool


@dataclass(frozen=True)
class BlockRun:
    """What one block did, in the form the checker compares; exceptions travel as text."""

    line: int
    shown: str
    printed: str
    dropped: int
    raised: bool
    trace: str
    touched: tuple[str, ...]
    drawings: tuple[Drawing, ...]
    skipped: bool = False
