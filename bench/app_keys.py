"""Key-to-render time on a 500-sentence article: 200 presses of j (next sentence), 200 of k, with Pilot.

Each press is timed from the key event to the first frame the app renders after it (``App._display``). The
baseline in the same run is a bare Textual app whose binding updates one Static per key. Target: median <= 16 ms.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "kcna-en-2024-dev.jsonl"
SAMPLE = REPO / "tests" / "data" / "corpus-sample.jsonl"
PRESSES = 200


def long_article(sentences_wanted: int = 500):  # type: ignore[no-untyped-def]
    """One article of ~500 sentences: the paragraphs of consecutive corpus articles."""
    from reader.articles.corpus import iter_corpus
    from reader.articles.model import Article

    paragraphs: list[list[str]] = []
    count = 0
    for article in iter_corpus(CORPUS if CORPUS.exists() else SAMPLE):
        for paragraph in article.paragraphs:
            paragraphs.append(paragraph)
            count += len(paragraph)
        if count >= sentences_wanted:
            break
    return Article(title="Benchmark: 500 sentences", date="2024-01-01", paragraphs=paragraphs, source="bench")


class BareApp(App[None]):
    BINDINGS = [Binding("j", "bump(1)"), Binding("k", "bump(-1)")]

    def compose(self) -> ComposeResult:
        yield Static("0", id="counter")

    def action_bump(self, step: int) -> None:
        counter = self.query_one("#counter", Static)
        counter.update(str(int(str(counter.render())) + step))


def record_frames(app: App) -> list[float]:
    """The list to which ``app`` appends the time of each frame it writes to the terminal (from now on)."""
    frames: list[float] = []
    original = app._display

    def record(screen, renderable):  # type: ignore[no-untyped-def]
        frames.append(time.perf_counter())
        return original(screen, renderable)

    app._display = record  # type: ignore[method-assign]
    return frames


async def _time_presses(app: App, keys: list[str], settle) -> list[float]:  # type: ignore[no-untyped-def]
    frames = record_frames(app)
    latencies: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for key in keys:
            frames.clear()
            started = time.perf_counter()
            await pilot.press(key)
            while not frames:
                await asyncio.sleep(0)
            latencies.append(frames[0] - started)
    return latencies


async def _settle_reader(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause(0.3)


async def _settle_bare(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()


def _summary(name: str, latencies: list[float]) -> str:
    ms = sorted(x * 1000 for x in latencies)
    return (f"{name:<34} median {statistics.median(ms):5.1f} ms  p95 {ms[int(len(ms) * 0.95) - 1]:5.1f} ms"
            f"  max {ms[-1]:5.1f} ms  (n={len(ms)})")


async def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = str(Path(home) / name.lower())
        os.environ["ARGOS_PACKAGES_DIR"] = str(Path(home) / "packages")  # no model: both panes still full
        from reader.app.app import ReaderApp

        article = long_article()
        keys = ["j"] * PRESSES + ["k"] * PRESSES
        reader = await _time_presses(ReaderApp(article), keys, _settle_reader)
        bare = await _time_presses(BareApp(), keys, _settle_bare)
    print(f"article: {len(article.sentences)} sentences in {len(article.paragraphs)} paragraphs")
    print(_summary("reader, j/k on 500 sentences", reader))
    print(_summary("bare app, one Static per key", bare))
    print(f"ratio of medians: {statistics.median(reader) / statistics.median(bare):.2f}x   (target: median <= 16 ms)")
    print(json.dumps({"reader_median_ms": round(statistics.median(reader) * 1000, 2)}))


if __name__ == "__main__":
    asyncio.run(main())
