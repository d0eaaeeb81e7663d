"""`reader import` keeps going past bad records and says what it skipped: corpora on stdin as in files, each bad
record as ``SOURCE:LINE: problem``, ``--json`` with the counts and errors, exit 0 / 1 / 2."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from reader.commands.reader import main
from reader.context import ReaderContext
from reader.library.importer import ImportProblem, import_articles

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "corpus-sample.jsonl"


def record(number: int, **fields: object) -> str:
    data: dict[str, object] = {
        "id": f"rec{number:04d}",
        "date": "2024-03-0" + str(number % 9 + 1),
        "title": f"Record Story {number}",
        "text": f"Pyongyang, March {number % 9 + 1} (KCNA) -- Record number {number} reports a meeting held today. -0-",
    }
    data.update(fields)
    return json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False)


def pipe(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Make ``data`` the process's standard input, as a shell pipe would (bytes under a text wrapper)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def stored_titles() -> set[str]:
    return {item.title for item in ReaderContext().library.items(limit=10_000)}


def run_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["import", *argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_a_piped_corpus_imports_every_record(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """``cat corpus.jsonl | reader import -`` stored one article titled with the first JSON line."""
    data = SAMPLE.read_bytes()
    records = [json.loads(line) for line in data.decode().splitlines() if line.strip()]
    pipe(monkeypatch, data)
    code, report = run_json(["-"], capsys)
    assert code == 0 and report["errors"] == []
    assert report["imported"] + report["duplicates"] == len(records)
    titles = stored_titles()
    assert not any(title.startswith("{") for title in titles)
    assert ReaderContext().library.count() == report["imported"] > 1
    assert records[0]["title"] in titles


def test_a_bad_first_line_does_not_stop_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A corpus file whose first line is not JSON imported nothing at all."""
    path = tmp_path / "corpus.jsonl"
    path.write_text("this line is not JSON\n" + "\n".join(record(n) for n in range(3)) + "\n", encoding="utf-8")
    assert main(["import", str(path)]) == 1
    captured = capsys.readouterr()
    assert "imported 3 article(s)" in captured.out
    assert f"reader: {path}:1: not valid JSON" in captured.err
    assert {f"Record Story {n}" for n in range(3)} <= stored_titles()


def test_a_record_without_text_does_not_stop_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [record(0), record(1, text=None), "", record(2), '["a list"]', record(3, text="   ")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, report = run_json([str(path)], capsys)
    assert code == 1
    assert report["imported"] == 2 and report["duplicates"] == 0
    assert report["errors"] == [
        {"source": str(path), "line": 2, "problem": "record has no text"},
        {"source": str(path), "line": 5, "problem": "not a JSON object"},
        {"source": str(path), "line": 6, "problem": "record has no text"},
    ]


def test_a_piped_corpus_with_a_bad_first_line_is_still_a_corpus(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe(monkeypatch, ("garbage\n" + "\n".join(record(n) for n in range(4)) + "\n").encode())
    code, report = run_json(["-"], capsys)
    assert code == 1 and report["imported"] == 4
    assert report["errors"] == [{"source": "<stdin>", "line": 1, "problem": report["errors"][0]["problem"]}]
    assert report["errors"][0]["problem"].startswith("not valid JSON")


def test_one_piped_article_is_still_one_article(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    text = 'A Story {"quoted": "json-like"}\n2024-02-02\nPyongyang, February 2 (KCNA) -- One story, {"a": 1} inside.\n-0-\n'
    pipe(monkeypatch, text.encode())
    code, report = run_json(["-"], capsys)
    assert (code, report["imported"]) == (0, 1)
    assert 'A Story {"quoted": "json-like"}' in stored_titles()


def test_invalid_utf8_on_stdin_is_imported_with_replacement(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe(monkeypatch, b"Bytes Story\n2024-02-02\nPyongyang, February 2 (KCNA) -- Broken \xff\xfe bytes here.\n-0-\n")
    code, report = run_json(["-"], capsys)
    assert (code, report["imported"]) == (0, 1)


def test_import_json_counts_duplicates_and_whole_file_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Good Story\n2024-02-03\nPyongyang, February 3 (KCNA) -- All is well.\n-0-\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code, report = run_json([str(good), str(good), str(missing)], capsys)
    assert code == 1
    assert (report["imported"], report["duplicates"]) == (1, 1)
    assert report["errors"] == [{"source": str(missing), "line": None, "problem": "no such file"}]


def test_exit_codes_say_whether_anything_was_rejected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "clean.jsonl"
    clean.write_text(record(1) + "\n", encoding="utf-8")
    assert main(["import", str(clean)]) == 0, "nothing rejected"
    partly = tmp_path / "partly.jsonl"
    partly.write_text(record(2) + "\n{broken\n", encoding="utf-8")
    assert main(["import", str(partly)]) == 1, "one record rejected, the rest kept"
    unusable = tmp_path / "unusable.jsonl"
    unusable.write_text("{broken\n[1, 2]\n", encoding="utf-8")
    assert main(["import", str(unusable)]) == 2, "nothing in the input was usable"
    assert main(["import", str(tmp_path / "nothing-here.txt")]) == 2
    err = capsys.readouterr().err
    assert f"{partly}:2: not valid JSON" in err and f"{unusable}:1: not valid JSON" in err
    assert f"{unusable}:2: not a JSON object" in err and "Traceback" not in err


def test_a_lone_surrogate_escape_is_replaced_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.jsonl"
    line = json.dumps({"title": "Broken \ud800 Title", "text": "Pyongyang, May 5 (KCNA) -- A story is here."})
    assert "\\ud800" in line, "the escape as JSON writes it"
    path.write_text(line + "\n" + record(6) + "\n", encoding="utf-8")
    report = import_articles([str(path)], ReaderContext().library, lambda article: {})
    assert (report.added, report.errors) == (2, [])
    assert "Broken \ufffd Title" in stored_titles()


def test_problems_print_as_source_line_problem() -> None:
    assert str(ImportProblem("a.jsonl", 3, "not a JSON object")) == "a.jsonl:3: not a JSON object"
    assert str(ImportProblem("a.txt", None, "empty file")) == "a.txt: empty file"
