"""pagecheck: runs every Python block of a Markdown page and checks what it prints.

The pieces are small and separate, in the manner of Sybil itself:

- :mod:`.fences` finds the fenced blocks of a page (Sybil's lexer, attributes allowed);
- :mod:`.blocks` pairs each ``python`` block with the ``output`` or ``error`` block after it;
- :mod:`.execution` runs one block and captures stdout, warnings and the exception;
- :mod:`.normalize` turns captured text into the stable form a page shows;
- :mod:`.evaluators` compares, reports ``docs/<lang>/<page>.md:<line>`` with a diff, and
  records refreshed outputs;
- :mod:`.refresh` rewrites output blocks in place;
- :mod:`.engine` assembles them into the one :class:`sybil.Sybil` that checks every page.
"""

from .engine import check_page, make_sybil

__all__ = ["check_page", "make_sybil"]
