"""Give each page the torch a fresh interpreter would have, whatever ran before it."""

import random

import numpy
import torch


def fresh_torch_state(namespace: dict) -> None:
    """Sybil setup: reset the global torch settings a page might have changed.

    ``set_warn_always`` makes warnings that torch shows once per process show on every page
    that triggers them, as they would for a reader who runs that page alone. The random
    generators get a fresh, unpredictable seed, as in a reader's new kernel: a page that prints
    random values must seed them itself, or its outputs differ from run to run. The page's code
    runs as ``__main__``, as a reader's script or notebook does.
    """
    namespace["__name__"] = "__main__"
    torch.set_grad_enabled(True)
    torch.set_default_dtype(torch.float32)
    torch.set_printoptions(profile="default")
    torch.autograd.set_detect_anomaly(False)
    torch.set_warn_always(True)
    torch.seed()
    random.seed()
    numpy.random.seed()
