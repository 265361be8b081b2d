"""pagecheck: runs every Python block of a Markdown page and checks what it prints.

The pieces are small and separate, in the manner of Sybil itself. Reading a page is shared with
the site build, so it lives in the top-level :mod:`pageformat` package:

- :mod:`pageformat.fences` finds the fenced blocks of a page (Sybil's lexer, attributes allowed);
- :mod:`pageformat.blocks` pairs each ``python`` block with the ``output`` or ``error`` block after it.

The checker's own pieces. In the test process, which never runs page code nor imports torch:

- :mod:`.pageprocess` starts each page in a process of its own and waits for its reports;
- :mod:`.reports` holds what the two processes tell each other;
- :mod:`.evaluators` compares each report with the page, reports ``docs/<lang>/<page>.md:<line>``
  with a diff, and records refreshed outputs;
- :mod:`.verdict` words a mismatch, for the evaluators and for the notebook test alike;
- :mod:`.refresh` rewrites output blocks in place;
- :mod:`.figures` checks each figure a page shows against the graph a block drew;
- :mod:`.engine` assembles them into the one :class:`sybil.Sybil` that checks every page;
- :mod:`.workers` hands tests to pytest-xdist workers, a page's blocks to one worker.

In the page's process, forked from a warm one that imported torch:

- :mod:`.reader` runs the page top to bottom as a reader would;
- :mod:`.execution` runs one block and captures stdout, stderr and warnings in order;
- :mod:`.normalize` turns captured text into the stable form a page shows;
- :mod:`.drawing` draws each graph a block shows, with :mod:`.peer` asking torchviz for a
  second opinion on its nodes and edges; :mod:`.hardware` says whether a block's GPU is there;
- :mod:`.side_effects` notices a block that touches the reader's folder.

:mod:`.drift` checks every page against another torch (``make drift``).

The checks that read pages but run nothing (zh/en parity, sections in step, writing, the
site's structure) live in the :mod:`pagelint` package beside this one.
"""
