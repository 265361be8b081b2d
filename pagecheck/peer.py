"""A second opinion on every figure: torchviz's ``make_dot`` must see the same graph.

Both graphs are read into networkx: the figure from its SVG (``xml.etree``: each node's
``data-node``, kind and text, each edge's ``data-from``/``data-to``), torchviz's from the DOT
source ``make_dot(outputs, params=named tensors).source`` (its node and edge statements; the
graphviz package writes the source without the Graphviz binary). A node is compared by its kind
and text: a backward node by its class name, a tensor by its name and shape. Memory addresses
differ between the two, so the graphs are compared as labelled graphs: the same nodes, the same
edges between labels, and the same wiring (isomorphic). torchviz draws no ``None`` slot of
``next_functions``, so the figure's cut stubs (``agraph-cut`` nodes and their edges) are left out
of the comparison, and nothing else: a real node drawn as a cut is missing from the figure's side.
"""

import collections
import re
import warnings
import xml.etree.ElementTree as ElementTree

import networkx as nx
from torchviz import make_dot

from snippets.autograd_graph import CUT, AutogradGraph

SVG = "{http://www.w3.org/2000/svg}"
PEER_KINDS = {None: "op", "lightblue": "leaf", "darkolivegreen1": "output"}
_DOT_NODE = re.compile(r'^\t(?P<id>\w+) \[label=(?P<label>"(?:[^"\\]|\\.)*"|[^\s\]]+)(?: fillcolor=(?P<fill>\w+))?\]$', re.M)
_DOT_EDGE = re.compile(r"^\t(?P<tail>\w+) -> (?P<head>\w+)(?: \[[^\]\n]*\])?$", re.M)


def figure_graph(svg: str) -> nx.DiGraph:
    """The graph an SVG figure draws, each node labelled ``(kind, text...)``."""
    root = ElementTree.fromstring(svg)
    graph = nx.DiGraph()
    for node in root.iter(f"{SVG}g"):
        if "data-node" in node.attrib:
            kind = node.get("class").split()[-1].removeprefix("agraph-")
            texts = {text.get("class"): text.text or "" for text in node.iter(f"{SVG}text")}
            if kind == CUT:
                label = (CUT, texts["agraph-cut-label"])
            elif kind == "op":
                label = ("op", texts["agraph-op"])
            else:
                label = (kind, texts.get("agraph-name", ""), _our_shape(texts["agraph-shape"]))
            graph.add_node(node.get("data-node"), label=label)
    for edge in root.iter(f"{SVG}path"):
        if "data-from" in edge.attrib:
            graph.add_edge(edge.get("data-from"), edge.get("data-to"))
    return graph


def torchviz_graph(graph: AutogradGraph) -> nx.DiGraph:
    """The graph torchviz's ``make_dot`` draws from the same outputs and names."""
    outputs = tuple(graph.tensors[name] for name in graph.outputs)
    with warnings.catch_warnings():  # torchviz 0.0.3 compares versions with distutils
        warnings.filterwarnings("ignore", "distutils Version classes are deprecated", DeprecationWarning)
        dot = make_dot(outputs, params=graph.tensors)
    nodes, edges = list(_DOT_NODE.finditer(dot.source)), list(_DOT_EDGE.finditer(dot.source))
    if len(nodes) + len(edges) != len(dot.body):
        raise ValueError(f"could not read every statement of torchviz's DOT source:\n{dot.source}")
    peer = nx.DiGraph()
    for node in nodes:
        text = node["label"][1:-1].replace('\\"', '"') if node["label"].startswith('"') else node["label"]
        kind = PEER_KINDS.get(node["fill"], node["fill"])
        if kind == "op":
            peer.add_node(node["id"], label=("op", text))
        else:
            name, _, shape = text.partition("\n")
            peer.add_node(node["id"], label=(kind, name, tuple(int(size) for size in re.findall(r"\d+", shape))))
    peer.add_edges_from((edge["tail"], edge["head"]) for edge in edges)
    return peer


def peer_differences(svg: str, graph: AutogradGraph) -> list[str]:
    """How the figure ``svg`` of ``graph``, less its cut stubs, differs from torchviz's drawing of it; empty if not."""
    ours, theirs = without_cuts(figure_graph(svg)), torchviz_graph(graph)
    problems = []
    for what, count in (("node", _node_counts), ("edge", _edge_counts)):
        only_ours, only_theirs = count(ours) - count(theirs), count(theirs) - count(ours)
        problems += [f"{what} only in the figure: {_show(item)}" for item in sorted(only_ours.elements(), key=repr)]
        problems += [f"{what} only in torchviz's graph: {_show(item)}" for item in sorted(only_theirs.elements(), key=repr)]
    if not problems and not nx.is_isomorphic(ours, theirs, node_match=lambda a, b: a["label"] == b["label"]):
        problems.append("the same nodes and edges, wired differently")
    return problems


def without_cuts(graph: nx.DiGraph) -> nx.DiGraph:
    """The figure's graph less its cut stubs, which torchviz does not draw."""
    return graph.subgraph(node for node, label in graph.nodes(data="label") if label[0] != CUT).copy()


def _our_shape(text: str) -> tuple[int, ...]:
    return () if text == "scalar" else tuple(int(size) for size in text.split("x"))


def _node_counts(graph: nx.DiGraph) -> collections.Counter:
    return collections.Counter(label for _, label in graph.nodes(data="label"))


def _edge_counts(graph: nx.DiGraph) -> collections.Counter:
    labels = dict(graph.nodes(data="label"))
    return collections.Counter((labels[tail], labels[head]) for tail, head in graph.edges)


def _show(item) -> str:
    if isinstance(item[0], tuple):
        return f"{_show(item[0])} -> {_show(item[1])}"
    return " ".join(str(part) for part in item if part != "")
