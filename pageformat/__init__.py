"""How a page of the site is written, read by the page checker and by the site build alike.

- :mod:`.fences` finds the fenced blocks of a page (Sybil's lexer, attributes allowed);
- :mod:`.blocks` pairs each ``python`` block with the ``output`` or ``error`` block after it;
- :mod:`.errors` names a page and reports what cannot be read in it;
- :mod:`.notebook` turns a page into a Jupyter notebook (prose, code, the page's outputs),
  with :mod:`.jupyter_markdown` for the prose and :mod:`.inline_snippets` for the lesson code
  a page imports.

It imports no torch and no pytest, so the site build can use it cheaply.
"""
