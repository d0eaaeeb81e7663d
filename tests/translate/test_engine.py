"""ArgosEngine on the echo model: alignment, batching, long sentences, identity, labels, lazy imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from reader.errors import InputError, NoModelError


def test_many_sentences_come_back_aligned_in_order_with_blanks_kept(echo_engine) -> None:
    # More than one internal batch, lengths shuffled so length-sorting has to be undone.
    sentences = [f"Sentence number {i} " + "word " * ((i * 7) % 13) + "end." for i in range(75)]
    sentences[3] = ""
    sentences[40] = "   "
    calls: list[tuple[int, int | None]] = []
    result = echo_engine.translate_batch(sentences, progress=lambda done, total: calls.append((done, total)))
    assert result == sentences
    assert calls[-1] == (75, 75)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_only_blank_input_does_no_model_work(echo_engine, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model was called for blank input")

    monkeypatch.setattr(echo_engine, "_translator", SimpleNamespace(translate_batch=fail))
    assert echo_engine.translate_batch(["", "  "]) == ["", "  "]
    assert echo_engine.translate_batch([]) == []


def test_sentence_longer_than_ctranslate2_default_limit_is_not_cut(echo_engine) -> None:
    sentence = " ".join(f"item{i}_x" for i in range(120)) + "."
    assert len(echo_engine._tokenizer.encode(sentence)) > 400  # well past CTranslate2's default 256
    assert echo_engine.translate_batch([sentence]) == [sentence]


def test_identity_names_package_version_and_beam(echo_model_package: Path, installed_echo_model: Path) -> None:
    from reader.translate.argos_engine import load_engine

    assert load_engine(beam_size=4).identity == "argos:translate-en_ko:1.0:beam4"
    assert load_engine(beam_size=2).identity == "argos:translate-en_ko:1.0:beam2"


def test_model_label_says_the_echo_model_is_not_a_translation(echo_engine) -> None:
    assert "translate-en_ko" in echo_engine.model_label
    assert "not a translation" in echo_engine.model_label


def test_newest_installed_version_is_used(installed_echo_model: Path) -> None:
    from reader.translate.argos_engine import load_engine

    newer = installed_echo_model.parent / "translate-en_ko-1_10"
    newer.mkdir()
    for item in installed_echo_model.iterdir():
        (newer / item.name).symlink_to(item)
    (newer / "metadata.json").unlink()
    metadata = json.loads((installed_echo_model / "metadata.json").read_text())
    (newer / "metadata.json").write_text(json.dumps({**metadata, "package_version": "1.10"}))
    assert load_engine().identity == "argos:translate-en_ko:1.10:beam4"


def test_no_package_raises_no_model_error_naming_the_install_command() -> None:
    from reader.translate.argos_engine import load_engine

    with pytest.raises(NoModelError, match="reader models install en ko"):
        load_engine("en", "ko")


def test_package_for_another_pair_does_not_count(installed_echo_model: Path) -> None:
    from reader.translate.argos_engine import load_engine

    with pytest.raises(NoModelError, match="en->ja"):
        load_engine("en", "ja")


def test_damaged_model_file_is_a_one_line_input_error(installed_echo_model: Path) -> None:
    from reader.translate.argos_engine import load_engine

    (installed_echo_model / "model" / "model.bin").write_bytes(b"not a model")
    with pytest.raises(InputError, match="model"):
        load_engine()


def test_target_prefix_is_requested_and_stripped(echo_engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Multilingual packages force a language token first; it must not show in the translation."""
    seen: dict[str, object] = {}

    def translate_batch(batch: list[list[str]], **options: object) -> list[SimpleNamespace]:
        seen.update(options)
        return [SimpleNamespace(hypotheses=[["__ko__", *pieces]]) for pieces in batch]

    monkeypatch.setattr(echo_engine, "target_prefix", "__ko__")
    monkeypatch.setattr(echo_engine, "_translator", SimpleNamespace(translate_batch=translate_batch))
    assert echo_engine.translate_batch(["Pyongyang, 20 October", "x_y"]) == ["Pyongyang, 20 October", "x_y"]
    assert seen["target_prefix"] == [["__ko__"], ["__ko__"]]
    assert seen["batch_type"] == "examples"


def _fresh_python(code: str) -> str:
    """Run ``code`` in a new interpreter (a clean ``sys.modules``) and return its stripped stdout."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_importing_translation_modules_loads_no_model_libraries() -> None:
    loaded = _fresh_python(
        "import sys, reader.translate, reader.translate.argos_engine, reader.translate.service, "
        "reader.translate.cache, reader.commands.translate, reader.commands.preview\n"
        "print([m for m in ('ctranslate2', 'sentencepiece', 'argostranslate.translate', 'torch') if m in sys.modules])"
    )
    assert loaded == "[]"


def test_translating_never_imports_argostranslate_translate(installed_echo_model: Path) -> None:
    loaded = _fresh_python(
        "import sys\n"
        "from reader.translate.argos_engine import load_engine\n"
        "assert load_engine().translate_batch(['a_b']) == ['a_b']\n"
        "print('argostranslate.translate' in sys.modules, 'onnxruntime' in sys.modules)"
    )
    assert loaded == "False False"


def test_bpe_package_is_tokenized_and_detokenized_with_moses_and_bpe(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Older Argos packages ship ``bpe.model`` instead of SentencePiece; the echo weights prove the round trip."""
    from echo_helpers import load_echo_builder

    from reader.translate.argos_engine import BpeTokenizer, load_engine

    sentences = ["Kim Jong Un met the delegation, and the talks (held in Pyongyang) went well.", "The 3 talks ended."]
    folder = tmp_path / "packages" / "translate-en_ko-0_9"
    (folder / "model").mkdir(parents=True)
    (folder / "bpe.model").write_text("#version: 0.2\nt h\nth e</w>\nK i\nKi m</w>\n", encoding="utf-8")
    pieces = {piece for s in sentences for piece in BpeTokenizer(folder / "bpe.model", "en", "ko").encode(s)}
    spec = load_echo_builder().build_echo_spec(["<unk>", "<s>", "</s>", *sorted(pieces)])
    spec.validate()
    spec.save(str(folder / "model"))
    metadata = {"type": "translate", "from_code": "en", "to_code": "ko", "package_version": "0.9"}
    (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "packages"))
    engine = load_engine()
    assert engine.identity == "argos:translate-en_ko:0.9:beam4"
    assert engine.translate_batch(sentences) == sentences
