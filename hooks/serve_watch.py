"""MkDocs hook: `make serve` notices a saved file within a tenth of a second, not half a second.

`mkdocs serve` looks for changed files by polling, every half second: on average a quarter of
a second, at worst half a second, of the time between saving a page and seeing it served again
(`make bench` measures that time; its target is a second and a half). Polling the pages, the
figures and mkdocs.yml takes about a millisecond (an idle server then uses about 1 % of a core),
so this polls every tenth of a second: the server's watcher is replaced by one that does,
before it starts, watching the same paths.
"""

from watchdog.observers.polling import PollingObserver

POLL_S = 0.1


def on_serve(server, config, **_):
    """Watch what `mkdocs serve` watched so far, with a watcher that polls every POLL_S seconds."""
    watched = []
    for path in [config.docs_dir, config.config_file_path, *config.theme.dirs]:
        try:
            server.unwatch(path)
        except KeyError:  # not watched (the theme is watched only with --watch-theme)
            continue
        watched.append(path)
    server.observer = PollingObserver(timeout=POLL_S)
    for path in watched:
        server.watch(path)
    return server
