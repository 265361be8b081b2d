"""Drawing the graphs a page's blocks hand to ``show_graph``, in the page's own process."""

import contextlib
from typing import Iterator

from snippets.autograd_graph import AutogradGraph, watching
from snippets.graph_svg import graph_svg

from .figures import Drawing
from .peer import peer_differences


def draw(graph: AutogradGraph, line: int) -> Drawing:
    """Draw ``graph`` for the block at ``line`` and ask torchviz about it."""
    svg = graph_svg(graph)
    return Drawing(line, svg, tuple(peer_differences(svg, graph)))


@contextlib.contextmanager
def recording(drawings: list[Drawing], line: int) -> Iterator[None]:
    """Inside the block, draw every graph ``show_graph`` hands out and append it to ``drawings``."""
    with watching(lambda graph: drawings.append(draw(graph, line))):
        yield
