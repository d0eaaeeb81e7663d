"""``reader translate`` and the plain preview, end to end through ``reader.commands.reader.main`` with the echo model."""

from __future__ import annotations

import io
import json
import socket
from pathlib import Path

import pytest

from reader import paths
from reader.commands.reader import main

REPO = Path(__file__).resolve().parent.parent.parent
SEED = REPO / "seeds" / "2023-10-20-kim-jong-un-receives-lavrov.txt"


def _seed_sentences() -> list[str]:
    from reader.articles.load import load_article

    return load_article(SEED).sentences


def test_json_output_pairs_every_sentence_and_names_the_model(
    installed_echo_model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["translate", str(SEED), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["engine"] == "argos:translate-en_ko:1.0:beam4"
    assert "not a translation" in payload["model"]
    sentences = _seed_sentences()
    assert [pair["source"] for pair in payload["sentences"]] == sentences
    assert [pair["target"] for pair in payload["sentences"]] == sentences  # the echo model copies


def test_plain_output_shows_model_label_and_each_pair(
    installed_echo_model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["translate", str(SEED), "--beam", "1"]) == 0
    out = capsys.readouterr().out
    assert "model: " in out and "not a translation" in out
    first = _seed_sentences()[0]
    assert f"{first}\n  {first}" in out


def test_first_run_fills_the_store_and_second_run_prints_the_same(installed_echo_model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["translate", str(SEED), "--json"])
    first = capsys.readouterr().out
    from reader.store.db import open_store

    conn = open_store()
    cached = conn.execute("SELECT count(*) FROM translation_cache").fetchone()[0]
    conn.close()
    assert cached == len(set(_seed_sentences()))
    assert main(["translate", str(SEED), "--json"]) == 0
    assert capsys.readouterr().out == first


def test_no_model_exits_3_naming_the_install_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["translate", str(SEED)]) == 3
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().count("\n") == 0
    assert "reader models install en ko" in captured.err


def test_missing_article_file_exits_2_naming_it(installed_echo_model: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.txt"
    assert main(["translate", str(missing)]) == 2
    assert str(missing) in capsys.readouterr().err


def test_corrupt_store_exits_2_naming_it_and_leaves_it_untouched(
    installed_echo_model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = paths.store_path()
    store.parent.mkdir(parents=True, exist_ok=True)
    garbage = b"this is not a database\n" * 100
    store.write_bytes(garbage)
    assert main(["translate", str(SEED)]) == 2
    err = capsys.readouterr().err
    assert str(store) in err and err.strip().count("\n") == 0 and "Traceback" not in err
    assert store.read_bytes() == garbage


def test_bad_beam_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["translate", str(SEED), "--beam", "0"])
    assert exit_info.value.code == 2


def test_progress_bar_is_drawn_on_a_terminal(installed_echo_model: Path, monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    article = tmp_path / "long.txt"
    article.write_text("Long Article\n\n" + "\n".join(f"Paragraph {i} says something." for i in range(30)) + "\n")
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["translate", str(article)]) == 0
    assert "translating" in terminal.getvalue()


def test_translation_makes_no_network_attempt(installed_echo_model: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    attempts: list[object] = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, address: attempts.append(address))
    assert main(["translate", str(SEED), "--json"]) == 0
    assert attempts == []


def test_preview_without_model_shows_sentences_then_the_hint() -> None:
    from reader.commands.preview import print_preview
    from reader.context import ReaderContext

    out = io.StringIO()
    assert print_preview(ReaderContext(), SEED, out=out) == 0
    text = out.getvalue()
    sentences = _seed_sentences()
    assert all(sentence in text for sentence in sentences)
    assert text.rstrip().endswith("reader models install en ko)")
    assert "no translation shown" in text


def test_preview_with_model_pairs_sentences_and_labels_the_model(installed_echo_model: Path) -> None:
    from reader.commands.preview import print_preview
    from reader.context import ReaderContext

    out = io.StringIO()
    assert print_preview(ReaderContext(), SEED, out=out) == 0
    text = out.getvalue()
    assert "not a translation" in text
    last = _seed_sentences()[-1]
    assert f"{last}\n  {last}" in text
