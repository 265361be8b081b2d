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

Beside it, the checks of zh/en twins and of their writing, each used by a test under ``tests/``:

- :mod:`.parity` compares the code and outputs of a zh page with its en twin;
- :mod:`.sections` pairs the twins' sections and notices one that changed in one language only;
- :mod:`.prose` finds the lines a reader reads: prose outside code, and code comments;
- :mod:`.punctuation` and :mod:`.terms` check those lines against Chinese punctuation and the glossary.
- :mod:`.site_structure` finds a page or chapter left half-added: a missing twin, nav entry, nav
  title translation, home-page entry or exercise notebook.
"""
