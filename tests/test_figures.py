"""The graph figures: well-formed SVG, the same bytes for the same graph, the same nodes and edges
as torchviz's ``make_dot``, shown by both languages, and redrawn from the page's code.

That each committed figure is what its page's code draws is checked with the page itself (the
figure regions of pagecheck/); the sample pages under tests/samples/must_fail/figure_*.md
prove that a stale, missing or disagreeing figure fails, and the last test here that
``make refresh`` redraws it.
"""

import re
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import torch
from sybil import Document
from torch import nn

from snippets.autograd_graph import trace_graph
from snippets.graph_svg import graph_svg
from tests.docs import DOCS, ROOT, fail_with, pages, twin
from pagecheck.engine import check_page, make_sybil
from pagecheck.figures import page_figures
from pagecheck.peer import SVG, peer_differences
from resultcache.plugin import declare
from tests.result_inputs import checker_self_test_inputs

FIGURES = ROOT / "figures"
SAMPLES = Path(__file__).parent / "samples"


def shown_figures(page: Path) -> list[str]:
    """The figure files a page shows, in page order."""
    document = Document(page.read_text(encoding="utf-8"), str(page))
    return [figure.path for _, _, figure in page_figures(document)]


def first_example():
    """The graph of docs/*/graph.md's first example, built from fresh tensors."""
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


GRAPHS = [first_example, branch, second_derivative, linear_model, square, detached_target]


@pytest.mark.parametrize("figure", sorted(FIGURES.glob("*.svg")), ids=lambda path: path.name)
def test_committed_figure_is_well_formed_svg(figure):
    root = ElementTree.fromstring(figure.read_text(encoding="utf-8"))
    assert root.tag == f"{SVG}svg"
    left, top, width, height = (float(number) for number in root.get("viewBox").split())
    assert (left, top) == (0, 0) and (width, height) == (float(root.get("width")), float(root.get("height")))
    nodes = {node.get("data-node") for node in root.iter(f"{SVG}g") if "data-node" in node.attrib}
    edges = [(edge.get("data-from"), edge.get("data-to")) for edge in root.iter(f"{SVG}path") if "data-from" in edge.attrib]
    assert nodes and all(tail in nodes and head in nodes for tail, head in edges)
    assert all(0 <= float(number) <= max(width, height) for number in re.findall(r'(?<=")[\d.]+(?=")', figure.read_text()))


def test_every_figure_file_is_shown_and_every_shown_figure_exists():
    shown = {path for language in ("zh", "en") for page in pages(language) for path in shown_figures(DOCS / language / page)}
    files = {str(path.relative_to(ROOT)) for path in FIGURES.glob("*.svg")}
    fail_with(
        [f"{path} is shown by no page: delete it, or show it after the block that draws it" for path in sorted(files - shown)]
        + [f"{path} is shown by a page but does not exist: `make refresh` draws it" for path in sorted(shown - files)]
    )


@pytest.mark.parametrize("page", pages("zh"), ids=str)
def test_twin_pages_show_the_same_figures_in_the_same_order(page):
    zh, en = shown_figures(DOCS / "zh" / page), shown_figures(twin(page))
    if zh != en:
        fail_with([f"docs/zh/{page.as_posix()} shows {', '.join(zh) or 'no figure'}, docs/en/{page.as_posix()} shows {', '.join(en) or 'no figure'}: twins show the same figures in the same order"])


@declare(checker_self_test_inputs)
@pytest.mark.parametrize("build", GRAPHS, ids=lambda build: build.__name__)
def test_the_same_graph_always_gives_the_same_bytes(build):
    first, again = build(), build()
    assert graph_svg(first) == graph_svg(first) == graph_svg(again)
    assert not re.search(r"0x[0-9a-f]{6,}|\d{9,}", graph_svg(first))


@declare(checker_self_test_inputs)
@pytest.mark.parametrize("build", GRAPHS, ids=lambda build: build.__name__)
def test_figure_has_the_nodes_and_edges_torchviz_lists(build):
    graph = build()
    assert peer_differences(graph_svg(graph), graph) == []


@declare(checker_self_test_inputs)
def test_peer_check_notices_a_missing_edge_and_a_wrong_node():
    graph = first_example()
    svg = graph_svg(graph)
    without_edge = "\n".join(line for line in svg.splitlines() if 'data-to="n2"' not in line)
    assert peer_differences(without_edge, graph) == ["edge only in torchviz's graph: op AccumulateGrad -> op MmBackward0"]
    renamed = peer_differences(svg.replace(">MmBackward0<", ">MulBackward0<"), graph)
    assert "node only in the figure: op MulBackward0" in renamed
    assert "node only in torchviz's graph: op MmBackward0" in renamed


@declare(checker_self_test_inputs)
def test_peer_check_notices_the_same_nodes_and_edges_wired_differently():
    a, b = torch.ones(1, requires_grad=True), torch.ones(1, requires_grad=True)
    graph = trace_graph(out=(a.exp() + b.sin()).sum())
    number = {node.label: index for index, node in enumerate(graph.nodes) if node.kind == "op"}
    into_exp, into_sin = graph.nodes[number["ExpBackward0"]].inputs[0], graph.nodes[number["SinBackward0"]].inputs[0]
    svg = graph_svg(graph).replace(
        f'data-from="n{into_sin}" data-to="n{number["SinBackward0"]}"', f'data-from="n{into_exp}" data-to="n{number["SinBackward0"]}"'
    )
    # Every node and every (label, label) edge is still there, but one AccumulateGrad now feeds both.
    assert peer_differences(svg, graph) == ["the same nodes and edges, wired differently"]


@declare(checker_self_test_inputs)
def test_a_none_slot_is_drawn_as_a_dashed_stub_that_torchviz_is_not_asked_about():
    graph = detached_target()
    svg = graph_svg(graph)
    stubs = [node for node in ElementTree.fromstring(svg).iter(f"{SVG}g") if "agraph-cut" in node.get("class", "").split()]
    assert len(stubs) == len(graph.cuts) == 2
    assert all(next(stub.iter(f"{SVG}text")).text == "None" for stub in stubs)
    assert svg.count('class="agraph-edge agraph-cut-edge"') == 2 and peer_differences(svg, graph) == []


@declare(checker_self_test_inputs)
def test_peer_check_notices_a_real_input_drawn_as_a_cut_stub():
    graph = first_example()
    leaf = next(number for number, node in enumerate(graph.nodes) if node.kind == "leaf")
    svg = graph_svg(graph)
    as_cut = re.sub(
        rf'<g class="agraph-node agraph-leaf" data-node="n{leaf}">(<rect[^>]*>)<text class="agraph-name"[^<]*>y</text><text[^<]*>[^<]*</text>',
        rf'<g class="agraph-node agraph-cut" data-node="n{leaf}">\1<text class="agraph-cut-label">None</text>',
        svg,
    )
    assert as_cut != svg
    assert peer_differences(as_cut, graph) == [
        "node only in torchviz's graph: leaf y (3, 3)",
        "edge only in torchviz's graph: leaf y (3, 3) -> op AccumulateGrad",
    ]


@declare(checker_self_test_inputs)
def test_refresh_redraws_a_stale_figure_and_then_the_page_passes(tmp_path):
    figure = tmp_path / "figure.svg"
    shutil.copy(SAMPLES / "figures" / "stale.svg", figure)
    page = tmp_path / "page.md"
    sample = (SAMPLES / "must_fail" / "figure_stale.md").read_text(encoding="utf-8")
    page.write_text(sample.replace("tests/samples/figures/stale.svg", str(figure)), encoding="utf-8")
    sybil = make_sybil(refresh=False, path=str(tmp_path), patterns=["*.md"])
    refreshing = make_sybil(refresh=True, path=str(tmp_path), patterns=["*.md"])
    assert any("is stale" in failure for failure in check_page(sybil, page))
    assert check_page(refreshing, page) == []
    assert check_page(sybil, page) == []
    assert figure.read_text(encoding="utf-8") == graph_svg(trace_graph(loss=(torch.ones(2, requires_grad=True) * 3).sum()))
