"""The autograd graph behind some tensors, read from ``grad_fn`` and ``next_functions``.

:func:`trace_graph` walks the graph back from the tensors a page names; :func:`text_tree` prints
it the way autograd walks it, from the outputs back to the leaves; :func:`show_graph` does both
and hands the graph to whoever is watching (the page checker draws it as an SVG figure with
:func:`snippets.graph_svg.graph_svg`). The graph holds the same nodes and edges as torchviz's
``make_dot``: every output tensor, every backward node, and for each ``AccumulateGrad`` node
the leaf tensor it accumulates into. Besides, where ``next_functions`` holds ``None`` (an input
that needs no gradient: a tensor that never required one, or a detached one), the graph holds a
``cut`` node: the branch the backward pass does not follow, which torchviz does not draw. Edges
point the way the forward pass ran, from inputs to results.
"""

import contextlib
import dataclasses
from dataclasses import dataclass
from typing import Callable, Iterator

import torch

OUTPUT, OP, LEAF, CUT = "output", "op", "leaf", "cut"
CUT_LABEL = "None"  # what next_functions holds there; the same in every language


@dataclass(frozen=True)
class Node:
    """One node of the graph: a tensor (``output`` or ``leaf``), a backward node (``op``), or a
    cut branch (``cut``: a ``None`` slot of ``next_functions``).

    ``label`` is the tensor's name (empty when the page gave it none), the backward node's
    class name, or ``None`` for a cut. ``shape`` is the tensor's shape as text (``3x3``,
    ``scalar``); ``alias`` names the tensor whose ``grad_fn`` an ``op`` node is, when the page
    named that tensor. ``inputs`` are the nodes it was computed from, in the order
    ``next_functions`` lists them, a cut node where an input needs no gradient.
    """

    kind: str
    label: str
    shape: str = ""
    alias: str = ""
    inputs: tuple[int, ...] = ()


@dataclass(frozen=True)
class AutogradGraph:
    """The graph behind the named tensors that are outputs, and the named tensors outside it.

    Nodes are numbered in the order a depth-first walk from the outputs meets them, so the same
    computation always gives the same graph. ``tensors`` keeps what the page passed, for a peer
    (such as torchviz) to draw the same graph from.
    """

    nodes: tuple[Node, ...]
    outputs: tuple[str, ...]
    outside: tuple[str, ...]
    tensors: dict[str, torch.Tensor]

    @property
    def cuts(self) -> list[int]:
        """The numbers of the cut nodes: the inputs that need no gradient, which the backward pass skips."""
        return [number for number, node in enumerate(self.nodes) if node.kind == CUT]

    @property
    def edges(self) -> list[tuple[int, int]]:
        """Every (input, result) pair of node numbers, once each, in node order."""
        pairs = {(source, target) for target, node in enumerate(self.nodes) for source in node.inputs}
        return sorted(pairs, key=lambda pair: (pair[1], pair[0]))


def shape_text(tensor: torch.Tensor) -> str:
    """A tensor's shape as the pages write it: ``3x3``, ``1`` or ``scalar``."""
    return "x".join(str(size) for size in tensor.shape) or "scalar"


def trace_graph(**tensors: torch.Tensor) -> AutogradGraph:
    """Walk the autograd graph behind the named tensors.

    The outputs are the named tensors that have a ``grad_fn`` which no other named tensor's
    graph passes through; a named tensor whose ``grad_fn`` some output's graph reaches labels
    that node (``alias``); a named leaf labels its ``AccumulateGrad`` node's tensor. Named
    tensors with no ``grad_fn`` that the graph does not reach are listed in ``outside``. Each
    ``None`` in ``next_functions`` becomes a ``cut`` node of its own.

    ```python
    import torch
    from snippets.autograd_graph import trace_graph

    w = torch.ones(2, requires_grad=True)
    h = w * 3
    graph = trace_graph(loss=h.sum(), h=h, w=w, data=torch.zeros(2))
    assert graph.outputs == ("loss",) and graph.outside == ("data",)
    assert [(node.kind, node.label, node.alias) for node in graph.nodes] == [
        ("output", "loss", ""), ("op", "SumBackward0", ""), ("op", "MulBackward0", "h"),
        ("op", "AccumulateGrad", ""), ("leaf", "w", ""), ("cut", "None", "")]  # the 3 needs no gradient
    assert graph.edges == [(1, 0), (2, 1), (3, 2), (5, 2), (4, 3)] and graph.cuts == [5]
    ```
    """
    grad_fns = {name: tensor.grad_fn for name, tensor in tensors.items() if tensor.grad_fn is not None}
    upstream = _upstream_of(grad_fns.values())
    outputs, claimed = [], set()
    for name, grad_fn in grad_fns.items():
        if grad_fn not in upstream and grad_fn not in claimed:
            outputs.append(name)
            claimed.add(grad_fn)
    walk = _Walk(tensors, {name: fn for name, fn in grad_fns.items() if name not in outputs})
    for name in outputs:
        walk.add_output(name, tensors[name])
    outside = tuple(name for name, tensor in tensors.items() if tensor.grad_fn is None and not walk.reaches(tensor))
    return AutogradGraph(tuple(walk.nodes), tuple(outputs), outside, dict(tensors))


def _upstream_of(grad_fns) -> set:
    """Every backward node reachable in one step or more from the given nodes."""
    seen, todo = set(), [fn for start in grad_fns for fn, _ in start.next_functions if fn is not None]
    while todo:
        fn = todo.pop()
        if fn not in seen:
            seen.add(fn)
            todo.extend(next_fn for next_fn, _ in fn.next_functions if next_fn is not None)
    return seen


class _Walk:
    """Numbers the nodes of the graph as a depth-first walk from the outputs meets them."""

    def __init__(self, tensors: dict[str, torch.Tensor], intermediates: dict):
        self.names = {id(tensor): name for name, tensor in tensors.items()}
        self.aliases = {id(grad_fn): name for name, grad_fn in intermediates.items()}
        self.nodes: list[Node] = []
        self.numbers: dict[int, int] = {}
        self.alive: list = []  # the walked objects stay alive, so their ids stay theirs

    def reaches(self, tensor: torch.Tensor) -> bool:
        """Whether the walk met ``tensor`` as an output or a leaf."""
        return id(tensor) in self.numbers

    def add_output(self, name: str, tensor: torch.Tensor) -> None:
        number = self._new(tensor, Node(OUTPUT, name, shape_text(tensor)))
        self._set_inputs(number, (self._visit(tensor.grad_fn),))

    def _visit(self, fn) -> int:
        if id(fn) in self.numbers:
            return self.numbers[id(fn)]
        number = self._new(fn, Node(OP, type(fn).__name__, alias=self.aliases.get(id(fn), "")))
        if hasattr(fn, "variable"):
            leaf = fn.variable
            inputs = (self._new(leaf, Node(LEAF, self.names.get(id(leaf), ""), shape_text(leaf))),)
        else:
            inputs = tuple(self._cut() if next_fn is None else self._visit(next_fn) for next_fn, _ in fn.next_functions)
        self._set_inputs(number, inputs)
        return number

    def _cut(self) -> int:
        self.nodes.append(Node(CUT, CUT_LABEL))
        return len(self.nodes) - 1

    def _new(self, thing, node: Node) -> int:
        self.alive.append(thing)
        self.numbers[id(thing)] = len(self.nodes)
        self.nodes.append(node)
        return len(self.nodes) - 1

    def _set_inputs(self, number: int, inputs: tuple[int, ...]) -> None:
        self.nodes[number] = dataclasses.replace(self.nodes[number], inputs=inputs)


def node_text(node: Node) -> str:
    """How the text tree writes a node: ``y (3x3)``, ``MmBackward0 = xy.grad_fn``, ``None``."""
    if node.kind == CUT:
        return node.label
    if node.kind == OP:
        return f"{node.label} = {node.alias}.grad_fn" if node.alias else node.label
    return f"{node.label} ({node.shape})" if node.label else f"({node.shape})"


def text_tree(graph: AutogradGraph) -> str:
    """The graph as a tree from each output back to the leaves, as autograd walks it.

    A node's children are its ``next_functions`` in order, a cut written ``None``; a node met a
    second time is written once more with ``(shown above)`` and not expanded again. Named
    tensors outside the graph follow, one line each.
    """
    lines: list[str] = []
    shown: set[int] = set()

    def write(number: int, lead: str, branch: str) -> None:
        node = graph.nodes[number]
        again = number in shown
        lines.append(f"{lead}{branch}{node_text(node)}{' (shown above)' if again else ''}")
        shown.add(number)
        if again:
            return
        below = lead + {"": "", "├─ ": "│  ", "└─ ": "   "}[branch]
        for index, source in enumerate(node.inputs):
            write(source, below, "└─ " if index == len(node.inputs) - 1 else "├─ ")

    for number, node in enumerate(graph.nodes):
        if node.kind == OUTPUT:
            write(number, "", "")
    for name in graph.outside:
        tensor = graph.tensors[name]
        lines.append(f"{name}: not in the graph (grad_fn=None, requires_grad={tensor.requires_grad})")
    return "\n".join(lines)


_watchers: list[Callable[[AutogradGraph], None]] = []


@contextlib.contextmanager
def watching(watcher: Callable[[AutogradGraph], None]) -> Iterator[None]:
    """Inside the block, call ``watcher(graph)`` for every graph :func:`show_graph` draws."""
    _watchers.append(watcher)
    try:
        yield
    finally:
        _watchers.remove(watcher)


def show_graph(**tensors: torch.Tensor) -> None:
    """Print the text tree of the graph behind the named tensors and hand the graph to watchers.

    The page that calls it shows the printed tree in its output block and the figure of the
    same graph after it; when no named tensor has a ``grad_fn`` there is no graph to draw.

    ```python
    import contextlib
    import io

    import torch
    from snippets.autograd_graph import show_graph, watching

    w = torch.ones(2, requires_grad=True)
    drawn, printed = [], io.StringIO()
    with watching(drawn.append), contextlib.redirect_stdout(printed):
        show_graph(loss=(w * 3).sum(), w=w)
    assert printed.getvalue().splitlines()[:2] == ["loss (scalar)", "└─ SumBackward0"]
    assert drawn[0].outputs == ("loss",)
    ```
    """
    graph = trace_graph(**tensors)
    print(text_tree(graph))
    if graph.outputs:
        for watcher in list(_watchers):
            watcher(graph)
