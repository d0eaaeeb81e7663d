"""Translation in the app against the command line's path: the same article, engine and batches.

Run: ``.venv/bin/python -m bench.app_translation [--sentences 300] [--rounds 2]``.

A real-size random-weight Argos-shaped model (``bench.translation_throughput.build_random_package``) translates an
article of corpus sentences twice per round: once through ``translate_sentences`` as ``reader translate`` does, once
in the app (headless, ``App.run_test``) from opening the article until the last sentence is drawn. Each run starts
with an empty translation cache and the engine already loaded, so both time the same model work and the app's
extra cost (posting batches, matching Korean terms, laying out the pane) shows as the ratio. Target: the app within
20% of the command line.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.translation_throughput import ForcedLength, build_random_package, corpus_sentences

#: Output tokens per sentence: random weights never stop on their own, so both paths get the same forced length.
OUTPUT_TOKENS = 24


def _forced(engine: object) -> object:
    engine._translator = ForcedLength(engine._translator, OUTPUT_TOKENS)  # type: ignore[attr-defined]
    return engine


def _fresh_dirs(root: Path, name: str) -> None:
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(root / name / variable.lower())


def _time_command_line(article_path: Path) -> float:
    from reader.context import ReaderContext
    from reader.translate.service import translate_sentences

    context = ReaderContext()
    article = context.load_article(article_path)
    engine = _forced(context.engine())
    started = time.perf_counter()
    translate_sentences(article.sentences, engine, context.translation_cache, progress=lambda done, total: None)
    return time.perf_counter() - started


async def _time_app(article_path: Path) -> float:
    from reader.app.app import ReaderApp
    from reader.app.screens.reading import ReadingScreen, TranslationState
    from reader.context import ReaderContext

    context = ReaderContext()
    article = context.load_article(article_path)
    _forced(context.engine())  # loaded before the clock starts, as for the command line
    _ = context.matcher
    app = ReaderApp(article, context=context)
    async with app.run_test(size=(120, 40)) as pilot:
        started = time.perf_counter()
        while True:
            screen = app.screen
            if isinstance(screen, ReadingScreen) and screen.translation_state is TranslationState.DONE:
                break
            await pilot.pause(0.02)
        elapsed = time.perf_counter() - started
        await pilot.press("q")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--vocab", type=int, default=32000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-app-translation-") as tmp:
        work = Path(tmp)
        os.environ["ARGOS_PACKAGES_DIR"] = str(work / "packages")
        folder = build_random_package(work / "packages", corpus_sentences(20000), vocab_size=args.vocab)
        model_mb = (folder / "model" / "model.bin").stat().st_size / 1e6
        sentences = corpus_sentences(args.sentences)
        article_path = work / "article.txt"
        article_path.write_text("Benchmark Article\n\n" + "\n".join(sentences) + "\n", encoding="utf-8")
        command_line, in_app = [], []
        for number in range(args.rounds):
            _fresh_dirs(work, f"cli-{number}")
            command_line.append(_time_command_line(article_path))
            _fresh_dirs(work, f"app-{number}")
            in_app.append(asyncio.run(_time_app(article_path)))
    cli, app = statistics.median(command_line), statistics.median(in_app)
    print(f"random model.bin {model_mb:.0f} MB, {args.sentences} corpus sentences, beam 4, "
          f"{OUTPUT_TOKENS} output tokens each, {os.cpu_count()} CPUs")
    print(f"command-line path (translate_sentences): median {cli:6.1f} s  {args.sentences / cli:5.1f} sentences/s")
    print(f"in the app, open to last sentence drawn  : median {app:6.1f} s  {args.sentences / app:5.1f} sentences/s")
    print(f"app / command line: {app / cli:.2f}x (target <= 1.2x); load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
