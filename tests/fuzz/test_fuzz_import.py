"""Property tests for the importer: any bytes in, no exception; no valid record is lost among bad ones."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st
from strategies import hostile_text

from reader.library.importer import import_articles
from reader.library.store import Library


def fresh_library() -> Library:
    return Library(sqlite3.connect(":memory:"))


def no_terms(_article: object) -> dict[str, int]:
    return {}


@given(st.binary(max_size=2000))
@example(b"\xff\xfe\x00\x00garbage")
@example(b'{"text": "\\ud800 Lone surrogate here."}\n{"text": 5}\n[1]\n{')
@example(b"\xef\xbb\xbf{\"text\": \"Pyongyang, May 1 (KCNA) -- BOM first.\"}\n")
def test_any_bytes_on_stdin_import_without_an_exception(data: bytes) -> None:
    report = import_articles(["-"], fresh_library(), no_terms, stdin=io.BytesIO(data))
    assert report.added + report.duplicates + len(report.errors) >= (1 if data.strip() else 0)
    assert report.exit_code in (0, 1, 2)
    json.dumps(report.to_json())


@st.composite
def valid_record(draw: st.DrawFn) -> dict[str, object]:
    """A record the importer must keep: some text with a word in it, any other fields any shape."""
    body = draw(hostile_text)
    record: dict[str, object] = {"text": f"Pyongyang, May 3 (KCNA) -- Word {body} closes."}
    for field in ("title", "date", "id", "topic", "url"):
        value = draw(st.one_of(st.none(), hostile_text, st.integers(), st.lists(st.integers(), max_size=2)))
        if value is not None:
            record[field] = value
    return record


#: Lines that are not records: any bytes without a line break (blank ones are skipped, not errors).
bad_line = st.binary(max_size=80).filter(lambda b: b"\n" not in b and b"\r" not in b)


@given(st.lists(st.one_of(valid_record().map(lambda r: ("ok", r)), bad_line.map(lambda b: ("bad", b))), max_size=12))
def test_no_valid_record_is_lost_among_bad_ones(tmp_path_factory, lines) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("fuzz") / "corpus.jsonl"
    encoded = [json.dumps(item).encode() if kind == "ok" else item for kind, item in lines]
    path.write_bytes(b"\n".join(encoded) + b"\n")
    report = import_articles([str(path)], fresh_library(), no_terms)
    valid = sum(1 for kind, _ in lines if kind == "ok")
    bad = sum(1 for kind, item in lines if kind == "bad" and item.decode("utf-8", "replace").strip())
    assert report.added + report.duplicates == valid
    assert len(report.errors) == bad
    assert all(error.line is not None and error.source == str(path) for error in report.errors)


@given(st.lists(valid_record(), min_size=1, max_size=6), st.lists(bad_line, max_size=3))
def test_a_piped_corpus_keeps_every_valid_record(records, bad_lines) -> None:  # type: ignore[no-untyped-def]
    """On stdin JSON lines are recognised by content: with at least as many records as other lines, all are kept."""
    if len(bad_lines) > len(records):
        bad_lines = bad_lines[: len(records)]
    lines = [json.dumps(record).encode() for record in records] + list(bad_lines)
    report = import_articles(["-"], fresh_library(), no_terms, stdin=io.BytesIO(b"\n".join(reversed(lines))))
    assert report.added + report.duplicates == len(records)


def test_the_corpus_sample_is_not_changed_by_bad_lines_around_it(tmp_path: Path) -> None:
    sample = Path(__file__).resolve().parents[1] / "data" / "corpus-sample.jsonl"
    clean = import_articles([str(sample)], library := fresh_library(), no_terms)
    noisy = tmp_path / "noisy.jsonl"
    noisy.write_bytes(b"\xff\xfe broken\n" + sample.read_bytes().replace(b"\n", b"\n{oops\n", 3))
    report = import_articles([str(noisy)], noisy_library := fresh_library(), no_terms)
    assert (report.added, report.duplicates, len(report.errors)) == (clean.added, clean.duplicates, 4)
    titles = [item.title for item in library.items(limit=1000)]
    assert sorted(titles) == sorted(item.title for item in noisy_library.items(limit=1000))
