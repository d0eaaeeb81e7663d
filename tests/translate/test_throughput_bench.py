"""The throughput benchmark's comparison stays fair: same sentences, same output lengths, nothing downloaded.

Runs the measured paths (the engine, raw CTranslate2 as the ceiling, argostranslate's translate) on a tiny random
Argos-shaped model.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.translation_throughput import build_random_package, corpus_sentences, measure


def test_both_paths_translate_every_sentence_to_the_forced_length_offline(tmp_path: Path) -> None:
    sentences = corpus_sentences(12)
    assert len(sentences) == 12
    folder = build_random_package(
        tmp_path / "packages", corpus_sentences(400), layers=1, d_model=64, heads=2, ff=128,
        vocab_size=1500, sentencepiece_vocab=800,
    )
    assert (folder / "model" / "model.bin").stat().st_size > 100_000
    sentences_file = tmp_path / "sentences.json"
    sentences_file.write_text(json.dumps(sentences), encoding="utf-8")
    # The workers replace socket.connect with a refusal, so a download attempt would fail the run.
    engine = measure("engine", tmp_path, sentences_file, 7)
    argos = measure("argos", tmp_path, sentences_file, 7)
    ceiling = measure("ceiling", tmp_path, sentences_file, 7)  # raw CTranslate2 on the same tokens
    assert engine["output_tokens"] == argos["output_tokens"] == ceiling["output_tokens"] == 12 * 7
    assert engine["seconds"] > 0 and argos["seconds"] > 0
    assert engine["maxrss_mb"] > 10 and argos["maxrss_mb"] > 10
