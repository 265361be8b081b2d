"""pagecheck: runs every Python block of a Markdown page and checks what it prints.

The pieces are small and separate, in the manner of Sybil itself. Reading a page is shared with
the site build, so it lives in the top-level :mod:`pageformat` package:

- :mod:`pageformat.fences` finds the fenced blocks of a page (Sybil's lexer, attributes allowed);
- :mod:`pageformat.blocks` pairs each ``python`` block with the ``output`` or ``error`` block after it.

The checker's own pieces:

- :mod:`.execution` runs one block and captures stdout, warnings and the exception;
- :mod:`.normalize` turns captured text into the stable form a page shows;
- :mod:`.evaluators` compares, reports ``docs/<lang>/<page>.md:<line>`` with a diff, and
  records refreshed outputs;
- :mod:`.verdict` words a mismatch, for the evaluators and for the notebook test alike;
- :mod:`.refresh` rewrites output blocks in place;
- :mod:`.figures` checks each figure a page shows against the graph a block drew, with
  :mod:`.peer` asking torchviz for a second opinion on its nodes and edges;
- :mod:`.engine` assembles them into the one :class:`sybil.Sybil` that checks every page.

The checks that read pages but run nothing (zh/en parity, sections in step, writing, the
site's structure) live in the :mod:`pagelint` package beside this one.
"""
