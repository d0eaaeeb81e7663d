"""The translation cache: (engine identity, source sentence) -> translation, in the shared SQLite store.

Keyed by the engine's identity (package code, version, beam), so upgrading the model or changing the beam
never serves stale output. Writes are one short transaction per batch; with the store's WAL mode and busy
timeout, two processes translating at once both succeed.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Sequence

from reader.store.migrations import Feature, Migration, migrate

#: The schema as first released (before versions were recorded); idempotent, so such a store records version 1.
_SCHEMA_1 = """
CREATE TABLE IF NOT EXISTS translation_cache (
    engine TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    created_at REAL NOT NULL,
    PRIMARY KEY (engine, source)
) WITHOUT ROWID;
"""

#: The translation_cache tables' numbered migrations (``reader.store.migrations``); a new one is appended, never edited.
TRANSLATION_CACHE_TABLES = Feature(
    "translation_cache",
    (Migration(1, "translations by engine and source sentence", _SCHEMA_1),),
)

#: Stay well under SQLite's bound-parameter limit (999 in old builds) per lookup query.
_LOOKUP_CHUNK = 500


class TranslationCache:
    """Cached translations over an open store connection (``reader.store.db.open_store``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        migrate(conn, TRANSLATION_CACHE_TABLES)

    def get_many(self, identity: str, sentences: Sequence[str]) -> dict[str, str]:
        """Translations already stored for ``sentences`` under ``identity`` (missing ones are absent)."""
        wanted = list(dict.fromkeys(sentences))
        found: dict[str, str] = {}
        for start in range(0, len(wanted), _LOOKUP_CHUNK):
            chunk = wanted[start : start + _LOOKUP_CHUNK]
            placeholders = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT source, target FROM translation_cache WHERE engine = ? AND source IN ({placeholders})",
                (identity, *chunk),
            )
            found.update(rows.fetchall())
        return found

    def put_many(self, identity: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Store (source, translation) pairs in one transaction; a later write for the same key wins."""
        now = time.time()
        rows = [(identity, source, target, now) for source, target in pairs]
        if not rows:
            return
        # The first statement is a write, so the transaction takes the write lock at once and waits on the
        # busy timeout if another process holds it (no read-then-upgrade deadlock).
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO translation_cache (engine, source, target, created_at) VALUES (?, ?, ?, ?)",
                rows,
            )
