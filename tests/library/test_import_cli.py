"""`reader import`: files, folders, corpus JSONL and stdin; duplicates skipped; bad files reported, not fatal."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from reader.commands.reader import main
from reader.context import ReaderContext
from reader.paths import SEEDS_DIR

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "corpus-sample.jsonl"


def test_import_a_folder_then_again_skips_duplicates(capsys: pytest.CaptureFixture[str]) -> None:
    seeds = len(list(SEEDS_DIR.glob("*.txt")))
    assert main(["import", str(SEEDS_DIR)]) == 0
    assert f"imported {seeds} article(s), skipped 0 duplicate(s)" in capsys.readouterr().out
    assert main(["import", str(SEEDS_DIR)]) == 0
    assert f"imported 0 article(s), skipped {seeds} duplicate(s)" in capsys.readouterr().out
    assert ReaderContext().library.count() == seeds


def test_import_corpus_jsonl_skips_stories_filed_twice(capsys: pytest.CaptureFixture[str]) -> None:
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    distinct = len({(r["title"].strip(), r["text"]) for r in records})
    assert main(["import", str(SAMPLE)]) == 0
    out = capsys.readouterr()
    library = ReaderContext().library
    assert library.count() <= distinct and library.count() >= distinct - 2
    # Without a terminal the progress goes to stderr as plain lines.
    assert "importing:" not in out.out


def test_import_from_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Stdin Story\n2024-02-02\nPyongyang, February 2 (KCNA) -- A story came from a pipe.\n-0-\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    assert main(["import", "-"]) == 0
    assert [item.title for item in ReaderContext().library.items("pipe")] == ["Stdin Story"]


def test_a_bad_file_is_reported_and_the_rest_imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_text("")
    good = tmp_path / "good.txt"
    good.write_text("Good Story\n2024-02-03\nPyongyang, February 3 (KCNA) -- All is well.\n-0-\n")
    assert main(["import", str(tmp_path)]) == 1, "something was rejected, the rest kept"
    captured = capsys.readouterr()
    assert "imported 1 article(s)" in captured.out
    assert "empty.txt" in captured.err and "Traceback" not in captured.err


def test_only_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err


def test_the_library_knows_which_articles_use_an_entry(capsys: pytest.CaptureFixture[str]) -> None:
    main(["import", str(SEEDS_DIR)])
    library = ReaderContext().library
    using = library.articles_using("kim-jong-un")
    assert using, "the seeds mention Kim Jong Un"
    assert all("Kim Jong Un" in " ".join(library.article(item.id).sentences) for item in using)


def test_import_progress_counts_articles_not_files(tmp_path: Path) -> None:
    from reader.library.importer import import_articles

    seen: list[tuple[int, int | None]] = []
    report = import_articles([str(SAMPLE)], ReaderContext().library, lambda article: {}, lambda d, t: seen.append((d, t)))
    records = sum(1 for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip())
    assert seen[-1] == (records, records)
    assert len(seen) > records // 2, "the bar moves per article"
    assert report.added + report.duplicates == records
