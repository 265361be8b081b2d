"""MkDocs hook: the offline copy of the site (``OFFLINE=true``), read from disk, makes no request.

Material's ``offline`` plugin (off unless ``OFFLINE=true``, see mkdocs.yml) builds a copy that
works opened from ``file://``: plain ``.html`` URLs and the search index inlined into a script.
Its search runs in an iframe instead of a web worker, through the iframe-worker shim, which the
plugin would load from unpkg.com: a third-party request, and none at all without a network. The
shim is served from the site instead (overrides/assets/javascripts/iframe-worker.js).
"""

from mkdocs.plugins import event_priority

SHIM = "assets/javascripts/iframe-worker.js"


@event_priority(-10)  # after the offline plugin added its polyfill
def on_config(config):
    """Load the iframe-worker shim from the site, not from unpkg.com."""
    polyfills = config.extra.get("polyfills", [])
    if any("iframe-worker" in url for url in polyfills):
        config.extra["polyfills"] = [url for url in polyfills if "iframe-worker" not in url] + [SHIM]
    return config
