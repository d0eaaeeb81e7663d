"""``translate_sentences``: the one way the app and the command line get translations.

The cache answers what it can, the model translates only the misses, in batches, and each batch is stored
and reported (``on_batch``) as soon as it finishes, so an interrupted run keeps its work and the app can draw
sentences as they arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.progress import ProgressCallback
from reader.translate.cache import TranslationCache
from reader.translate.engine import Engine

#: Sentences per engine call: one progress step and one cache write each. Matches the engine's batch
#: (ArgosEngine splits it across CPUs), the size its throughput was measured at in bench.translation_throughput.
SERVICE_BATCH_SIZE = 32

BatchCallback = Callable[[dict[int, str]], None]


def translate_sentences(
    sentences: Sequence[str],
    engine: Engine,
    cache: TranslationCache,
    progress: ProgressCallback | None = None,
    on_batch: BatchCallback | None = None,
    batch_size: int = SERVICE_BATCH_SIZE,
    first_batch_size: int | None = None,
) -> list[str]:
    """Translations of ``sentences``, aligned one for one.

    ``first_batch_size`` makes the first model call smaller, so a reader sees the opening sentences sooner
    (with a real model a 32-sentence batch takes seconds); later batches use ``batch_size``.

    Repeated sentences are translated once; blank ones come back as they are. Example: for
    ``["A.", "", "B.", "A."]`` with "A." cached, ``on_batch`` first gets ``{0: tA, 1: "", 3: tA}``, then
    the model sees only ``["B."]`` and ``on_batch`` gets ``{2: tB}``.
    """
    total = len(sentences)
    results: list[str | None] = [None] * total
    positions: dict[str, list[int]] = {}
    for index, sentence in enumerate(sentences):
        if sentence.strip():
            positions.setdefault(sentence, []).append(index)
        else:
            results[index] = sentence

    cached = cache.get_many(engine.identity, list(positions))
    for sentence, translation in cached.items():
        for index in positions.pop(sentence):
            results[index] = translation
    done = sum(r is not None for r in results)
    ready = {i: r for i, r in enumerate(results) if r is not None}
    if ready and on_batch is not None:
        on_batch(ready)
    if progress is not None:
        progress(done, total)

    misses = list(positions)
    first = min(first_batch_size or batch_size, batch_size)
    bounds = [0, *range(first, len(misses), batch_size)] if misses else []
    for number, start in enumerate(bounds):
        end = bounds[number + 1] if number + 1 < len(bounds) else len(misses)
        batch = misses[start:end]
        translations = engine.translate_batch(batch)
        cache.put_many(engine.identity, zip(batch, translations, strict=True))
        finished: dict[int, str] = {}
        for sentence, translation in zip(batch, translations, strict=True):
            for index in positions[sentence]:
                results[index] = finished[index] = translation
        done += len(finished)
        if on_batch is not None:
            on_batch(finished)
        if progress is not None:
            progress(done, total)
    return [r if r is not None else "" for r in results]
