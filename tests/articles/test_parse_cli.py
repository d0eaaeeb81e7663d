"""``reader parse``: output shapes, and every kind of bad input as one line on stderr with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.commands.reader import main

REPO = Path(__file__).resolve().parent.parent.parent
SEED = REPO / "seeds" / "2023-10-20-kim-jong-un-receives-lavrov.txt"
SAMPLE = REPO / "tests" / "data" / "corpus-sample.jsonl"
READER = Path(sys.executable).parent / "reader"


def test_json_output_is_the_article_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["title"] == "Respected Comrade Kim Jong Un Receives Russian Foreign Minister"
    assert printed["date"] == "2023-10-20" and printed["place"] == "Pyongyang"
    assert printed["keywords"] == ["Respected Comrade", "Russian Foreign Minister"]
    assert len(printed["paragraphs"]) == 8
    assert printed["paragraphs"][7] == ["The talk proceeded in a friendly and amicable atmosphere."]


def test_plain_output_numbers_sentences_by_paragraph(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == [
        "Respected Comrade Kim Jong Un Receives Russian Foreign Minister",
        "2023-10-20, Pyongyang (KCNA)",
        "Keywords: Respected Comrade; Russian Foreign Minister",
    ]
    assert lines[4].startswith("1.1  Kim Jong Un, general secretary")
    assert lines[-1] == "8.1  The talk proceeded in a friendly and amicable atmosphere."


def test_a_corpus_record_is_chosen_by_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE), "--id", "6ec1ed417adc", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["date"] == "2024-01-12"
    assert printed["paragraphs"][-1][-1].startswith("He wished Kim Jong Un good health")


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    """name -> (reader arguments, text the one error line must contain)."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00binary")
    (tmp_path / "escapes.txt").write_bytes(b"\x1b[2J\x1b]0;title\x07\n\x1b[31m\n")
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # a sparse 50 MB file: the size check must refuse it before reading
        handle.truncate(50 * 1024 * 1024)
    (tmp_path / "corpus.jsonl").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return {
        "empty": ([str(tmp_path / "empty.txt")], "empty file"),
        "whitespace": ([str(tmp_path / "blank.txt")], "only whitespace"),
        "directory": ([str(tmp_path)], "is a directory"),
        "missing": ([str(tmp_path / "nope.txt")], "no such file"),
        "binary": ([str(tmp_path / "binary.txt")], "binary file"),
        "escapes only": ([str(tmp_path / "escapes.txt")], "no readable text"),
        "50 MB": ([str(big)], "the limit for one article is 5.0 MB"),
        "corpus without id": ([str(tmp_path / "corpus.jsonl")], "choose one with --id"),
        "unknown id": ([str(tmp_path / "corpus.jsonl"), "--id", "000000000000"], "no article with id"),
    }


BAD_INPUT_NAMES = ["empty", "whitespace", "directory", "missing", "binary", "escapes only", "50 MB",
                   "corpus without id", "unknown id"]


@pytest.mark.parametrize("name", BAD_INPUT_NAMES)
def test_bad_input_is_one_line_naming_the_file(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments, problem = _bad_inputs(tmp_path)[name]
    assert main(["parse", *arguments]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert arguments[0] in captured.err and problem in captured.err


def test_bad_input_through_the_console_script_has_no_traceback(tmp_path: Path) -> None:
    for name, (arguments, problem) in _bad_inputs(tmp_path).items():
        result = subprocess.run([str(READER), "parse", *arguments], capture_output=True, text=True, timeout=60)
        assert result.returncode == 2, name
        assert result.stdout == "", name
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, (name, result.stderr)
        assert problem in result.stderr, name


def _article_with_invalid_utf8(tmp_path: Path) -> Path:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"Title\n2024-01-02\nPyongyang, January 2 (KCNA) -- Caf\xe9 owners met. They talked.\n-0-")
    return path


def test_invalid_utf8_is_replaced_with_a_warning_and_still_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _article_with_invalid_utf8(tmp_path)
    assert main(["parse", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["paragraphs"] == [["Caf\ufffd owners met.", "They talked."]]
    assert "warning" in captured.err and str(path) in captured.err and "invalid UTF-8" in captured.err


def test_console_script_parses_the_seed_and_warns_without_traceback(tmp_path: Path) -> None:
    seed = subprocess.run([str(READER), "parse", str(SEED), "--json"], capture_output=True, text=True, timeout=60)
    assert seed.returncode == 0 and json.loads(seed.stdout)["date"] == "2023-10-20"
    broken = subprocess.run(
        [str(READER), "parse", str(_article_with_invalid_utf8(tmp_path))], capture_output=True, text=True, timeout=60
    )
    assert broken.returncode == 0 and "They talked." in broken.stdout
    assert "invalid UTF-8" in broken.stderr and "Traceback" not in broken.stderr


def test_escape_sequences_in_an_article_are_not_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text("Title\x1b]0;pwned\x07\n2024-01-02\nPyongyang, January 2 (KCNA) -- Red\x1b[31m text.\n", "utf-8")
    assert main(["parse", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "1.1  Red text." in out


def test_parse_never_loads_the_app_or_the_translation_engine() -> None:
    # reader parse must start fast (bench/startup.py): Textual and CTranslate2 stay unimported.
    code = (
        "import sys, contextlib, io\n"
        "from reader.commands.reader import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['parse', {str(SEED)!r}]) == 0\n"
        "heavy = sorted(m for m in ('textual', 'ctranslate2', 'argostranslate', 'sentencepiece') if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_an_oversized_file_is_refused_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)

    def no_reading(self: Path, *args: object, **kwargs: object) -> None:
        raise AssertionError(f"{self} was opened before its size was checked")

    monkeypatch.setattr(Path, "open", no_reading)
    assert main(["parse", str(big)]) == 2
    err = capsys.readouterr().err
    assert err == f"reader: {big}: file is 50.0 MB; the limit for one article is 5.0 MB\n"
