"""The translation cache: re-translating an already translated article against the first translation.

Run: ``.venv/bin/python -m bench.translation_cache [--articles 10]``.

Uses the echo test model (built offline in well under a second; output equals input). It is far smaller and
faster than a real model, so the first-time cost here is a floor and the measured ratio understates what
the cache saves with a real ~120 MB model. Both runs go through ``translate_sentences`` over the store's
translation cache, with the engine already loaded, in temporary XDG and Argos dirs.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from bench.translation_throughput import CORPUS, FALLBACK_CORPUS

REPO = Path(__file__).resolve().parent.parent
ECHO_BUILDER = REPO / "tests" / "fixtures" / "echo_model.py"


def _build_echo_model(out_dir: Path) -> Path:
    spec = importlib.util.spec_from_file_location("echo_model_builder", ECHO_BUILDER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_echo_model(out_dir)


def _articles(count: int) -> list[list[str]]:
    """Sentences of the first ``count`` corpus articles with distinct text."""
    from reader.articles.corpus import iter_corpus

    corpus = CORPUS if CORPUS.exists() else FALLBACK_CORPUS
    seen: set[str] = set()
    found: list[list[str]] = []
    for article in iter_corpus(corpus):
        if article.content_hash not in seen:
            seen.add(article.content_hash)
            found.append(article.sentences)
            if len(found) == count:
                break
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-cache-") as tmp:
        work = Path(tmp)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = str(work / name.lower())
        os.environ["ARGOS_PACKAGES_DIR"] = str(work / "packages")
        with zipfile.ZipFile(_build_echo_model(work / "build")) as archive:
            archive.extractall(work / "packages")

        from reader.context import ReaderContext
        from reader.translate.service import translate_sentences

        context = ReaderContext()
        engine = context.engine("en", "ko")
        cache = context.translation_cache
        engine.translate_batch(["Warm up."])
        articles = _articles(args.articles)
        first = second = 0.0
        for sentences in articles:
            started = time.perf_counter()
            translated = translate_sentences(sentences, engine, cache)
            first += time.perf_counter() - started
            started = time.perf_counter()
            again = translate_sentences(sentences, engine, cache)
            second += time.perf_counter() - started
            assert again == translated == sentences  # echo model: output equals input
        total = sum(len(s) for s in articles)
        print(f"{len(articles)} corpus articles, {total} sentences, echo model, beam 4, {os.cpu_count()} CPUs")
        print(f"first translation (model + store)  {first:8.3f} s  {first / len(articles) * 1000:8.1f} ms/article")
        print(f"again (cache only)                 {second:8.3f} s  {second / len(articles) * 1000:8.1f} ms/article")
        print(f"cache speed-up: {first / second:.0f}x (target >= 50x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
