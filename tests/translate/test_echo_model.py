"""The echo model fixture: a valid Argos package, byte-reproducible, whose output equals its input exactly."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from echo_helpers import corpus_sentences, load_echo_builder

TRICKY = [
    "조선로동당 중앙위원회 김정은 동지",
    'He said "Juche_idea" and \u201cself-reliance\u201d 42 times.',
    "snake_case __dunder__ and 3.14159 per cent; 1,000,000 tons (KCNA) --",
    "Mixed 한국어 and English: 평양, October 20 (KCNA) -- 100%!",
    "Rare characters never seen in training: \u00e9\u00df\u00f8 \u4e2d\u6587 \u2603 \U0001F600",
]


def test_package_has_argos_layout_and_labels_itself_as_a_test_model(echo_model_package: Path) -> None:
    with zipfile.ZipFile(echo_model_package) as archive:
        names = archive.namelist()
        metadata = json.loads(archive.read("translate-en_ko-1_0/metadata.json"))
    assert {name.split("/")[0] for name in names} == {"translate-en_ko-1_0"}
    for required in ("metadata.json", "sentencepiece.model", "README.md", "model/model.bin", "model/config.json"):
        assert f"translate-en_ko-1_0/{required}" in names
    assert (metadata["type"], metadata["from_code"], metadata["to_code"]) == ("translate", "en", "ko")
    assert metadata["code"] == "translate-en_ko" and metadata["package_version"] == "1.0"
    assert "not a translation" in metadata["description"]


def test_build_is_byte_reproducible(echo_model_package: Path, tmp_path: Path) -> None:
    rebuilt = load_echo_builder().build_echo_model(tmp_path)
    assert hashlib.sha256(rebuilt.read_bytes()).digest() == hashlib.sha256(echo_model_package.read_bytes()).digest()


def test_output_equals_input_on_corpus_and_tricky_sentences(echo_engine, corpus_path: Path) -> None:
    sentences = corpus_sentences(corpus_path, 40) + TRICKY
    assert len(sentences) == 45
    assert echo_engine.translate_batch(sentences) == sentences


@pytest.mark.parametrize("beam_size", [1, 4])
def test_echo_holds_for_greedy_and_beam_search(echo_model_package: Path, installed_echo_model: Path, beam_size: int) -> None:
    from reader.translate.argos_engine import load_engine

    engine = load_engine(beam_size=beam_size)
    assert engine.translate_batch(TRICKY) == TRICKY
