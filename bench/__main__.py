"""``python -m bench``: every benchmark module in this folder, one after another, each in its own process.

Modules are discovered (every ``bench/*.py`` except this one, ``__init__`` and ``_private`` helpers), so a new
benchmark needs no registration. Separate processes keep one benchmark's imports and memory out of the next's
figures. ``python -m bench NAME ...`` runs only the named ones.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def discover() -> list[str]:
    return sorted(path.stem for path in BENCH_DIR.glob("*.py") if not path.stem.startswith("_"))


def main(argv: list[str]) -> int:
    available = discover()
    unknown = [name for name in argv if name not in available]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available)}", file=sys.stderr)
        return 2
    failed = []
    for name in argv or available:
        print(f"=== bench.{name}", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", f"bench.{name}"], cwd=BENCH_DIR.parent, check=False)
        print(f"=== bench.{name}: {'ok' if result.returncode == 0 else 'FAILED'} "
              f"in {time.perf_counter() - started:.1f} s\n", flush=True)
        if result.returncode != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
