"""The training loop of the page "A training loop, end to end", packaged to run it twice.

The page writes the loop out in full first; this module holds the same loop so that the
section on forgetting ``zero_grad()`` can train two models side by side without repeating it.
"""

from dataclasses import dataclass, field

import torch
from torch import nn


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
