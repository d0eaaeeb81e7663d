"""Study fixtures: the real glossary and matcher (built once), a store seeded with the seed articles."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from glossary.data import Glossary, load_glossary
from glossary.match import Matcher
from glossary.model import Entry
from reader.articles.load import load_article
from reader.library.importer import import_articles
from reader.library.store import Library
from reader.paths import DEFAULT_ARTICLE, SEEDS_DIR
from reader.store.db import open_store
from reader.study.clock import DayBoundary, FixedClock
from reader.study.scheduling import StudySettings
from reader.study.session import StudySession, StudySources
from reader.study.store import StudyStore

#: Monday 5 January 2026, 09:00 UTC: the first day of every simulation.
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
UTC_BOUNDARY = DayBoundary(rollover_hour=4, tz=UTC)


@pytest.fixture(scope="session")
def glossary() -> Glossary:
    return load_glossary(include_user_dir=False)


@pytest.fixture(scope="session")
def matcher(glossary: Glossary) -> Matcher:
    return Matcher(glossary)


def entry_counts_with(matcher: Matcher) -> Callable:  # type: ignore[type-arg]
    def counts(article):  # type: ignore[no-untyped-def]
        found: dict[str, int] = {}
        for sentence in article.sentences:
            for span in matcher.match_en(sentence):
                found[span.entry_id] = found.get(span.entry_id, 0) + 1
        return found

    return counts


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory, matcher: Matcher) -> Path:
    """A store with the seed articles imported and the seed article opened, copied by each test."""
    path = tmp_path_factory.mktemp("study-template") / "reader.sqlite3"
    conn = open_store(path)
    library = Library(conn)
    import_articles([str(SEEDS_DIR)], library, entry_counts_with(matcher))
    seed_id, added = library.add(load_article(DEFAULT_ARTICLE), {})
    assert not added  # the seed folder holds the default article: the library gives back its id
    library.mark_opened(seed_id)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


@pytest.fixture(scope="session")
def seed_top(seeded_template: Path, glossary: Glossary) -> Entry:
    """The term linked most often in the opened seed article: the first new card of a session."""
    conn = sqlite3.connect(seeded_template)
    try:
        entry_id = conn.execute(
            "SELECT t.entry_id FROM library_terms t JOIN library_articles a ON a.id = t.article_id"
            " WHERE a.opened_at IS NOT NULL ORDER BY t.occurrences DESC, t.entry_id LIMIT 1"
        ).fetchone()[0]
    finally:
        conn.close()
    entry = glossary.entries[entry_id]
    assert entry.ko and not entry.pattern, "the seed's top term should make a recognition card"
    return entry


@pytest.fixture
def store_path(tmp_path: Path, seeded_template: Path) -> Path:
    path = tmp_path / "reader.sqlite3"
    shutil.copy(seeded_template, path)
    return path


@pytest.fixture
def conn(store_path: Path) -> sqlite3.Connection:
    return open_store(store_path)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def make_session(
    conn: sqlite3.Connection, glossary: Glossary, matcher: Matcher, clock: FixedClock
) -> Callable[..., StudySession]:
    def make(**kwargs: object) -> StudySession:
        kwargs.setdefault("boundary", UTC_BOUNDARY)
        kwargs.setdefault("settings", StudySettings())
        sources = StudySources(glossary, Library(conn), matcher)
        return StudySession(StudyStore(conn), sources, clock, **kwargs)  # type: ignore[arg-type]

    return make
