"""Schema versions: each feature's numbered migrations apply once, each in its own transaction, and are recorded.

The store made before versions were recorded is written here with its DDL as it was then, so a change to a
feature's migration 1 that would not recognise such a store fails these tests.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reader.commands.reader import main
from reader.errors import StoreError
from reader.library.store import LIBRARY_TABLES, Library
from reader.store.db import APPLICATION_ID, STORE_FORMAT, open_store
from reader.store.migrations import Feature, Migration, applied_migrations, applied_version, migrate, split_statements
from reader.study.store import StudyStore
from reader.translate.cache import TranslationCache

#: The number a migration appended to the library's would get.
NEXT = LIBRARY_TABLES.latest + 1
SEEDS = Path(__file__).resolve().parents[2] / "reader" / "seeds"

#: The three features' tables exactly as kcna-reader 0.1.0 created them, before versions were recorded.
STORE_BEFORE_VERSIONS = """
CREATE TABLE IF NOT EXISTS translation_cache (
    engine TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    created_at REAL NOT NULL,
    PRIMARY KEY (engine, source)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS library_articles (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    date TEXT,
    place TEXT,
    topic TEXT,
    source TEXT NOT NULL,
    sentence_count INTEGER NOT NULL,
    body_json TEXT NOT NULL,
    imported_at REAL NOT NULL,
    opened_at REAL
);
CREATE VIRTUAL TABLE IF NOT EXISTS library_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS library_terms (
    article_id INTEGER NOT NULL REFERENCES library_articles(id) ON DELETE CASCADE,
    entry_id TEXT NOT NULL,
    occurrences INTEGER NOT NULL,
    PRIMARY KEY (article_id, entry_id)
);
CREATE INDEX IF NOT EXISTS library_terms_by_entry ON library_terms(entry_id);
CREATE TABLE IF NOT EXISTS study_cards (
    card_id INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    state INTEGER NOT NULL,
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due_us INTEGER NOT NULL,
    last_review_us INTEGER,
    reps INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    first_day TEXT NOT NULL,
    UNIQUE (entry_id, kind)
);
CREATE INDEX IF NOT EXISTS study_cards_by_due ON study_cards(due_us);
CREATE TABLE IF NOT EXISTS study_reviews (
    id INTEGER PRIMARY KEY,
    card_id INTEGER NOT NULL,
    entry_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    rating INTEGER NOT NULL,
    reviewed_us INTEGER NOT NULL,
    study_day TEXT NOT NULL,
    duration_ms INTEGER,
    state_before INTEGER
);
CREATE INDEX IF NOT EXISTS study_reviews_by_day ON study_reviews(study_day);
CREATE INDEX IF NOT EXISTS study_reviews_by_card ON study_reviews(card_id, reviewed_us);
CREATE TABLE IF NOT EXISTS study_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_BODY = (
    '{"title": "Kim Yo Jong Issues Press Statement", "date": "2024-06-21", "place": "Pyongyang", "keywords": [],'
    ' "paragraphs": [["Kim Yo Jong, vice department director of the WPK Central Committee, issued a statement."]],'
    ' "source": "statement.txt", "dateline_date": null, "agency": "KCNA", "article_id": null, "url": null}'
)


def make_store_before_versions(path: Path) -> None:
    """A store as kcna-reader 0.1.0 left it: its tables, an article, a cached translation, a card and its review."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(STORE_BEFORE_VERSIONS)
    with conn:
        conn.execute(
            "INSERT INTO library_articles VALUES (7, 'hash-7', 'Kim Yo Jong Issues Press Statement', '2024-06-21',"
            " 'Pyongyang', 'Statements', 'statement.txt', 1, ?, 1718900000.0, 1718900100.0)",
            (_BODY,),
        )
        conn.execute(
            "INSERT INTO library_fts (rowid, title, body) VALUES (7, 'Kim Yo Jong Issues Press Statement',"
            " 'Kim Yo Jong, vice department director of the WPK Central Committee, issued a statement.')"
        )
        conn.execute("INSERT INTO library_terms VALUES (7, 'kim-yo-jong', 1)")
        conn.execute("INSERT INTO translation_cache VALUES ('echo 1.0 beam4', 'Hello.', '안녕.', 1718900000.0)")
        conn.execute(
            "INSERT INTO study_cards VALUES (1001, 'kim-yo-jong', 'recognition', 2, NULL, 3.2, 5.1,"
            " 1767700000000000, 1767600000000000, 1, 0, '2026-01-05')"
        )
        conn.execute(
            "INSERT INTO study_reviews VALUES (1, 1001, 'kim-yo-jong', 'recognition', 3, 1767600000000000,"
            " '2026-01-05', 4200, 0)"
        )
        conn.execute("INSERT INTO study_settings VALUES ('fsrs_parameters', '[0.4, 1.2]')")
    conn.close()


def user_tables(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"))


def with_migration(feature: Feature, migration: Migration) -> Feature:
    return Feature(feature.name, (*feature.migrations, migration))


@pytest.fixture
def old_store(tmp_path: Path) -> Path:
    path = tmp_path / "reader.sqlite3"
    make_store_before_versions(path)
    return path


def test_a_store_made_before_versions_opens_records_version_1_and_keeps_its_rows(old_store: Path) -> None:
    before = user_tables(sqlite3.connect(old_store))
    conn = open_store(old_store)
    library, cache, study = Library(conn), TranslationCache(conn), StudyStore(conn)

    assert [(m.feature, m.number) for m in applied_migrations(conn)] == [
        *(("library", m.number) for m in LIBRARY_TABLES.migrations),
        ("study", 1),
        ("study", 2),  # a later migration runs on the old store too: the set-aside table
        ("translation_cache", 1),
    ]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == STORE_FORMAT
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    # Nothing of the old schema was lost; besides the bookkeeping and the later migrations' tables (study's
    # set-aside table), only the library's later migrations changed it (a column for the reading position, indexes).
    after = user_tables(conn)
    assert set(before) <= set(after)
    unchanged = {name for name in before if name not in ("library_articles", "library_terms_by_entry")}
    assert {name: after[name] for name in unchanged} == {name: before[name] for name in unchanged}
    assert study.set_aside_on(study.reviews()[0].study_day) == {}
    # Every row is there and reads back through the features.
    assert [item.title for item in library.items("yo jong")] == ["Kim Yo Jong Issues Press Statement"]
    assert library.article(7).paragraphs[0][0].startswith("Kim Yo Jong, vice department director")
    assert library.entry_counts_of_opened() == {"kim-yo-jong": 1}
    assert cache.get_many("echo 1.0 beam4", ["Hello."]) == {"Hello.": "안녕."}
    assert [(card.entry_id, card.reps) for card in study.cards().values()] == [("kim-yo-jong", 1)]
    assert [review.duration_ms for review in study.reviews()] == [4200]
    assert study.parameters() == [0.4, 1.2]


def test_the_reader_command_upgrades_an_old_store_in_place_and_keeps_its_articles(capsys) -> None:
    from reader.paths import store_path

    make_store_before_versions(store_path())
    assert main(["import", str(SEEDS)]) == 0
    assert "imported 11 article(s)" in capsys.readouterr().out
    conn = open_store(store_path())
    assert applied_version(conn, "library") == LIBRARY_TABLES.latest
    titles = [item.title for item in Library(conn).items()]
    assert len(titles) == 12 and "Kim Yo Jong Issues Press Statement" in titles


def test_a_new_store_records_every_feature_at_its_latest_version(tmp_path: Path) -> None:
    conn = open_store(tmp_path / "new.sqlite3")
    Library(conn), TranslationCache(conn), StudyStore(conn)
    latest: dict[str, int] = {}
    for m in applied_migrations(conn):
        latest[m.feature] = max(latest.get(m.feature, 0), m.number)
    assert latest == {"library": LIBRARY_TABLES.latest, "translation_cache": 1, "study": 2}
    assert all(m.applied_at == pytest.approx(time.time(), abs=60) for m in applied_migrations(conn))


def test_a_second_migration_applies_once_and_is_recorded(old_store: Path) -> None:
    def copy_titles_to_notes(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE library_articles SET note = 'about: ' || title")

    first_release = Feature(LIBRARY_TABLES.name, LIBRARY_TABLES.migrations[:1])
    notes = with_migration(
        first_release, Migration(2, "a note per article", "ALTER TABLE library_articles ADD COLUMN note TEXT;")
    )
    backfill = with_migration(notes, Migration(3, "notes start as the title", copy_titles_to_notes))

    conn = open_store(old_store)
    assert migrate(conn, backfill) == [1, 2, 3]
    assert migrate(conn, backfill) == []
    # Another connection (another process, say) finds it done.
    other = open_store(old_store)
    assert migrate(other, backfill) == []
    assert applied_version(other, "library") == 3
    names = [(m.number, m.name) for m in applied_migrations(other) if m.feature == "library"]
    assert names == [(1, LIBRARY_TABLES.migrations[0].name), (2, "a note per article"), (3, "notes start as the title")]
    assert other.execute("SELECT id, note FROM library_articles").fetchall() == [
        (7, "about: Kim Yo Jong Issues Press Statement")
    ]
    # This code knows fewer versions, so to it the store is now newer: refused, not misread.
    with pytest.raises(StoreError, match="version 3"):
        Library(other)


def test_two_connections_migrating_at_once_apply_a_migration_once(old_store: Path) -> None:
    runs: list[str] = []

    def slow_step(conn: sqlite3.Connection) -> None:
        runs.append(threading.current_thread().name)
        time.sleep(0.2)  # the other thread arrives while this one holds the write lock
        conn.execute("CREATE TABLE library_notes (article_id INTEGER, note TEXT)")

    feature = with_migration(LIBRARY_TABLES, Migration(NEXT, "notes table", slow_step))
    migrate(open_store(old_store), LIBRARY_TABLES)
    results: dict[str, list[int]] = {}

    def worker() -> None:
        results[threading.current_thread().name] = migrate(open_store(old_store), feature)

    threads = [threading.Thread(target=worker, name=f"t{i}") for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(runs) == 1
    assert sorted(results.values()) == [[], [NEXT]]


def test_a_failing_migration_leaves_the_store_as_it_was(old_store: Path) -> None:
    conn = open_store(old_store)
    migrate(conn, LIBRARY_TABLES)
    dump_before = list(conn.iterdump())

    broken_sql = with_migration(
        LIBRARY_TABLES,
        Migration(NEXT, "notes", "CREATE TABLE library_notes (x TEXT); INSERT INTO library_articles (nope) VALUES (1);"),
    )
    with pytest.raises(StoreError) as raised:
        migrate(conn, broken_sql)
    message = str(raised.value)
    assert str(old_store) in message and f"version {NEXT} (notes)" in message and f"they stay at version {NEXT - 1}" in message

    def half_done(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE library_articles SET title = 'overwritten'")
        raise ValueError("the backfill met a row it cannot convert")

    with pytest.raises(StoreError, match="cannot convert"):
        migrate(conn, with_migration(LIBRARY_TABLES, Migration(NEXT, "backfill", half_done)))

    assert not conn.in_transaction
    assert list(conn.iterdump()) == dump_before
    assert applied_version(conn, "library") == NEXT - 1
    assert Library(conn).items()[0].title == "Kim Yo Jong Issues Press Statement"


def test_a_store_newer_than_the_code_is_refused_and_left_alone(old_store: Path, capsys) -> None:
    newer = with_migration(LIBRARY_TABLES, Migration(NEXT, "from the future", "CREATE TABLE library_future (x);"))
    conn = open_store(old_store)
    migrate(conn, newer)
    conn.close()
    before = old_store.read_bytes()

    with pytest.raises(StoreError) as raised:
        Library(open_store(old_store))
    assert "made by a newer kcna-reader" in str(raised.value) and f"version {NEXT}" in str(raised.value)

    # The command line says so in one line naming the file, exit 2. XDG_DATA_HOME points at a per-test folder.
    from reader.paths import store_path

    store_path().parent.mkdir(parents=True)
    store_path().write_bytes(before)
    assert main(["import", str(SEEDS)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith(
        f"reader: {store_path()}: made by a newer kcna-reader: its library tables are at version {NEXT}"
    )
    assert "Traceback" not in "\n".join(err)
    assert store_path().read_bytes() == before
    assert old_store.read_bytes() == before


def test_a_newer_store_format_and_another_programs_database_are_refused_before_any_write(tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {STORE_FORMAT + 1}")
    conn.close()
    with pytest.raises(StoreError, match="made by a newer kcna-reader: store format 2"):
        open_store(newer)

    foreign = tmp_path / "places.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("PRAGMA user_version = 74")  # another program's own schema version
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.close()
    before = foreign.read_bytes()
    with pytest.raises(StoreError, match=r"not a kcna-reader store .* move it aside"):
        open_store(foreign)
    assert foreign.read_bytes() == before


def test_statements_split_where_sqlite_says_they_end() -> None:
    sql = """
    CREATE TABLE a (x TEXT);
    INSERT INTO a VALUES ('one; two');
    CREATE TRIGGER a_log AFTER INSERT ON a BEGIN INSERT INTO a VALUES ('logged'); END;
    """
    assert split_statements(sql) == [
        "CREATE TABLE a (x TEXT);",
        "INSERT INTO a VALUES ('one; two');",
        "CREATE TRIGGER a_log AFTER INSERT ON a BEGIN INSERT INTO a VALUES ('logged'); END;",
    ]
    with pytest.raises(ValueError, match="incomplete"):
        split_statements("CREATE TABLE b (x TEXT); INSERT INTO b VALUES ('unterminated")


def test_migrations_are_numbered_from_one_in_order() -> None:
    with pytest.raises(ValueError, match="numbered 1, 2, 3"):
        Feature("notes", (Migration(1, "a", "SELECT 1;"), Migration(3, "b", "SELECT 1;")))


def test_the_store_package_imports_no_feature() -> None:
    code = (
        "import sys, reader.store.db, reader.store.migrations\n"
        "print(sorted(m for m in sys.modules if m.startswith(('reader.library', 'reader.translate', 'reader.study'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
