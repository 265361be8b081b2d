"""Lay an :class:`~snippets.autograd_graph.AutogradGraph` out in layers, with networkx.

Leaves go at the top and each node one layer below its deepest input
(``topological_generations``); an edge that skips layers passes through a waypoint in every
layer it crosses, so that it runs beside the nodes of those layers instead of behind them;
``multipartite_layout`` spreads each layer's nodes and waypoints evenly. A cut node (an input
that needs no gradient) sits just one layer above the node it feeds, as a short stub. Within a
layer, nodes
keep the order of the walk that numbered them and a waypoint follows the node its edge leaves.
"""

from dataclasses import dataclass

import networkx as nx

from snippets.autograd_graph import AutogradGraph


@dataclass(frozen=True)
class Layout:
    """Where the nodes go, in pixels, and the waypoints each edge passes through on its way."""

    centres: dict[int, tuple[float, float]]
    waypoints: dict[tuple[int, int], list[tuple[float, float]]]


def layers(graph: AutogradGraph) -> dict[int, list]:
    """Node numbers and waypoints by layer, layer 0 at the top.

    A waypoint is written ``(source, target, layer)`` for the edge it belongs to.

    ```python
    import torch
    from snippets.autograd_graph import trace_graph
    from snippets.graph_layout import layers

    a, b = torch.ones(1, requires_grad=True), torch.ones(1, requires_grad=True)
    graph = trace_graph(out=a.exp() + b, a=a, b=b)  # b skips the layer of ExpBackward0
    assert layers(graph) == {0: [4, 6], 1: [3, 5], 2: [2, (5, 1, 2)], 3: [1], 4: [0]}

    cut = trace_graph(out=(a.exp() * torch.ones(1)).sum(), a=a)  # the cut 6 sits right above MulBackward0
    assert layers(cut) == {0: [5], 1: [4], 2: [3, 6], 3: [2], 4: [1], 5: [0]}
    ```
    """
    digraph = nx.DiGraph()
    digraph.add_nodes_from(range(len(graph.nodes)))
    digraph.add_edges_from(graph.edges)
    depth = {node: level for level, generation in enumerate(nx.topological_generations(digraph)) for node in generation}
    cuts = set(graph.cuts)
    for source, target in graph.edges:
        if source in cuts:
            depth[source] = depth[target] - 1
    by_layer: dict[int, list] = {level: [] for level in sorted(set(depth.values()))}
    for node in sorted(depth):
        by_layer[depth[node]].append(node)
    for source, target in graph.edges:
        for level in range(depth[source] + 1, depth[target]):
            by_layer[level].append((source, target, level))
    return {level: sorted(members, key=_order) for level, members in by_layer.items()}


def _order(member) -> tuple[int, int, int]:
    """Sort key within a layer: nodes by number, a waypoint just after its edge's source."""
    return (member, 0, 0) if isinstance(member, int) else (member[0], 1, member[1])


def layout(graph: AutogradGraph, cell: tuple[float, float], gap: tuple[float, float], margin: float) -> Layout:
    """Place every node's centre on a grid of cells of size ``cell`` with ``gap`` between them.

    ``multipartite_layout`` spaces each layer evenly and centres it, so its bounding box spans
    (widest layer - 1) steps across and (layers - 1) steps down; mapping that box onto the
    pixel grid gives every step the room of one cell plus a gap.
    """
    by_layer = layers(graph)
    grid = nx.Graph()
    grid.add_nodes_from(member for members in by_layer.values() for member in members)
    spread = nx.multipartite_layout(grid, subset_key=by_layer, align="horizontal")
    steps = (max(len(members) for members in by_layer.values()) - 1, len(by_layer) - 1)
    low = [min(point[axis] for point in spread.values()) for axis in (0, 1)]
    high = [max(point[axis] for point in spread.values()) for axis in (0, 1)]

    def along(value: float, axis: int) -> float:
        span = high[axis] - low[axis]
        offset = (value - low[axis]) / span * steps[axis] * (cell[axis] + gap[axis]) if span else 0.0
        return margin + cell[axis] / 2 + offset

    def place(point) -> tuple[float, float]:
        return along(point[0], 0), along(point[1], 1)

    centres = {member: place(point) for member, point in spread.items() if isinstance(member, int)}
    waypoints = {edge: [] for edge in graph.edges}
    for member in sorted((m for m in spread if not isinstance(m, int)), key=lambda m: m[2]):
        waypoints[member[:2]].append(place(spread[member]))
    return Layout(centres, waypoints)
