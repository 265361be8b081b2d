"""The autograd graphs tests/test_figures.py draws, each built from fresh tensors, and what draws
and checks them.

A module of its own, which those tests import through their ``graphs`` fixture: collecting the
tests imports no torch, so a test process that runs none of them never imports it (pages run in
processes of their own, pagecheck/pageprocess.py).
"""

import torch
from torch import nn

from pagecheck.peer import peer_differences
from snippets.autograd_graph import trace_graph
from snippets.graph_svg import graph_svg

__all__ = ["peer_differences", "trace_graph", "graph_svg", "torch"]


def first_example():
    """The graph of docs/*/graph.md's first example."""
    torch.manual_seed(0)
    x = torch.arange(9, dtype=torch.float).view(3, 3)
    y = torch.randn(3, 3, requires_grad=True)
    return trace_graph(z=torch.sum(torch.mm(x, y)), x=x, y=y)


def branch():
    """A non-leaf used twice, so the graph forks and joins again."""
    y = torch.ones(3, 3, requires_grad=True)
    xy = torch.mm(torch.ones(3, 3), y)
    return trace_graph(total=xy.sum() + xy.mean(), xy=xy, y=y)


def second_derivative():
    """``y = x ** 3`` and its first derivative recorded with ``create_graph=True``."""
    x = torch.tensor(2.0, requires_grad=True)
    y = x**3
    (dy,) = torch.autograd.grad(y, x, create_graph=True)
    return trace_graph(y=y, dy=dy, x=x)


def linear_model():
    """The mean squared error of an ``nn.Linear``, with its parameters named."""
    model = nn.Linear(1, 1)
    x = torch.ones(4, 1)
    return trace_graph(loss=nn.MSELoss()(model(x), 2 * x), weight=model.weight, bias=model.bias)


def square():
    """``w * w``: the same input in both slots of one node, so torchviz lists the edge twice."""
    w = torch.ones(2, requires_grad=True)
    return trace_graph(out=(w * w).sum(), w=w)


def detached_target():
    """docs/*/detach.md's fixed target: a detached branch, a ``None`` slot drawn as a cut stub."""
    w = torch.tensor(1.0, requires_grad=True)
    return trace_graph(loss=(w * 1.0 - (1.0 + 0.9 * (w * 2.0).detach())) ** 2, w=w)
