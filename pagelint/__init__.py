"""pagelint: the checks that read pages and run nothing.

:mod:`pagecheck` runs a page as a reader would and compares what it prints; the checks here read
the pages, the exercises and the site's configuration, each used by a test under ``tests/``:

- :mod:`.parity` compares the code and outputs of a zh page with its en twin;
- :mod:`.sections` pairs the twins' sections and notices one that changed in one language only;
- :mod:`.prose` finds the lines a reader reads: prose outside code, and code comments;
- :mod:`.punctuation` and :mod:`.terms` check those lines against Chinese punctuation and the glossary;
- :mod:`.site_structure` finds a page or chapter left half-added: a missing twin, nav entry, nav
  title translation, home-page entry or exercise notebook.
"""
