"""The library's tables: imported articles, their full-text index (FTS5) and which glossary entries each uses.

Articles are stored as their parsed, normalised JSON, so opening one from the library does no parsing.
Duplicates are recognised by ``Article.content_hash`` (the corpus files one story under several sections).
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass

from reader.articles.model import Article
from reader.store.migrations import Feature, Migration, migrate

#: The schema as first released (before versions were recorded); idempotent, so such a store records version 1.
_SCHEMA_1 = """
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
"""

#: The library tables' numbered migrations (``reader.store.migrations``); a new one is appended, never edited.
LIBRARY_TABLES = Feature(
    "library",
    (Migration(1, "articles, their full-text index, the glossary entries each uses", _SCHEMA_1),),
)


@dataclass(frozen=True)
class LibraryItem:
    """One row of the library list."""

    id: int
    title: str
    date: str | None
    topic: str | None
    source: str
    sentence_count: int
    opened_at: float | None


class Library:
    """Imported articles in the store."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        migrate(conn, LIBRARY_TABLES)

    def add(self, article: Article, entry_counts: dict[str, int]) -> tuple[int, bool]:
        """Add an article; returns (id, added). A duplicate (same content hash) returns the existing id and False."""
        content_hash = article.content_hash
        row = self.conn.execute("SELECT id FROM library_articles WHERE content_hash = ?", (content_hash,)).fetchone()
        if row:
            return int(row[0]), False
        body = {
            **article.to_json(),
            "dateline_date": article.dateline_date,
            "agency": article.agency,
            "article_id": article.article_id,
            "url": article.url,
        }
        with self.conn:
            cursor = self.conn.execute(
                "INSERT INTO library_articles (content_hash, title, date, place, topic, source, sentence_count,"
                " body_json, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    content_hash,
                    article.title,
                    article.date,
                    article.place,
                    article.topic,
                    article.source,
                    len(article.sentences),
                    json.dumps(body, ensure_ascii=False),
                    time.time(),
                ),
            )
            article_id = int(cursor.lastrowid or 0)
            self.conn.execute(
                "INSERT INTO library_fts (rowid, title, body) VALUES (?, ?, ?)", (article_id, article.title, article.text)
            )
            self.conn.executemany(
                "INSERT INTO library_terms (article_id, entry_id, occurrences) VALUES (?, ?, ?)",
                [(article_id, entry_id, count) for entry_id, count in entry_counts.items()],
            )
        return article_id, True

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM library_articles").fetchone()[0])

    def items(self, query: str = "", limit: int = 2000) -> list[LibraryItem]:
        """All articles, newest first; with ``query``, those matching it in title or text, best first."""
        columns = "a.id, a.title, a.date, a.topic, a.source, a.sentence_count, a.opened_at"
        fts_query = to_fts_query(query)
        if fts_query:
            rows = self.conn.execute(
                f"SELECT {columns} FROM library_fts JOIN library_articles a ON a.id = library_fts.rowid"
                " WHERE library_fts MATCH ? ORDER BY bm25(library_fts, 5.0, 1.0) LIMIT ?",
                (fts_query, limit),
            ).fetchall()
        else:
            rows = self.conn.execute(
                f"SELECT {columns} FROM library_articles a ORDER BY a.date DESC, a.id DESC LIMIT ?", (limit,)
            ).fetchall()
        return [LibraryItem(*row) for row in rows]

    def article(self, article_id: int) -> Article:
        row = self.conn.execute(
            "SELECT title, date, place, topic, source, body_json FROM library_articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise KeyError(article_id)
        title, date, place, topic, source, body_json = row
        body = json.loads(body_json)
        return Article(
            title=title,
            date=date,
            place=place,
            dateline_date=body.get("dateline_date"),
            agency=body.get("agency"),
            keywords=list(body.get("keywords", [])),
            paragraphs=[list(p) for p in body.get("paragraphs", [])],
            source=source,
            article_id=body.get("article_id"),
            topic=topic,
            url=body.get("url"),
        )

    def mark_opened(self, article_id: int) -> None:
        with self.conn:
            self.conn.execute("UPDATE library_articles SET opened_at = ? WHERE id = ?", (time.time(), article_id))

    def articles_using(self, entry_id: str, exclude: int | None = None, limit: int = 20) -> list[LibraryItem]:
        """Library articles that link ``entry_id``, most uses first."""
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.date, a.topic, a.source, a.sentence_count, a.opened_at"
            " FROM library_terms t JOIN library_articles a ON a.id = t.article_id"
            " WHERE t.entry_id = ? AND a.id IS NOT ? ORDER BY t.occurrences DESC, a.date DESC LIMIT ?",
            (entry_id, exclude, limit),
        ).fetchall()
        return [LibraryItem(*row) for row in rows]

    def articles_linking(self, entry_id: str) -> list[LibraryItem]:
        """Every library article that links ``entry_id``, oldest first (undated last)."""
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.date, a.topic, a.source, a.sentence_count, a.opened_at"
            " FROM library_terms t JOIN library_articles a ON a.id = t.article_id"
            " WHERE t.entry_id = ? ORDER BY a.date IS NULL, a.date, a.id",
            (entry_id,),
        ).fetchall()
        return [LibraryItem(*row) for row in rows]

    def monthly_occurrences(self, entry_id: str) -> list[tuple[str, int]]:
        """How often ``entry_id`` is linked per month (YYYY-MM) across the dated library articles, in order."""
        rows = self.conn.execute(
            "SELECT substr(a.date, 1, 7) AS month, sum(t.occurrences) FROM library_terms t"
            " JOIN library_articles a ON a.id = t.article_id"
            " WHERE t.entry_id = ? AND a.date IS NOT NULL GROUP BY month ORDER BY month",
            (entry_id,),
        ).fetchall()
        return [(str(month), int(total)) for month, total in rows]

    def entry_counts_of_opened(self) -> dict[str, int]:
        """Glossary entries linked in the articles the user has opened, with their total occurrences."""
        rows = self.conn.execute(
            "SELECT t.entry_id, sum(t.occurrences) FROM library_terms t JOIN library_articles a ON a.id = t.article_id"
            " WHERE a.opened_at IS NOT NULL GROUP BY t.entry_id"
        ).fetchall()
        return {entry_id: int(total) for entry_id, total in rows}


def to_fts_query(query: str) -> str:
    """Turn what a user types into a safe FTS5 query: every word must occur, the last one as a prefix.

    FTS5 syntax characters in user input (quotes, ``*``, ``:``, ``-``, parentheses) would otherwise be errors or
    operators, so each word is quoted. Example: ``kim yo jo`` -> ``"kim" "yo" "jo"*``.
    """
    words = [w for w in "".join(c if c.isalnum() or c in "'’" else " " for c in query).split() if w]
    if not words:
        return ""
    quoted = ['"' + w.replace('"', "") + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)
