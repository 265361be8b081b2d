"""Helpers for the no_grad page: see what autograd keeps for the backward pass."""

from typing import Any, Callable

import torch


def _record_saves(fn: Callable[[], Any]) -> list[torch.Tensor]:
    """Run ``fn()`` and return every tensor autograd saved for backward, once per save."""
    saved: list[torch.Tensor] = []

    def pack(tensor: torch.Tensor) -> torch.Tensor:
        saved.append(tensor)
        return tensor

    def unpack(tensor: torch.Tensor) -> torch.Tensor:
        return tensor

    with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
        fn()
    return saved


def saved_for_backward(fn: Callable[[], Any]) -> tuple[int, int]:
    """Run ``fn()`` and return ``(count, bytes)`` of the tensors autograd saved for backward.

    Every save is counted: the pack hook of ``torch.autograd.graph.saved_tensors_hooks`` is
    called once each time an operation saves a tensor, so a tensor saved by two operations
    (or twice by one, as in ``x * x``) is counted twice, and a parameter that a layer saves
    is counted although it is in memory anyway. ``bytes`` is the sum of
    ``numel() * element_size()`` over those saves. When nothing is recorded, as under
    ``torch.no_grad()``, the hook is never called and the result is ``(0, 0)``.

    ```python
    import torch
    from snippets.no_grad import saved_for_backward

    x = torch.ones(3, requires_grad=True)
    assert saved_for_backward(lambda: x * x) == (2, 24)  # x saved twice, 3 floats each
    assert saved_for_backward(lambda: x + x) == (0, 0)  # addition needs nothing saved
    with torch.no_grad():
        assert saved_for_backward(lambda: x * x) == (0, 0)
    ```
    """
    saved = _record_saves(fn)
    return len(saved), sum(t.numel() * t.element_size() for t in saved)


def saved_shapes(fn: Callable[[], Any]) -> list[tuple[int, ...]]:
    """Run ``fn()`` and return the shape of each tensor saved for backward, in save order.

    Counts saves the same way as :func:`saved_for_backward`.

    ```python
    import torch
    from snippets.no_grad import saved_shapes

    x = torch.ones(2, 3, requires_grad=True)
    assert saved_shapes(lambda: x.exp()) == [(2, 3)]  # exp saves its result
    ```
    """
    return [tuple(t.shape) for t in _record_saves(fn)]
