"""`make bench`: how much verifying every docs page costs on top of importing torch.

Prints the wall time of `pytest docs` (every block of every page, both languages), the time of
`python -c "import torch"`, and their ratio, each the median of a few runs. Target: ratio <= 1.5.
"""

import statistics
import subprocess
import sys
import time

from tests.docs import ROOT

RUNS = 3
TARGET = 1.5


def wall_time(command: list[str]) -> float:
    """Median wall time of ``command`` over RUNS runs, in seconds; it must succeed."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Measure, print the figures, and exit non-zero when the ratio misses the target."""
    verify = wall_time([sys.executable, "-m", "pytest", "docs", "-q"])
    torch_import = wall_time([sys.executable, "-c", "import torch"])
    ratio = verify / torch_import
    print(f"verify all docs pages : {verify:.2f} s")
    print(f'python -c "import torch": {torch_import:.2f} s')
    print(f"ratio                 : {ratio:.2f} (target <= {TARGET})")
    sys.exit(0 if ratio <= TARGET else 1)


if __name__ == "__main__":
    main()
