"""What hardware a block may need, and whether this machine has it.

Asked in the page's own process (:mod:`.reader`), which has imported torch already; the test
process needs no torch of its own.
"""


def cuda_available() -> bool:
    """Whether torch sees a CUDA GPU."""
    import torch

    return torch.cuda.is_available()


AVAILABLE = {"cuda": cuda_available}
