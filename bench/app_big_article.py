"""A 4.8 MB article against the seed article, in the same run: time to the title, keys while it is laid out, quit.

1. Time to title: the real ``reader FILE`` in a 120x40 tmux terminal, process start to the title on screen
   (parsing the file included), 3 interleaved runs each. Target: the big article <= 2 s.
2. Quit: ``q`` pressed as soon as the title shows (the big article still being laid out and linked), then the
   time until the process has exited. Target: <= 1 s.
3. Keys: ``j`` and ``k`` in turn posted 150 times, 50 a second, from the first frame on (in a Pilot test app), each timed to the
   next frame (as in ``bench.app_keys``); for the big article, the presses made while the panes were still being
   laid out or terms linked are counted apart. Target: median <= 50 ms.

The big article is the corpus's paragraphs one after another up to 4.8 MB (under the 5 MB limit for one article),
written in the KCNA text shape the reader parses.
"""

from __future__ import annotations

import asyncio
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from textual import events

from bench._tmux import time_to_screen
from bench.app_keys import record_frames

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "kcna-en-2024-dev.jsonl"
SAMPLE = REPO / "tests" / "data" / "corpus-sample.jsonl"
SEED = REPO / "seeds" / "2023-10-20-kim-jong-un-receives-lavrov.txt"
READER = Path(sys.executable).with_name("reader")
BIG_TITLE = "Benchmark Article Of Many Paragraphs"
SEED_TITLE = "Respected Comrade Kim Jong Un Receives Russian Foreign Minister"
TARGET_BYTES = 4_800_000
RUNS = 3
#: Set to skip the terminal runs (title, quit) and measure only the keys.
KEYS_ONLY = bool(os.environ.get("BENCH_KEYS_ONLY"))
PRESSES = 150
#: How long to wait, after the presses, for the rest of the article to be laid out and linked (reported).
LAYOUT_WAIT_SECONDS = 90


def write_big_article(path: Path, size: int = TARGET_BYTES) -> int:
    """The corpus's paragraphs, repeated as needed, as one KCNA-shaped article of about ``size`` bytes."""
    records = [json.loads(line) for line in (CORPUS if CORPUS.exists() else SAMPLE).open(encoding="utf-8")]
    lines = [BIG_TITLE, "2024-01-01", "Pyongyang, January 1 (KCNA) -- The benchmark article begins here."]
    written = sum(len(line.encode()) + 1 for line in lines)
    number = 0
    while written < size:
        for paragraph in records[number % len(records)]["text"].split("\n"):
            paragraph = paragraph.strip()
            if paragraph and written + len(paragraph.encode()) + 1 <= size:
                lines.append(paragraph)
                written += len(paragraph.encode()) + 1
        number += 1
        if number > 10 * len(records):
            break
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written


def time_to_quit(path: Path, title: str, env: dict[str, str], timeout: float = 60.0) -> float:
    """Start the reader on ``path``; once ``title`` shows, press q and time until the process is gone."""
    socket = f"kcna-bench-quit-{time.monotonic_ns()}"
    assignments = " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())
    shell_command = f"env -u COLUMNS -u LINES {assignments} TERM=xterm-256color {shlex.quote(str(READER))} {shlex.quote(str(path))}"
    tmux = ["tmux", "-L", socket]
    subprocess.run([*tmux, "new-session", "-d", "-s", "b", "-x", "120", "-y", "40", shell_command], check=True)
    try:
        started = time.perf_counter()
        while title not in subprocess.run([*tmux, "capture-pane", "-p", "-t", "b"], capture_output=True, text=True).stdout:
            if time.perf_counter() - started > timeout:
                raise TimeoutError(f"{title!r} did not appear")
            time.sleep(0.005)
        subprocess.run([*tmux, "send-keys", "-t", "b", "q"], check=True)
        pressed = time.perf_counter()
        # The session ends when its only command exits.
        while subprocess.run([*tmux, "has-session", "-t", "b"], capture_output=True).returncode == 0:
            if time.perf_counter() - pressed > timeout:
                raise TimeoutError("q did not quit")
            time.sleep(0.005)
        return time.perf_counter() - pressed
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


async def key_latencies(path: Path) -> tuple[list[float], list[float], float]:
    """(latencies while layout or linking was pending, latencies after, seconds until everything was laid out)."""
    from reader.app.app import ReaderApp
    from reader.app.screens.reading import ReadingScreen
    from reader.articles.load import load_article

    app = ReaderApp(load_article(path))
    frames = record_frames(app)
    during: list[float] = []
    after: list[float] = []
    async with app.run_test(size=(120, 40)):
        started = time.perf_counter()
        while not isinstance(app.screen, ReadingScreen) or not frames:
            await asyncio.sleep(0.001)
        screen = app.screen

        def busy() -> bool:
            return not screen.terms_linked or screen.source_pane.layout_pending or screen.target_pane.layout_pending

        for number in range(PRESSES):
            key = "j" if number % 2 == 0 else "k"  # back and forth: every press moves the cursor (the seed is short)
            pending = busy()
            frames.clear()
            pressed = time.perf_counter()
            # Posted as the terminal driver posts keys: Pilot.press would also wait for the process to go idle,
            # which it is not while the article is laid out.
            app.post_message(events.Key(key, key))
            while not frames:
                await asyncio.sleep(0)
            (during if pending else after).append(frames[0] - pressed)
            await asyncio.sleep(0.02)  # a fast typist: 50 keys a second
        deadline = time.perf_counter() + LAYOUT_WAIT_SECONDS
        while busy() and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)
        laid_out = time.perf_counter() - started if not busy() else float("inf")
    return during, after, laid_out


def _ms(values: list[float]) -> str:
    if not values:
        return "no presses"
    ms = sorted(value * 1000 for value in values)
    return f"median {statistics.median(ms):6.1f} ms  p95 {ms[max(int(len(ms) * 0.95) - 1, 0)]:6.1f} ms  (n={len(ms)})"


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {name: str(Path(home) / name.lower()) for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")}
        env["ARGOS_PACKAGES_DIR"] = str(Path(home) / "packages")  # no model: the gloss pane
        os.environ.update(env)
        big = Path(home) / "big-article.txt"
        size = write_big_article(big)
        if not KEYS_ONLY:
            time_to_screen([str(READER), str(SEED)], SEED_TITLE, env)  # first start: builds the glossary cache
        seed_times, big_times, seed_quit, big_quit = [], [], [], []
        for _ in range(0 if KEYS_ONLY else RUNS):
            seed_times.append(time_to_screen([str(READER), str(SEED)], SEED_TITLE, env))
            big_times.append(time_to_screen([str(READER), str(big)], BIG_TITLE, env))
            seed_quit.append(time_to_quit(SEED, SEED_TITLE, env))
            big_quit.append(time_to_quit(big, BIG_TITLE, env))
            print(f"run: seed title {seed_times[-1]:.2f} s, big title {big_times[-1]:.2f} s, "
                  f"q {seed_quit[-1]:.2f} / {big_quit[-1]:.2f} s", flush=True)
        seed_during, seed_after, seed_laid = asyncio.run(key_latencies(SEED))
        big_during, big_after, big_laid = asyncio.run(key_latencies(big))
    print(f"big article: {size / 1e6:.2f} MB")
    if seed_times:
        print(f"time to title  seed {statistics.median(seed_times):5.2f} s   big {statistics.median(big_times):5.2f} s"
              f"  (big: {', '.join(f'{t:.2f}' for t in big_times)}; target <= 2 s)")
        print(f"q to exit      seed {statistics.median(seed_quit):5.2f} s   big {statistics.median(big_quit):5.2f} s"
              f"  (big: {', '.join(f'{t:.2f}' for t in big_quit)}; target <= 1 s)")
    print(f"keys, seed                    {_ms(seed_during + seed_after)}")
    print(f"keys, big, while laying out   {_ms(big_during)}   (target median <= 50 ms)")
    print(f"keys, big, after              {_ms(big_after)}")
    print(f"everything laid out and linked: seed {seed_laid:.2f} s, big {big_laid:.1f} s after the first frame"
          f" (inf: not within {LAYOUT_WAIT_SECONDS} s)")
    all_seed = seed_during + seed_after
    print(json.dumps({
        "big_title_s": round(statistics.median(big_times), 3) if big_times else None,
        "big_quit_s": round(statistics.median(big_quit), 3) if big_quit else None,
        "big_key_median_ms": round(statistics.median(big_during) * 1000, 1) if big_during else None,
        "seed_key_median_ms": round(statistics.median(all_seed) * 1000, 1) if all_seed else None,
    }))


if __name__ == "__main__":
    main()
