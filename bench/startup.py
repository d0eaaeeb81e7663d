"""Wall time of ``reader parse <seed>`` against ``python -c pass`` in the same run (target: <= 0.5 s).

Run: ``.venv/bin/python -m bench.startup [RUNS]``. Each command runs RUNS times (default 10) as a fresh
process, as a user would start it; the median is reported, with the difference to the interpreter's own
start-up, which is what the project's imports and parsing cost.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "2023-10-20-kim-jong-un-receives-lavrov.txt"
READER = Path(sys.executable).parent / "reader"
TARGET_SECONDS = 0.5


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    median_seconds([str(READER), "parse", str(SEED)], 1)  # warm the file cache and .pyc files
    baseline = median_seconds([sys.executable, "-c", "pass"], runs)
    parse = median_seconds([str(READER), "parse", str(SEED)], runs)
    print(f"median of {runs} runs")
    print(f"  python -c pass        {baseline * 1000:7.0f} ms")
    print(f"  reader parse <seed>   {parse * 1000:7.0f} ms   ({parse / baseline:.1f}x the interpreter's start-up)")
    print(f"  difference            {(parse - baseline) * 1000:7.0f} ms")
    verdict = "within" if parse <= TARGET_SECONDS else "OVER"
    print(f"  target {TARGET_SECONDS * 1000:.0f} ms: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
