"""`reader library list|search|show|remove|rename`, sorting and filtering, snippets, one entry per content,
absolute paths, and `reader` with no file resuming where the reader stopped."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.articles.model import Article
from reader.commands.reader import main
from reader.context import ReaderContext
from reader.library.store import Library, LibraryFilter, split_snippet
from reader.paths import SEEDS_DIR


def _article(title: str, body: str, date: str | None = "2024-01-02", topic: str | None = "Top News") -> Article:
    return Article(title=title, date=date, place="Pyongyang", paragraphs=[[body]], source=f"{title}.txt", topic=topic)


@pytest.fixture
def library() -> Library:
    library = ReaderContext().library
    library.add(_article("Harvest Report", "Farmers in South Hwanghae Province reaped rice.", "2024-03-05", "Economy"), {})
    library.add(_article("Plenary Meeting Opens", "The plenary meeting of the WPK opened.", "2024-01-10"), {"wpk": 2})
    library.add(_article("Anniversary Marked", "An anniversary was marked in Pyongyang.", "2023-12-24", "Culture"), {})
    return library


def _json_out(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_search_json_gives_the_fields_and_a_snippet_around_the_match(library: Library, capsys) -> None:
    assert main(["library", "search", "plenary", "--json"]) == 0
    rows = _json_out(capsys)
    assert isinstance(rows, list) and len(rows) == 1
    assert set(rows[0]) == {"id", "title", "date", "topic", "snippet"}
    assert rows[0]["title"] == "Plenary Meeting Opens" and "plenary" in rows[0]["snippet"].lower()
    assert "\x02" not in rows[0]["snippet"], "hit marks never reach the output"


def test_nothing_found_prints_an_empty_list_and_exits_1(library: Library, capsys) -> None:
    assert main(["library", "search", "zzzyyyxxx", "--json"]) == 1
    assert _json_out(capsys) == []
    assert main(["library", "list", "--topic", "No Such Topic", "--json"]) == 1
    assert _json_out(capsys) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["library", "show", "abc"],
        ["library", "list", "--from", "last week"],
        ["library", "search", "korea", "--limit", "0"],
        ["library", "search", "!!!"],
    ],
)
def test_bad_input_exits_2_with_one_line(library: Library, capsys, argv: list[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("reader library:")


def test_list_sorts_and_filters(library: Library, capsys) -> None:
    main(["library", "list", "--json"])
    assert [row["title"] for row in _json_out(capsys)] == ["Harvest Report", "Plenary Meeting Opens", "Anniversary Marked"]
    main(["library", "list", "--sort", "title", "--json"])
    assert [row["title"] for row in _json_out(capsys)] == ["Anniversary Marked", "Harvest Report", "Plenary Meeting Opens"]
    main(["library", "list", "--sort", "date", "--reverse", "--json"])
    assert _json_out(capsys)[0]["title"] == "Anniversary Marked"
    main(["library", "list", "--from", "2024-01", "--to", "2024-02", "--json"])
    assert [row["title"] for row in _json_out(capsys)] == ["Plenary Meeting Opens"]
    main(["library", "list", "--topic", "economy", "--json"])
    assert [row["title"] for row in _json_out(capsys)] == ["Harvest Report"]


def test_read_and_unread_follow_what_was_opened(library: Library, capsys) -> None:
    opened = library.items("plenary")[0].id
    library.mark_opened(opened)
    main(["library", "list", "--read", "--json"])
    assert [row["id"] for row in _json_out(capsys)] == [opened]
    main(["library", "list", "--unread", "--json"])
    assert opened not in [row["id"] for row in _json_out(capsys)]


def test_show_remove_and_rename(library: Library, capsys) -> None:
    article_id = library.items("harvest")[0].id
    assert main(["library", "show", str(article_id), "--json"]) == 0
    shown = _json_out(capsys)
    assert shown["title"] == "Harvest Report" and shown["paragraphs"] == [["Farmers in South Hwanghae Province reaped rice."]]

    assert main(["library", "rename", str(article_id), "  Rice   Harvest in Hwanghae ", "--json"]) == 0
    assert _json_out(capsys)["title"] == "Rice Harvest in Hwanghae"
    assert [item.title for item in library.items("rice harvest")] == ["Rice Harvest in Hwanghae"]
    assert library.article(article_id).title == "Rice Harvest in Hwanghae"
    assert main(["library", "rename", str(article_id), "   "]) == 2

    assert main(["library", "remove", str(article_id)]) == 0
    assert "removed" in capsys.readouterr().out
    assert library.items("hwanghae") == [] and library.count() == 2
    assert main(["library", "show", str(article_id)]) == 1
    assert main(["library", "remove", str(article_id)]) == 1


def test_a_renamed_article_imported_again_is_still_a_duplicate(library: Library) -> None:
    article = _article("Plenary Meeting Opens", "The plenary meeting of the WPK opened.", "2024-01-10")
    article_id = library.id_of(article)
    assert article_id is not None
    library.rename(article_id, "My own title")
    assert library.add(article, {}) == (article_id, False)


def test_korean_search_finds_the_english_of_the_glossary_entry(capsys) -> None:
    main(["import", str(SEEDS_DIR)])
    capsys.readouterr()
    assert main(["library", "search", "김정은", "--json"]) == 0
    rows = _json_out(capsys)
    assert rows and all("Kim Jong Un" in ReaderContext().library.article(row["id"]).text for row in rows)


def test_snippet_marks_become_offsets() -> None:
    assert split_snippet("the \x02plenary\x03 meeting") == ("the plenary meeting", ((4, 11),))
    assert split_snippet("a\nb") == ("a b", ())


def test_a_batch_keeps_one_copy_of_the_same_content() -> None:
    library = ReaderContext().library
    article = _article("Same", "The same text.")
    results = library.add_many([(article, {}), (_article("Other", "Other text."), {}), (article, {})])
    assert [added for _id, added in results] == [True, True, False]
    assert results[0][0] == results[2][0] and library.count() == 2


def test_opening_a_file_five_times_gives_one_entry_with_an_absolute_path(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "big.txt").write_text("Big Test Article\n\nPyongyang, May 3 (KCNA) -- A test sentence.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    context = ReaderContext()
    for _ in range(5):
        article = context.load_article(Path("big.txt"))
        context.library.add(article, context.entry_counts(article))
    rows = [item for item in context.library.items() if item.title == "Big Test Article"]
    assert len(rows) == 1
    assert os.path.isabs(rows[0].source) and rows[0].source == str(tmp_path / "big.txt")


def test_paging_and_counts(library: Library) -> None:
    first = library.page(LibraryFilter(), sort="title", limit=2)
    second = library.page(LibraryFilter(), sort="title", limit=2, offset=2)
    assert [i.title for i in first + second] == ["Anniversary Marked", "Harvest Report", "Plenary Meeting Opens"]
    assert library.count_where(LibraryFilter(query="pyongyang")) == 1
    assert library.count_where(LibraryFilter(topic="Top News")) == 1
    assert library.topics() == ["Culture", "Economy", "Top News"]


def test_reader_with_no_file_resumes_the_last_article_where_it_stopped(library: Library, monkeypatch) -> None:
    import importlib
    import sys
    import types

    article_id = library.items("anniversary")[0].id
    library.mark_opened(article_id)
    library.set_position(article_id, 1)
    calls: list[tuple[str, int]] = []
    fake = types.SimpleNamespace(
        run_app=lambda context, article, open_library=False, start_sentence=0, library_id=None: calls.append(
            (article.title, start_sentence, library_id)
        )
        or 0
    )
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    real_import = importlib.import_module
    monkeypatch.setattr(importlib, "import_module", lambda name: fake if name == "reader.app.launch" else real_import(name))
    assert main([]) == 0
    assert calls == [("Anniversary Marked", 1, article_id)]


def test_worker_processes_import_what_one_process_imports(tmp_path: Path, monkeypatch) -> None:
    """A large corpus is parsed and matched in worker processes; the library and the problems are the same."""
    from reader.library import importer
    from reader.store.db import open_store

    sample = Path(__file__).resolve().parent.parent / "data" / "corpus-sample.jsonl"
    corpus = tmp_path / "corpus.jsonl"
    lines = sample.read_text(encoding="utf-8").splitlines()
    corpus.write_text("\n".join([lines[0], "{not json", "", *lines[1:]]) + "\n", encoding="utf-8")

    def imported(store: Path, workers: object) -> tuple[object, ...]:
        context = ReaderContext(store)
        report = importer.import_articles(
            [str(corpus)], context.library, context.entry_counts, names=context.article_names, workers=workers
        )
        conn = open_store(store)
        articles = conn.execute("SELECT content_hash, title, date, topic, body_json FROM library_articles ORDER BY id").fetchall()
        terms = conn.execute("SELECT article_id, entry_id, occurrences FROM library_terms ORDER BY 1, 2").fetchall()
        return report.added, report.duplicates, [str(e) for e in report.errors], articles, terms

    one_process = imported(tmp_path / "one.sqlite3", None)
    monkeypatch.setattr(importer, "PARALLEL_MIN_RECORDS", 1)
    in_workers = imported(tmp_path / "workers.sqlite3", ReaderContext().import_workers)
    assert in_workers == one_process
    assert one_process[2] == [f"{corpus}:2: not valid JSON (Expecting property name enclosed in double quotes)"]
    assert one_process[0] > 0 and one_process[4], "articles and their terms were written"
