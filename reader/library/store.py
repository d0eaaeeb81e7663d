"""The library's tables: imported articles, their full-text index (FTS5) and which glossary entries each uses.

Articles are stored as their parsed, normalised JSON, so opening one from the library does no parsing.
Duplicates are recognised by ``Article.content_hash`` (the corpus files one story under several sections).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.articles.korean import has_hangul
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

#: Archive scale (100,000+ articles): where the reader stopped in each article, and indexes for every order the
#: library screen offers and for "Also in your library" (an entry's articles by uses, read off the index).
_SCHEMA_2 = """
ALTER TABLE library_articles ADD COLUMN last_sentence INTEGER;
CREATE INDEX library_articles_by_date ON library_articles(date, id);
CREATE INDEX library_articles_by_title ON library_articles(title COLLATE NOCASE, id);
CREATE INDEX library_articles_by_topic ON library_articles(topic COLLATE NOCASE, date, id);
CREATE INDEX library_articles_by_opened ON library_articles(opened_at);
DROP INDEX IF EXISTS library_terms_by_entry;
CREATE INDEX library_terms_by_entry ON library_terms(entry_id, occurrences DESC, article_id);
"""

#: Korean writes compounds without spaces (김정은동지께서, 자력갱생의기치높이): the word index sees one token there.
#: A trigram index finds any run of three characters or more inside them; shorter queries use LIKE on the stored
#: text. Contentless and without column sizes: the text is stored once (in library_fts).
_SCHEMA_3 = """
CREATE VIRTUAL TABLE IF NOT EXISTS library_trigram USING fts5(
    title, body, tokenize = 'trigram', content = '', columnsize = 0
);
INSERT INTO library_trigram (rowid, title, body) SELECT rowid, title, body FROM library_fts;
"""

#: The library tables' numbered migrations (``reader.store.migrations``); a new one is appended, never edited.
LIBRARY_TABLES = Feature(
    "library",
    (
        Migration(1, "articles, their full-text index, the glossary entries each uses", _SCHEMA_1),
        Migration(2, "reading positions; indexes for sorting, filtering and term look-ups at archive scale", _SCHEMA_2),
        Migration(3, "a trigram index beside the word index: Korean words inside unspaced compounds", _SCHEMA_3),
    ),
)

#: How the library list can be ordered: (SQL ORDER BY, its reverse). Each is backed by an index.
SORTS = {
    "date": ("a.date DESC, a.id DESC", "a.date, a.id"),
    "title": ("a.title COLLATE NOCASE, a.id", "a.title COLLATE NOCASE DESC, a.id DESC"),
    "topic": ("a.topic COLLATE NOCASE, a.date DESC, a.id DESC", "a.topic COLLATE NOCASE DESC, a.date, a.id"),
}

#: Characters that mark a search hit inside a snippet (control characters never survive article parsing).
HIT_START, HIT_END = "\x02", "\x03"

#: A search ranks at most this many hits, the newest (see ``Library.page``); sorted by date, title or topic, and
#: when counted, every hit counts.
RANKED_HITS = 2000

_ITEM_COLUMNS = "a.id, a.title, a.date, a.topic, a.source, a.sentence_count, a.opened_at, a.last_sentence"


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
    #: The sentence the reader was on when the article was last left (None: never opened, or at the top).
    last_sentence: int | None = None
    #: For a search hit: the text around the match, and where the matched words are in it.
    snippet: str = ""
    snippet_hits: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class LibraryFilter:
    """What the library list shows: words to search, a date range (ISO, inclusive), a topic, read or unread."""

    query: str = ""
    date_from: str | None = None
    date_to: str | None = None
    topic: str | None = None
    #: True: opened articles only; False: never opened; None: both.
    read: bool | None = None
    #: Whether the query's last word also finds longer words ("hwang" -> "Hwanghae"), as when typing in the app.
    #: Matching a short prefix reads every word that starts with it, so a complete query does without.
    prefix: bool = True

    def where(self) -> tuple[list[str], list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if self.date_from:
            clauses.append("a.date >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("a.date <= ?")
            params.append(self.date_to + "\uffff")  # a whole day or month given as a prefix is included
        if self.topic:
            clauses.append("a.topic = ? COLLATE NOCASE")
            params.append(self.topic)
        if self.read is True:
            clauses.append("a.opened_at IS NOT NULL")
        elif self.read is False:
            clauses.append("a.opened_at IS NULL")
        return clauses, params


class Library:
    """Imported articles in the store."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        migrate(conn, LIBRARY_TABLES)

    def add(self, article: Article, entry_counts: dict[str, int]) -> tuple[int, bool]:
        """Add an article; returns (id, added). A duplicate (same content hash) returns the existing id and False."""
        return self.add_many([(article, entry_counts)])[0]

    def add_many(self, batch: Sequence[tuple[Article, dict[str, int]]]) -> list[tuple[int, bool]]:
        """Add a batch of articles in one transaction; (id, added) for each, in order (see ``add_prepared``)."""
        return self.add_prepared([prepare(article, counts) for article, counts in batch])

    def add_prepared(self, batch: Sequence[PreparedArticle]) -> list[tuple[int, bool]]:
        """Add a batch of prepared articles in one transaction; (id, added) for each, in order.

        One transaction per batch instead of per article is what makes a 100,000-article import take minutes,
        not an hour: each commit is a WAL sync, and FTS5 merges its index once per transaction. Duplicates (by
        content hash, in the store or earlier in the batch) are looked up in one query and give the stored id
        with ``added=False``. Example: ``add_many([(a, {}), (a, {})])`` on an empty library ->
        ``[(1, True), (1, False)]``.
        """
        known = self._ids_of_hashes([prepared.content_hash for prepared in batch])
        results: list[tuple[int, bool]] = []
        now = time.time()
        with self.conn:
            fts_rows: list[tuple[int, str, str]] = []
            term_rows: list[tuple[int, str, int]] = []
            for prepared in batch:
                existing = known.get(prepared.content_hash)
                if existing is not None:
                    results.append((existing, False))
                    continue
                cursor = self.conn.execute(
                    "INSERT INTO library_articles (content_hash, title, date, place, topic, source, sentence_count,"
                    " body_json, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*prepared.row, now),
                )
                article_id = int(cursor.lastrowid or 0)
                known[prepared.content_hash] = article_id
                results.append((article_id, True))
                fts_rows.append((article_id, prepared.title, prepared.text))
                term_rows += [(article_id, entry_id, count) for entry_id, count in prepared.entry_counts.items()]
            self.conn.executemany("INSERT INTO library_fts (rowid, title, body) VALUES (?, ?, ?)", fts_rows)
            self.conn.executemany("INSERT INTO library_trigram (rowid, title, body) VALUES (?, ?, ?)", fts_rows)
            self.conn.executemany(
                "INSERT INTO library_terms (article_id, entry_id, occurrences) VALUES (?, ?, ?)", term_rows
            )
        return results

    def _ids_of_hashes(self, hashes: Sequence[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        unique = list(dict.fromkeys(hashes))
        for start in range(0, len(unique), 500):  # SQLite's default limit on bound parameters is far above 500
            chunk = unique[start : start + 500]
            rows = self.conn.execute(
                f"SELECT content_hash, id FROM library_articles WHERE content_hash IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            found.update((str(h), int(i)) for h, i in rows)
        return found

    def id_of(self, article: Article) -> int | None:
        """The library id of an article with the same content, or None."""
        return self._ids_of_hashes([article.content_hash]).get(article.content_hash)

    def is_empty(self) -> bool:
        return self.conn.execute("SELECT 1 FROM library_articles LIMIT 1").fetchone() is None

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM library_articles").fetchone()[0])

    def items(self, query: str = "", limit: int = 2000) -> list[LibraryItem]:
        """All articles, newest first; with ``query``, those matching it in title or text, best first."""
        return self.page(LibraryFilter(query=query), limit=limit)

    def page(
        self, where: LibraryFilter = LibraryFilter(), *, sort: str = "relevance", reverse: bool = False,
        limit: int = 200, offset: int = 0,
    ) -> list[LibraryItem]:
        """One page of the library list: ``limit`` rows from ``offset``, filtered and ordered.

        ``sort`` is "relevance" (a search's hits best first by bm25, title weighted 5:1, among the newest
        ``RANKED_HITS`` hits; without a search, newest first) or a key of ``SORTS``; ``reverse`` turns a ``SORTS`` order round. A search's hits carry a snippet.
        Without a search the order is read off an index, so a page deep into 100,000 articles is still quick.
        """
        clauses, params, fts_query = _search_parts(where)
        if fts_query:
            order = "bm25(library_fts, 5.0, 1.0)" if sort == "relevance" else SORTS[sort][reverse]
            if sort == "relevance":
                # Ranking scores every hit, so "korea" in 100,000 articles would take seconds: only the newest
                # RANKED_HITS hits (by import order, read off the index without scoring) are ranked.
                floor = self.conn.execute(
                    "SELECT rowid FROM library_fts WHERE library_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                    (fts_query, RANKED_HITS - 1),
                ).fetchone()
                if floor is not None:
                    clauses.append("library_fts.rowid >= ?")
                    params.append(int(floor[0]))
            # snippet(): column -1 lets FTS5 pick title or body; 12 tokens around the best match.
            sql = (
                f"SELECT {_ITEM_COLUMNS}, snippet(library_fts, -1, '{HIT_START}', '{HIT_END}', '…', 12)"
                " FROM library_fts JOIN library_articles a ON a.id = library_fts.rowid"
                f" WHERE library_fts MATCH ?{''.join(' AND ' + c for c in clauses)} ORDER BY {order} LIMIT ? OFFSET ?"
            )
            rows = self.conn.execute(sql, (fts_query, *params, limit, offset)).fetchall()
            return [_item_with_snippet(row) for row in rows]
        sql = (
            f"SELECT {_ITEM_COLUMNS} FROM library_articles a"
            f"{' WHERE ' + ' AND '.join(clauses) if clauses else ''}"
            f" ORDER BY {SORTS['date' if sort == 'relevance' else sort][reverse]} LIMIT ? OFFSET ?"
        )
        return [LibraryItem(*row) for row in self.conn.execute(sql, (*params, limit, offset)).fetchall()]

    def count_where(self, where: LibraryFilter = LibraryFilter(), cap: int | None = None) -> int:
        """How many articles ``where`` lets through (the library screen's "n of N"); with ``cap``, at most that
        many are counted (a word found in 100,000 articles need not be counted to the last)."""
        clauses, params, fts_query = _search_parts(where)
        limit = f" LIMIT {int(cap)}" if cap else ""
        if fts_query:
            sql = (
                "SELECT a.id FROM library_fts JOIN library_articles a ON a.id = library_fts.rowid"
                f" WHERE library_fts MATCH ?{''.join(' AND ' + c for c in clauses)}{limit}"
            )
            return int(self.conn.execute(f"SELECT count(*) FROM ({sql})", (fts_query, *params)).fetchone()[0])
        if not clauses:
            return self.count()
        sql = f"SELECT a.id FROM library_articles a WHERE {' AND '.join(clauses)}{limit}"
        return int(self.conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])

    def topics(self) -> list[str]:
        """Every topic in the library, alphabetically (read off the topic index)."""
        rows = self.conn.execute(
            "SELECT DISTINCT topic FROM library_articles WHERE topic IS NOT NULL ORDER BY topic COLLATE NOCASE"
        ).fetchall()
        return [str(row[0]) for row in rows]

    def item(self, article_id: int) -> LibraryItem:
        """One article's row; ``KeyError`` when the library has no such id."""
        row = self.conn.execute(f"SELECT {_ITEM_COLUMNS} FROM library_articles a WHERE a.id = ?", (article_id,)).fetchone()
        if row is None:
            raise KeyError(article_id)
        return LibraryItem(*row)

    def remove(self, article_id: int) -> bool:
        """Delete an article, its text index and its terms; False when there was none."""
        with self.conn:
            deleted = self.conn.execute("DELETE FROM library_articles WHERE id = ?", (article_id,)).rowcount
            if deleted:
                self._forget_trigrams(article_id)
                self.conn.execute("DELETE FROM library_fts WHERE rowid = ?", (article_id,))
                self.conn.execute("DELETE FROM library_terms WHERE article_id = ?", (article_id,))
        return bool(deleted)

    def rename(self, article_id: int, title: str) -> bool:
        """Give an article a new title (searchable at once); False when there is no such article.

        The content hash stays the stored one, so importing the original file again is still a duplicate.
        """
        title = " ".join(title.split())
        if not title:
            raise ValueError("a title cannot be empty")
        with self.conn:
            changed = self.conn.execute("UPDATE library_articles SET title = ? WHERE id = ?", (title, article_id)).rowcount
            if changed:
                self._forget_trigrams(article_id)
                self.conn.execute("UPDATE library_fts SET title = ? WHERE rowid = ?", (title, article_id))
                self.conn.execute(
                    "INSERT INTO library_trigram (rowid, title, body) SELECT rowid, title, body FROM library_fts"
                    " WHERE rowid = ?",
                    (article_id,),
                )
        return bool(changed)

    def _forget_trigrams(self, article_id: int) -> None:
        # The trigram index is contentless: FTS5 removes a row by being told the values it indexed, which the word
        # index still holds (so this runs before library_fts changes).
        self.conn.execute(
            "INSERT INTO library_trigram (library_trigram, rowid, title, body)"
            " SELECT 'delete', rowid, title, body FROM library_fts WHERE rowid = ?",
            (article_id,),
        )

    def set_position(self, article_id: int, sentence: int) -> None:
        """Remember the sentence the reader is on in an article (for resuming)."""
        with self.conn:
            self.conn.execute("UPDATE library_articles SET last_sentence = ? WHERE id = ?", (sentence, article_id))

    def last_opened(self) -> LibraryItem | None:
        """The article opened most recently, or None (read off the opened index)."""
        row = self.conn.execute(
            f"SELECT {_ITEM_COLUMNS} FROM library_articles a WHERE a.opened_at IS NOT NULL"
            " ORDER BY a.opened_at DESC LIMIT 1"
        ).fetchone()
        return LibraryItem(*row) if row else None

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
            lang=body.get("lang", "en"),
            headnote=list(body.get("headnote", [])),
        )

    def mark_opened(self, article_id: int) -> None:
        with self.conn:
            self.conn.execute("UPDATE library_articles SET opened_at = ? WHERE id = ?", (time.time(), article_id))

    def articles_using(self, entry_id: str, exclude: int | None = None, limit: int = 20) -> list[LibraryItem]:
        """Library articles that link ``entry_id``, most uses first."""
        # The index on (entry_id, occurrences DESC) hands the rows over in order; only the last tie is sorted.
        rows = self.conn.execute(
            f"SELECT {_ITEM_COLUMNS}"
            " FROM library_terms t JOIN library_articles a ON a.id = t.article_id"
            " WHERE t.entry_id = ? AND a.id IS NOT ? ORDER BY t.occurrences DESC, a.date DESC LIMIT ?",
            (entry_id, exclude, limit),
        ).fetchall()
        return [LibraryItem(*row) for row in rows]

    def articles_linking(self, entry_id: str) -> list[LibraryItem]:
        """Every library article that links ``entry_id``, oldest first (undated last)."""
        rows = self.conn.execute(
            f"SELECT {_ITEM_COLUMNS}"
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


@dataclass(frozen=True)
class PreparedArticle:
    """An article as the library stores it: everything but the id, computed where it is cheap to do so (an
    import prepares articles in worker processes and only writes in the main one)."""

    content_hash: str
    title: str
    date: str | None
    place: str | None
    topic: str | None
    source: str
    sentence_count: int
    body_json: str
    text: str
    entry_counts: dict[str, int]

    @property
    def row(self) -> tuple[object, ...]:
        return (
            self.content_hash, self.title, self.date, self.place, self.topic, self.source, self.sentence_count,
            self.body_json,
        )


def prepare(article: Article, entry_counts: dict[str, int]) -> PreparedArticle:
    """``article`` and the glossary entries it links, ready for ``Library.add_prepared``."""
    return PreparedArticle(
        content_hash=article.content_hash,
        title=article.title,
        date=article.date,
        place=article.place,
        topic=article.topic,
        source=_stored_source(article.source),
        sentence_count=len(article.sentences),
        body_json=json.dumps(_body_of(article), ensure_ascii=False),
        text=article.text,
        entry_counts=entry_counts,
    )


def _body_of(article: Article) -> dict[str, object]:
    return {
        **article.to_json(),
        "dateline_date": article.dateline_date,
        "agency": article.agency,
        "article_id": article.article_id,
        "url": article.url,
    }


def _stored_source(source: str) -> str:
    """A file's source as an absolute path (a relative one means nothing from another folder); others as given."""
    if not source or source.startswith("<") or ":" in source.split("/", 1)[0]:
        return source  # "<stdin>", "corpus:ID", a URL
    path = Path(source).expanduser()
    return str(path.resolve()) if path.exists() else source


def _item_with_snippet(row: Sequence[object]) -> LibraryItem:
    article_id, title, date, topic, source, sentence_count, opened_at, last_sentence, marked = row
    snippet, hits = split_snippet(str(marked or ""))
    return LibraryItem(
        int(article_id),  # type: ignore[call-overload]
        str(title),
        date,  # type: ignore[arg-type]
        topic,  # type: ignore[arg-type]
        str(source),
        int(sentence_count),  # type: ignore[call-overload]
        opened_at,  # type: ignore[arg-type]
        last_sentence,  # type: ignore[arg-type]
        snippet=snippet,
        snippet_hits=hits,
    )


def split_snippet(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """FTS5's snippet with hit marks -> (plain text, the hits' (start, end) offsets in it).

    Example: ``"the \x02plenary\x03 meeting"`` -> ``("the plenary meeting", ((4, 11),))``. Newlines become
    spaces (a snippet is one line).
    """
    plain: list[str] = []
    hits: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for char in marked:
        if char == HIT_START:
            start = length
        elif char == HIT_END:
            if start is not None and length > start:
                hits.append((start, length))
            start = None
        else:
            plain.append(" " if char in "\r\n\t" else char)
            length += 1
    return "".join(plain), tuple(hits)


def to_fts_query(query: str, prefix: bool = True) -> str:
    """Turn what a user types into a safe FTS5 query: every word must occur, the last one as a prefix (with
    ``prefix``, or when the query ends in ``*``).

    FTS5 syntax characters in user input (quotes, ``*``, ``:``, ``-``, parentheses) would otherwise be errors or
    operators, so each word is quoted. Example: ``kim yo jo`` -> ``"kim" "yo" "jo"*``; with ``prefix=False``,
    ``"kim" "yo" "jo"``, and ``hwang*`` -> ``"hwang"*``.
    """
    prefix = prefix or query.rstrip().endswith("*")
    words = [w for w in "".join(c if c.isalnum() or c in "'’" else " " for c in query).split() if w]
    if not words:
        return ""
    quoted = ['"' + w.replace('"', "") + '"' for w in words]
    if prefix:
        quoted[-1] += "*"
    return " ".join(quoted)


def _search_parts(where: LibraryFilter) -> tuple[list[str], list[object], str]:
    """The filter's SQL conditions and its FTS5 query; a query with Hangul is searched inside unspaced compounds
    (the trigram index and LIKE conditions) instead of by whole word tokens, so its FTS5 query is empty."""
    clauses, params = where.where()
    if not has_hangul(where.query):
        return clauses, params, to_fts_query(where.query, where.prefix)
    korean, korean_params = korean_clauses(where.query)
    return [*clauses, *korean], [*params, *korean_params], ""


def korean_clauses(query: str) -> tuple[list[str], list[object]]:
    """SQL conditions on ``library_articles a`` for a query with Hangul: every word must occur anywhere in the
    title or text, inside compounds too.

    Words of three characters or more go to the trigram index (``"김정은"``); shorter ones (당, 령도) are a LIKE on
    the stored text. Example: ``자력갱생 당`` -> trigram MATCH ``"자력갱생"`` and a LIKE for ``%당%``.
    """
    words = [w for w in "".join(c if c.isalnum() else " " for c in query).split() if w]
    long_words = ['"' + w.replace('"', "") + '"' for w in words if len(w) >= 3]
    clauses: list[str] = []
    params: list[object] = []
    for word in (w for w in words if len(w) < 3):
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append("(a.title LIKE ? ESCAPE '\\' OR a.body_json LIKE ? ESCAPE '\\')")
        params += [pattern, pattern]
    if long_words:
        clauses.append("a.id IN (SELECT rowid FROM library_trigram WHERE library_trigram MATCH ?)")
        params.append(" ".join(long_words))
    return clauses, params
