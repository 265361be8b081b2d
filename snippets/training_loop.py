"""The training loop of the page "A training loop, end to end", packaged to run it twice.

The page writes the loop out in full first; this module holds the same loop so that the
section on forgetting ``zero_grad()`` can train two models side by side without repeating it.
"""

from dataclasses import dataclass, field

import torch
from torch import nn
from torch.overrides import TorchFunctionMode


@dataclass
class TrainHistory:
    """What :func:`train` records at every step.

    ``losses[i]`` is the loss of step ``i`` (computed before that step's update) and
    ``grad_norms[i]`` the norm of all the parameters' ``.grad`` at the moment
    ``optimizer.step()`` used them.
    """

    losses: list[float] = field(default_factory=list)
    grad_norms: list[float] = field(default_factory=list)


def grad_norm(model: nn.Module) -> float:
    """Return the norm of every parameter's ``.grad`` taken together, as a Python float."""
    grads = [p.grad.flatten() for p in model.parameters() if p.grad is not None]
    return torch.cat(grads).norm().item()


class _InPlaceSpy(TorchFunctionMode):
    """Record the name of every public in-place tensor operation, with the grad mode it ran in."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, bool]] = []

    def __torch_function__(self, func, types, args=(), kwargs=None):
        name = getattr(func, "__name__", "")
        if name.endswith("_") and not name.startswith("_"):
            self.calls.append((name, torch.is_grad_enabled()))
        return func(*args, **(kwargs or {}))


def grad_mode_in_step(optimizer: torch.optim.Optimizer) -> list[tuple[str, bool]]:
    """Call ``optimizer.step()`` and return ``(operation, grad mode on?)`` for each in-place update.

    A ``TorchFunctionMode`` sees every tensor operation ``step()`` runs; the in-place ones
    (``add_``, ``mul_``, ...) are the updates of the parameters, and next to each name is what
    ``torch.is_grad_enabled()`` said while it ran.

    ```python
    import torch
    from snippets.training_loop import grad_mode_in_step

    w = torch.ones(2, requires_grad=True)
    (w * 3).sum().backward()
    assert grad_mode_in_step(torch.optim.SGD([w], lr=0.1)) == [("add_", False)]
    assert w.is_leaf and w.grad_fn is None
    ```
    """
    spy = _InPlaceSpy()
    with spy:
        optimizer.step()
    return spy.calls


def train(model, optimizer, x, y, steps, zero_grad=True):
    """Fit ``model`` to ``(x, y)`` with mean squared error for ``steps`` full-batch steps.

    With ``zero_grad=False`` the call to ``optimizer.zero_grad()`` is left out, so every
    ``backward()`` adds its gradient to what the earlier steps left in ``.grad``.

    ```python
    import torch
    from torch import nn
    from snippets.training_loop import train

    torch.manual_seed(0)
    x = torch.randn(8, 1)
    model = nn.Linear(1, 1)
    history = train(model, torch.optim.SGD(model.parameters(), lr=0.1), x, 2 * x, steps=5)
    assert len(history.losses) == len(history.grad_norms) == 5
    assert history.losses[-1] < history.losses[0]
    ```
    """
    loss_fn = nn.MSELoss()
    history = TrainHistory()
    for _ in range(steps):
        loss = loss_fn(model(x), y)
        if zero_grad:
            optimizer.zero_grad()
        loss.backward()
        history.losses.append(loss.item())
        history.grad_norms.append(grad_norm(model))
        optimizer.step()
    return history
