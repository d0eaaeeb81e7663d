"""Opening the store: WAL mode, a busy timeout for two processes at once, one-line errors for bad files.

Each feature owns its tables and hands its schema to ``ensure_schema`` (translation cache, library,
study cards); the schema SQL must be idempotent (``CREATE ... IF NOT EXISTS``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.errors import InputError
from reader.paths import store_path

#: How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_SECONDS = 10.0


def open_store(path: Path | None = None) -> sqlite3.Connection:
    """Open (creating if needed) the store at ``path``, the user's store by default.

    A file that is not a SQLite database raises ``InputError`` naming the file and the way out,
    and nothing is written to it.
    """
    path = Path(path) if path is not None else store_path()
    if path.is_dir():
        raise InputError(path, "is a directory, not a database file")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
        # Reading the schema forces SQLite to look at the header, so a bad file fails here, before any write.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
    except sqlite3.DatabaseError as exc:
        raise InputError(
            path,
            f"not a usable database ({exc}); move it aside (e.g. mv '{path}' '{path}.bad') and the reader starts a new one",
        ) from None
    return conn


def ensure_schema(conn: sqlite3.Connection, schema_sql: str) -> None:
    """Create a feature's tables if they are missing (idempotent SQL only)."""
    try:
        with conn:
            conn.executescript(schema_sql)
    except sqlite3.DatabaseError as exc:
        raise InputError(_db_path(conn), f"database is damaged ({exc}); move it aside and restart") from None


def _db_path(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return row[2] if row and row[2] else "<memory>"
