"""Helpers for the computation graph page (docs/*/graph.md)."""

import warnings

import torch

COLUMNS = ("tensor", "device", "requires_grad", "grad", "grad_fn", "is_leaf", "retains_grad")

_NON_LEAF_GRAD = r"The \.grad attribute of a Tensor that is not a leaf Tensor is being accessed"


def attribute_table(**tensors: torch.Tensor) -> str:
    """Return an aligned, Markdown-style table of the autograd attributes of named tensors.

    Each keyword becomes a row: its name, then ``device``, ``requires_grad``, ``grad``,
    ``grad_fn``, ``is_leaf`` and ``retains_grad``. ``grad_fn`` is shown by its class name
    (``MmBackward0``) or ``None``; ``grad`` compactly, as ``None`` or ``tensor(3x3)`` (its
    shape; ``tensor(scalar)`` for a 0-d gradient), never its values.

    Reading ``.grad`` of a non-leaf tensor that does not retain its gradient makes torch
    emit a ``UserWarning``. This helper reads ``.grad`` with exactly that warning silenced,
    so the table is accurate and printing it never adds the warning to a page's output.

    ```python
    import torch
    from snippets.graph import attribute_table

    w = torch.ones(2, requires_grad=True)
    loss = (w * 3).sum()
    loss.backward()
    rows = attribute_table(w=w, loss=loss).splitlines()
    assert rows[0].split() == ["|", "tensor", "|", "device", "|", "requires_grad", "|", "grad",
                               "|", "grad_fn", "|", "is_leaf", "|", "retains_grad", "|"]
    assert [cell.strip() for cell in rows[2].split("|")[1:-1]] == [
        "w", "cpu", "True", "tensor(2)", "None", "True", "False"]
    assert [cell.strip() for cell in rows[3].split("|")[1:-1]] == [
        "loss", "cpu", "True", "None", "SumBackward0", "False", "False"]
    ```
    """
    rows = [COLUMNS] + [_row(name, tensor) for name, tensor in tensors.items()]
    widths = [max(len(row[column]) for row in rows) for column in range(len(COLUMNS))]

    def line(cells):
        return "| " + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths)) + " |"

    rule = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([line(rows[0]), rule] + [line(row) for row in rows[1:]])


def _row(name: str, tensor: torch.Tensor) -> tuple[str, ...]:
    grad_fn = tensor.grad_fn
    return (
        name,
        str(tensor.device),
        str(tensor.requires_grad),
        _compact(_grad(tensor)),
        "None" if grad_fn is None else type(grad_fn).__name__,
        str(tensor.is_leaf),
        str(tensor.retains_grad),
    )


def _grad(tensor: torch.Tensor):
    """``tensor.grad`` without the UserWarning torch gives for a non-leaf's missing gradient."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=_NON_LEAF_GRAD, category=UserWarning)
        return tensor.grad


def _compact(grad) -> str:
    if grad is None:
        return "None"
    shape = "x".join(str(size) for size in grad.shape) or "scalar"
    return f"tensor({shape})"
