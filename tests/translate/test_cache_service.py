"""The translation cache and translate_sentences: model work only for new sentences, stored batch by batch."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.store.db import open_store
from reader.translate.cache import TranslationCache
from reader.translate.service import translate_sentences


class SpyEngine:
    """Uppercases; records every batch the "model" saw."""

    def __init__(self, identity: str = "spy:1:beam4") -> None:
        self.identity = identity
        self.model_label = "spy engine (uppercases; not a translation)"
        self.batches: list[list[str]] = []

    def translate_batch(self, sentences: list[str], progress: object = None) -> list[str]:
        self.batches.append(list(sentences))
        return [s.upper() for s in sentences]

    @property
    def sentences_seen(self) -> int:
        return sum(len(b) for b in self.batches)


@pytest.fixture
def cache(tmp_path: Path) -> TranslationCache:
    conn = open_store(tmp_path / "store.sqlite3")
    yield TranslationCache(conn)
    conn.close()


def test_second_translation_of_an_article_does_no_model_work(cache: TranslationCache) -> None:
    article = [f"Sentence {i}." for i in range(40)]
    engine = SpyEngine()
    first = translate_sentences(article, engine, cache)
    assert first == [s.upper() for s in article] and engine.sentences_seen == 40
    engine.batches.clear()
    assert translate_sentences(article, engine, cache) == first
    assert engine.batches == []


def test_cache_survives_reopening_the_store(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with_conn = open_store(path)
    translate_sentences(["Hello."], SpyEngine(), TranslationCache(with_conn))
    with_conn.close()
    engine = SpyEngine()
    reopened = open_store(path)
    assert translate_sentences(["Hello."], engine, TranslationCache(reopened)) == ["HELLO."]
    reopened.close()
    assert engine.batches == []


def test_only_new_sentences_reach_the_model_and_repeats_once(cache: TranslationCache) -> None:
    engine = SpyEngine()
    translate_sentences(["A.", "B."], engine, cache)
    engine.batches.clear()
    assert translate_sentences(["A.", "C.", "", "C.", "B."], engine, cache) == ["A.", "C.", "", "C.", "B."]
    assert engine.batches == [["C."]]


def test_a_different_engine_identity_does_not_reuse_translations(cache: TranslationCache) -> None:
    translate_sentences(["A."], SpyEngine("model:1:beam4"), cache)
    other = SpyEngine("model:1:beam1")
    translate_sentences(["A."], other, cache)
    assert other.batches == [["A."]]
    assert cache.get_many("model:1:beam4", ["A.", "B."]) == {"A.": "A."}


def test_batches_are_reported_and_stored_as_they_finish(cache: TranslationCache) -> None:
    cache.put_many("spy:1:beam4", [("s0", "cached zero")])
    sentences = [f"s{i}" for i in range(37)]
    reports: list[dict[int, str]] = []
    progress: list[tuple[int, int | None]] = []

    def on_batch(ready: dict[int, str]) -> None:
        reports.append(ready)
        # Whatever was reported is already in the store: an interruption now would keep it.
        stored = cache.get_many("spy:1:beam4", [sentences[i] for i in ready])
        assert len(stored) == len(ready)

    result = translate_sentences(sentences, SpyEngine(), cache, progress=lambda d, t: progress.append((d, t)),
                                 on_batch=on_batch, batch_size=16)
    assert reports[0] == {0: "cached zero"}
    assert [len(r) for r in reports[1:]] == [16, 16, 4]
    assert sorted(i for r in reports for i in r) == list(range(37))
    assert progress[0] == (1, 37) and progress[-1] == (37, 37)
    assert result[0] == "cached zero" and result[36] == "S36"


def test_many_sentences_lookup_beyond_sqlite_parameter_limit(cache: TranslationCache) -> None:
    pairs = [(f"sentence {i}", f"translation {i}") for i in range(2500)]
    cache.put_many("e", pairs)
    assert cache.get_many("e", [s for s, _ in pairs]) == dict(pairs)


_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.store.db import open_store
    from reader.translate.cache import TranslationCache

    cache = TranslationCache(open_store(Path(sys.argv[1])))
    name = sys.argv[2]
    sys.stdout.write("ready\\n"); sys.stdout.flush()
    sys.stdin.readline()  # both writers start together
    for batch in range(40):
        cache.put_many("e", [(f"{name}-{batch}-{i}", "t") for i in range(50)])
    print("done")
    """
)


def test_two_processes_writing_at_once_both_succeed(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    open_store(path).close()
    writers = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(path), name], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name in ("first", "second")
    ]
    for writer in writers:
        assert writer.stdout.readline().strip() == "ready"
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err
        assert out.strip() == "done"
    conn = open_store(path)
    assert conn.execute("SELECT count(*) FROM translation_cache").fetchone()[0] == 2 * 40 * 50
    conn.close()


def test_a_smaller_first_batch_shows_the_opening_sentences_sooner(cache: TranslationCache) -> None:
    sentences = [f"s{i}" for i in range(37)]
    reports: list[dict[int, str]] = []
    result = translate_sentences(sentences, SpyEngine(), cache, on_batch=reports.append, batch_size=16, first_batch_size=4)
    assert [sorted(r) for r in reports] == [list(range(0, 4)), list(range(4, 20)), list(range(20, 36)), [36]]
    assert result == [f"S{i}" for i in range(37)]
