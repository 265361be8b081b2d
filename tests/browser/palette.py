"""Material's two palettes, and the header toggle a reader switches between them with."""

SCHEMES = {"light": "default", "dark": "slate"}  # the reader's system preference, and Material's palette for it
TOGGLE = "form[data-md-component=palette] label.md-header__button:not([hidden])"


def scheme(page) -> str:
    """The palette the page open in ``page`` shows: ``default`` or ``slate``."""
    return page.locator("body").get_attribute("data-md-color-scheme")


def switch_palette(page) -> str:
    """Click the header's palette toggle, as a reader does (the page is not reloaded); return the new palette."""
    before = scheme(page)
    page.locator(TOGGLE).click()
    page.wait_for_function("before => document.body.dataset.mdColorScheme !== before", arg=before)
    return scheme(page)
