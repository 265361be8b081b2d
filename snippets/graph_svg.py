"""Draw an :class:`~snippets.autograd_graph.AutogradGraph` as an SVG figure.

The nodes go where :mod:`snippets.graph_layout` puts them: leaves at the top, outputs at the
bottom, edges pointing the way the forward pass ran. The SVG carries its own stylesheet, written
with Material's colour variables so that, inlined into a page, it follows the light and the dark
palette; outside the site the fallback colours apply. Output tensors are orange pills, leaf
tensors indigo rectangles, backward nodes plain rounded boxes; a cut branch (an input that
needs no gradient, ``None`` in ``next_functions``) is a dashed stub: a dashed box reading
``None`` and a dashed edge, the same in every language. Each node carries ``data-node``
and each edge ``data-from``/``data-to``, so that the figure can be read back as a graph. No
memory address reaches the SVG and every coordinate is written with one decimal: the same graph
always gives the same bytes.
"""

from xml.sax.saxutils import escape, quoteattr

from snippets.autograd_graph import CUT, LEAF, OP, OUTPUT, AutogradGraph, Node
from snippets.graph_layout import layout

FONT_SIZE = 13
CHAR_WIDTH = 0.6 * FONT_SIZE  # one character of a monospace font
LINE_HEIGHT = 16
PAD_X, PAD_Y = 10, 5
GAP = (18, 30)
MARGIN = 4
ARROW = 7
PORT_SPACING = 14

_FG = "var(--md-default-fg-color,#212121)"
_FG_LIGHT = "var(--md-default-fg-color--light,#616161)"
_BG = "var(--md-default-bg-color,#fff)"
_ACCENT = "var(--md-accent-fg-color,#526cfe)"
_PRIMARY = "var(--md-primary-fg-color,#ff5722)"
STYLE = (
    f".agraph{{max-width:100%;height:auto;font-family:var(--md-code-font-family,monospace);font-size:{FONT_SIZE}px}}"
    f".agraph text{{fill:{_FG};text-anchor:middle;dominant-baseline:central}}"
    f".agraph .agraph-shape,.agraph .agraph-alias{{fill:{_FG_LIGHT}}}"
    f".agraph .agraph-edge{{fill:none;stroke:{_FG_LIGHT};stroke-width:1.2}}"
    f".agraph .agraph-arrow{{fill:{_FG_LIGHT}}}"
    f".agraph rect{{fill:{_BG};stroke:{_FG_LIGHT}}}"
    f".agraph .agraph-leaf rect{{stroke:{_ACCENT};stroke-width:2;fill:color-mix(in srgb,{_ACCENT} 14%,{_BG})}}"
    f".agraph .agraph-output rect{{stroke:{_PRIMARY};stroke-width:2;fill:color-mix(in srgb,{_PRIMARY} 14%,{_BG})}}"
    f".agraph .agraph-cut rect,.agraph .agraph-cut-edge{{stroke-dasharray:4 3}}"
    f".agraph .agraph-cut text{{fill:{_FG_LIGHT}}}"
)


def node_lines(node: Node) -> list[tuple[str, str]]:
    """The lines of text in a node's box, each with its class (``agraph-name`` and so on)."""
    if node.kind == CUT:
        return [("agraph-cut-label", node.label)]
    if node.kind == OP:
        return [("agraph-op", node.label)] + ([("agraph-alias", f"{node.alias}.grad_fn")] if node.alias else [])
    return ([("agraph-name", node.label)] if node.label else []) + [("agraph-shape", node.shape)]


def box_size(node: Node) -> tuple[float, float]:
    """Width and height of a node's box, in pixels."""
    lines = node_lines(node)
    return max(len(text) for _, text in lines) * CHAR_WIDTH + 2 * PAD_X, len(lines) * LINE_HEIGHT + 2 * PAD_Y


def graph_svg(graph: AutogradGraph) -> str:
    """The SVG figure of ``graph``, a complete document ending in a newline.

    ```python
    import torch
    from snippets.autograd_graph import trace_graph
    from snippets.graph_svg import graph_svg

    w = torch.ones(2, requires_grad=True)
    svg = graph_svg(trace_graph(loss=(w * 3).sum(), w=w))
    assert svg.startswith("<svg") and svg.count("data-node=") == 6 and svg.count("data-from=") == 5
    assert svg.count('class="agraph-node agraph-cut"') == svg.count('class="agraph-edge agraph-cut-edge"') == 1  # the 3
    ```
    """
    sizes = [box_size(node) for node in graph.nodes]
    cell = (max(width for width, _ in sizes), max(height for _, height in sizes))
    placed = layout(graph, cell, GAP, MARGIN)
    width = max(x for x, _ in placed.centres.values()) + cell[0] / 2 + MARGIN
    height = max(y for _, y in placed.centres.values()) + cell[1] / 2 + MARGIN
    label = "; ".join(f"{_plain(graph.nodes[a])} → {_plain(graph.nodes[b])}" for a, b in graph.edges)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="agraph" viewBox="0 0 {_num(width)} {_num(height)}" '
        f'width="{_num(width)}" height="{_num(height)}" role="img" aria-label={quoteattr(label)}>',
        f"<style>{STYLE}</style>",
    ]
    parts += _edges(graph, placed.centres, placed.waypoints, sizes)
    parts += [_box(number, node, placed.centres[number], sizes[number]) for number, node in enumerate(graph.nodes)]
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _edges(graph: AutogradGraph, centres, waypoints, sizes) -> list[str]:
    """A curve and an arrowhead per edge, from the bottom of the input to the top of the result;
    dashed from a cut.

    The curve passes through the edge's waypoints. Where several edges leave or enter one box,
    their ends are spread along its side in the left-to-right order of where they come from or
    go to, so that they do not cross there.
    """

    def towards(edge, end):  # the point an edge heads for right after leaving, or before entering
        route = waypoints[edge]
        return (route[0] if end == 0 else route[-1]) if route else centres[edge[1 - end]]

    leaving = {n: sorted((e for e in graph.edges if e[0] == n), key=lambda e: towards(e, 0)[0]) for n in centres}
    entering = {n: sorted((e for e in graph.edges if e[1] == n), key=lambda e: towards(e, 1)[0]) for n in centres}
    parts = []
    for edge in graph.edges:
        a, b = edge
        start = (centres[a][0] + _port(leaving[a].index(edge), len(leaving[a]), sizes[a][0]), centres[a][1] + sizes[a][1] / 2)
        tip = (centres[b][0] + _port(entering[b].index(edge), len(entering[b]), sizes[b][0]), centres[b][1] - sizes[b][1] / 2)
        route = [start, *waypoints[edge], (tip[0], tip[1] - ARROW)]
        curve = "".join(_bend(p, q) for p, q in zip(route, route[1:]))
        kind = "agraph-edge agraph-cut-edge" if graph.nodes[a].kind == CUT else "agraph-edge"
        parts.append(f'<path class="{kind}" data-from="n{a}" data-to="n{b}" d="M{_num(start[0])} {_num(start[1])}{curve}"/>')
        parts.append(f'<path class="agraph-arrow" d="M{_num(tip[0])} {_num(tip[1])} l-4 -{ARROW} h8 z"/>')
    return parts


def _bend(p: tuple[float, float], q: tuple[float, float]) -> str:
    """A cubic segment from ``p`` to ``q`` that leaves and arrives vertically."""
    middle = (p[1] + q[1]) / 2
    return f" C{_num(p[0])} {_num(middle)} {_num(q[0])} {_num(middle)} {_num(q[0])} {_num(q[1])}"


def _port(index: int, count: int, box_width: float) -> float:
    """Horizontal offset of the ``index``-th of ``count`` edge ends along a side of a box."""
    spacing = min(PORT_SPACING, box_width / (count + 1))
    return (index - (count - 1) / 2) * spacing


def _box(number: int, node: Node, centre: tuple[float, float], size: tuple[float, float]) -> str:
    x, y = centre
    width, height = size
    radius = {OUTPUT: height / 2, LEAF: 0}.get(node.kind, 4)
    lines = node_lines(node)
    texts = "".join(
        f'<text class="{kind}" x="{_num(x)}" y="{_num(y + (index - (len(lines) - 1) / 2) * LINE_HEIGHT)}">{escape(text)}</text>'
        for index, (kind, text) in enumerate(lines)
    )
    return (
        f'<g class="agraph-node agraph-{node.kind}" data-node="n{number}">'
        f'<rect x="{_num(x - width / 2)}" y="{_num(y - height / 2)}" width="{_num(width)}" height="{_num(height)}" '
        f'rx="{_num(radius)}"/>{texts}</g>'
    )


def _plain(node: Node) -> str:
    return " ".join(text for _, text in node_lines(node))


def _num(value: float) -> str:
    return f"{value:.1f}"
