"""First paint of the seed article: process start to the title on screen, against a bare Textual app.

Both run the same way, in the same run, in a real terminal (tmux, 120x40), timed until the title string is on
screen. Target: the reader <= 1.5x the bare app. The first start of a new user also seeds the library; that
is measured separately (the seeding runs after the first paint).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from bench._bare_app import TITLE
from bench._tmux import time_to_screen

REPO = Path(__file__).resolve().parent.parent
READER = Path(sys.executable).with_name("reader")
RUNS = 11


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {name: str(Path(home) / name.lower()) for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")}
        env["ARGOS_PACKAGES_DIR"] = str(Path(home) / "packages")  # no model: the gloss pane, no translation work
        first_start = time_to_screen([str(READER)], TITLE, env)
        reader_times, bare_times = [], []
        for _ in range(RUNS):  # interleaved, so machine noise hits both alike
            bare_times.append(time_to_screen([sys.executable, str(REPO / "bench" / "_bare_app.py")], TITLE, env))
            reader_times.append(time_to_screen([str(READER)], TITLE, env))
    bare, reader = statistics.median(bare_times), statistics.median(reader_times)
    print(f"bare Textual app, one Static : median {bare * 1000:6.0f} ms  (min {min(bare_times) * 1000:.0f})")
    print(f"reader, seed article         : median {reader * 1000:6.0f} ms  (min {min(reader_times) * 1000:.0f})")
    print(f"reader, very first start     : {first_start * 1000:6.0f} ms")
    print(f"ratio reader / bare          : {reader / bare:.2f}x   (target <= 1.5x)")


if __name__ == "__main__":
    main()
