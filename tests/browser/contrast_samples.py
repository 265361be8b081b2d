"""Which elements axe's ``color-contrast`` rule has to look at: one of each contrast signature.

``color-contrast`` is most of an audit's time (three quarters of it on a long page): it works out
the colours behind every element that holds text, thousands of code tokens on a long page, while
the site styles them in a few dozen ways. An element's *contrast signature* is everything its
result depends on: whether it is rendered, whether its own text has a letter or digit (axe does
not judge a symbol's contrast) and, where it has none, that text; its own colour, size, weight,
opacity, shadow, stroke, clipping and blending; and, for it and every ancestor up to the root, the
background, opacity, filter, blending, position, stacking, display, visibility and clipping.
Elements of one signature have the same text colour over the same backgrounds at the same size,
so axe gives them one result.

The sweep (:func:`tests.browser.axe.violations`) runs ``color-contrast`` on the first element of
each signature only (marked ``data-contrast-sample``), and on every element of a signature whose
sample axe could not decide ("incomplete": overlapped by another element, say), so that no
undecided sample speaks for the others.

That the signature holds everything the result depends on is measured, not assumed:
``python -m tests.browser.contrast_proof [SITE]`` runs ``color-contrast`` on every element of
every page of a built site (a fresh build without one), in both palettes, and exits non-zero when
two elements of one signature get different decided results (pass and violation).
tests/browser/test_accessibility.py does the same on the longest page, and shows that a single
element given too little contrast fails the sweep.
"""

CONTRAST = "color-contrast"
SIGNATURE = "data-contrast-signature"
SAMPLE = "data-contrast-sample"

# In the page: mark every element that holds text with its signature's number, and the first of
# each signature as its sample; return how many signatures there are.
MARK_SAMPLES = """([signatureAttribute, sampleAttribute]) => {
  const OWN = ["color", "font-size", "font-weight", "opacity", "text-shadow", "-webkit-text-fill-color",
    "-webkit-text-stroke-width", "-webkit-text-stroke-color", "visibility", "filter", "mix-blend-mode",
    "text-indent", "overflow", "clip", "clip-path"]
  const UNDER = ["background-color", "background-image", "opacity", "filter", "mix-blend-mode", "backdrop-filter",
    "position", "z-index", "display", "visibility", "overflow", "clip", "clip-path"]
  const below = new Map()
  const backdrop = element => {
    if (!element) return ""
    if (!below.has(element)) {
      const style = getComputedStyle(element)
      below.set(element, UNDER.map(name => style.getPropertyValue(name)).join("|") + "<" + backdrop(element.parentElement))
    }
    return below.get(element)
  }
  const ownText = element => [...element.childNodes]
    .filter(node => node.nodeType === Node.TEXT_NODE).map(node => node.data).join("").trim()
  const holdsText = element => ["INPUT", "SELECT", "TEXTAREA"].includes(element.tagName) || ownText(element) !== ""
  const numbers = new Map()
  for (const element of document.body.querySelectorAll("*")) {
    if (!holdsText(element)) continue
    const style = getComputedStyle(element)
    const text = ownText(element)
    const signature = [
      element.getClientRects().length > 0,
      /[\\p{L}\\p{N}]/u.test(text) ? "text" : `symbols ${text}`,
      ...OWN.map(name => style.getPropertyValue(name)),
      backdrop(element),
    ].join("|")
    if (!numbers.has(signature)) {
      numbers.set(signature, numbers.size)
      element.setAttribute(sampleAttribute, "")
    }
    element.setAttribute(signatureAttribute, numbers.get(signature))
  }
  return numbers.size
}"""

# In the page: the signature of the element at each of axe's targets ("none": it holds no text).
SIGNATURES_OF = """([signatureAttribute, targets]) => targets.map(target =>
  document.querySelector(target)?.getAttribute(signatureAttribute) ?? "none")"""
UNMARK = """([signatureAttribute, sampleAttribute]) => {
  for (const element of document.querySelectorAll(`[${signatureAttribute}]`)) {
    element.removeAttribute(signatureAttribute)
    element.removeAttribute(sampleAttribute)
  }
}"""

# In the page (axe loaded): color-contrast's violations on the samples (not on the other elements
# inside them: the text of a paragraph, but not its links), then on every element of each signature
# whose sample it could not decide.
SAMPLED_VIOLATIONS = """async ([signatureAttribute, sampleAttribute]) => {
  const contrast = {runOnly: {type: "rule", values: ["color-contrast"]}, resultTypes: ["violations", "incomplete"]}
  const others = [`[${signatureAttribute}]:not([${sampleAttribute}])`]
  const sampled = await axe.run({include: [[`[${sampleAttribute}]`]], exclude: [others]}, contrast)
  const undecided = new Set(sampled.incomplete.flatMap(rule => rule.nodes)
    .map(node => document.querySelector(node.target[0]))
    .filter(element => element?.hasAttribute(sampleAttribute))
    .map(element => element.getAttribute(signatureAttribute)))
  if (undecided.size === 0) return sampled.violations
  const include = [...undecided].map(signature => [`[${signatureAttribute}="${signature}"]`])
  const rest = await axe.run({include}, {...contrast, resultTypes: ["violations"]})
  return [...sampled.violations, ...rest.violations]
}"""

DECIDED = {"violations", "passes"}


def mark(page) -> int:
    """Mark the elements of the unmarked page open in ``page`` with their contrast signatures and
    samples (:func:`unmark` takes the marks off); how many signatures."""
    return page.evaluate(MARK_SAMPLES, [SIGNATURE, SAMPLE])


def unmark(page) -> None:
    """Take the marks of :func:`mark` off the page open in ``page``."""
    page.evaluate(UNMARK, [SIGNATURE, SAMPLE])


def sampled_violations(page) -> list[dict]:
    """``color-contrast``'s violations on the page open in ``page`` (axe loaded), looking at one
    element of each contrast signature, and at every element of a signature its sample left undecided.
    The page is left unmarked, as it was."""
    mark(page)
    found = page.evaluate(SAMPLED_VIOLATIONS, [SIGNATURE, SAMPLE])
    unmark(page)
    return found


def split_signatures(page, results: dict) -> dict[str, list[str]]:
    """Of axe's ``results`` on the page open in ``page`` (``color-contrast`` on every element, every
    result type): the contrast signatures whose elements it passes and fails alike, and "none" for
    elements it judged that hold no text; each with the result types its elements got. The page is
    left unmarked, as it was."""
    judged = {
        kind: [node["target"][0] for rule in results[kind] if rule["id"] == CONTRAST for node in rule["nodes"]]
        for kind in ("violations", "incomplete", "passes")
    }
    mark(page)
    outcomes: dict[str, set[str]] = {}
    for kind, targets in judged.items():
        for signature in page.evaluate(SIGNATURES_OF, [SIGNATURE, targets]):
            outcomes.setdefault(signature, set()).add(kind)
    unmark(page)
    return {
        signature: sorted(kinds)
        for signature, kinds in outcomes.items()
        if signature == "none" or len(DECIDED.intersection(kinds)) > 1
    }
