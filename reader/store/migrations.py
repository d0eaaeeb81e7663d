"""Numbered schema migrations per feature, each applied once, in its own transaction, and recorded in the store.

A feature (library, translation cache, study) declares its migrations and calls ``migrate`` when it is given a
connection; this module imports no feature. Migration 1 of each feature is the schema as it was before versions
were recorded, written idempotently (``CREATE ... IF NOT EXISTS``), so a store made then simply records version 1.

Example: the library declares ``Feature("library", (Migration(1, "articles", SQL_1), Migration(2, "notes",
SQL_2)))``. On a store that recorded ``library`` 1, ``migrate`` runs ``SQL_2`` and its ``store_migrations`` row in one
transaction and returns ``[2]``; the next call returns ``[]`` after one query. A store that recorded ``library`` 3
is refused ("made by a newer kcna-reader") and nothing is written. A migration that fails is rolled back whole:
the store stays as it was, at the last version that succeeded.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader import __version__
from reader.errors import StoreError
from reader.store.db import APPLICATION_ID, STORE_FORMAT, database_path, store_error

#: What one migration does: SQL statements (run in order), or a function given the connection inside the
#: migration's transaction (it must not commit).
MigrationStep = str | Callable[[sqlite3.Connection], None]

_BOOKKEEPING = """
CREATE TABLE IF NOT EXISTS store_migrations (
    feature TEXT NOT NULL,
    number INTEGER NOT NULL,
    name TEXT NOT NULL,
    applied_at REAL NOT NULL,
    PRIMARY KEY (feature, number)
)
"""


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    step: MigrationStep


@dataclass(frozen=True)
class Feature:
    """A feature's name in the store and its migrations, numbered 1, 2, 3, ... in the order they apply."""

    name: str
    migrations: tuple[Migration, ...]

    def __post_init__(self) -> None:
        numbers = [migration.number for migration in self.migrations]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"{self.name}: migrations must be numbered 1, 2, 3, ... in order, not {numbers}")

    @property
    def latest(self) -> int:
        return len(self.migrations)


@dataclass(frozen=True)
class AppliedMigration:
    """One row of ``store_migrations``."""

    feature: str
    number: int
    name: str
    applied_at: float


def migrate(conn: sqlite3.Connection, feature: Feature) -> list[int]:
    """Bring ``feature``'s tables up to its latest migration; returns the numbers applied now (usually none).

    Each migration runs in its own ``BEGIN IMMEDIATE`` transaction with the row that records it, so two
    processes opening an old store at once apply it once (the second waits, then finds it recorded). Raises
    ``StoreError`` for a store newer than this code and for a migration that fails (nothing of that migration is
    kept; the ones before it stay applied).
    """
    if conn.in_transaction:
        raise RuntimeError("migrate() needs a connection with no open transaction")
    current = applied_version(conn, feature.name)
    _refuse_if_newer(conn, feature, current)
    applied: list[int] = []
    while current < feature.latest:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(_BOOKKEEPING)
            # The bookkeeping's marks go with its table: this file is now a store of this format.
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {STORE_FORMAT}")
            # Read again under the write lock: another process may have migrated since the check above.
            current = applied_version(conn, feature.name)
            _refuse_if_newer(conn, feature, current)
            if current < feature.latest:
                migration = feature.migrations[current]
                _run(conn, migration.step)
                conn.execute(
                    "INSERT INTO store_migrations (feature, number, name, applied_at) VALUES (?, ?, ?, ?)",
                    (feature.name, migration.number, migration.name, time.time()),
                )
                current = migration.number
                applied.append(migration.number)
            conn.commit()
        except BaseException as exc:
            conn.rollback()
            path = database_path(conn)
            if not isinstance(exc, Exception) or store_error(exc, path) is not None:
                raise  # an interrupt, a refusal, or a damaged file: said as such by the caller's face
            failed = feature.migrations[min(current, feature.latest - 1)]
            raise StoreError(
                path or "<memory>",
                f"could not upgrade its {feature.name} tables to version {failed.number} ({failed.name}): {exc}; "
                f"nothing of that step was kept: they stay at version {failed.number - 1}",
            ) from exc
    return applied


def applied_version(conn: sqlite3.Connection, feature_name: str) -> int:
    """The highest migration of ``feature_name`` recorded in the store; 0 when none is."""
    if not _has_bookkeeping(conn):
        return 0
    row = conn.execute("SELECT max(number) FROM store_migrations WHERE feature = ?", (feature_name,)).fetchone()
    return int(row[0] or 0)


def applied_migrations(conn: sqlite3.Connection) -> list[AppliedMigration]:
    """Every recorded migration, by feature and number."""
    if not _has_bookkeeping(conn):
        return []
    rows = conn.execute(
        "SELECT feature, number, name, applied_at FROM store_migrations ORDER BY feature, number"
    ).fetchall()
    return [AppliedMigration(feature, int(number), name, float(at)) for feature, number, name, at in rows]


def split_statements(sql: str) -> list[str]:
    """The complete statements of ``sql``, in order (``sqlite3.complete_statement`` decides where one ends, so a
    ``;`` inside a string literal or a trigger body does not split it).

    Example: ``"CREATE TABLE a (x); INSERT INTO a VALUES (';');"`` -> ``["CREATE TABLE a (x);",
    "INSERT INTO a VALUES (';');"]``. Statements run one by one with ``execute`` because ``executescript``
    commits first, which would break the migration's single transaction.
    """
    statements: list[str] = []
    pending = ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \t\r\n;"):
                statements.append(pending.strip())
            pending = ""
    if pending.strip(" \t\r\n;"):
        raise ValueError(f"incomplete SQL statement: {pending.strip()[:80]!r}")
    return statements


def _run(conn: sqlite3.Connection, step: MigrationStep) -> None:
    if isinstance(step, str):
        for statement in split_statements(step):
            conn.execute(statement)
    else:
        step(conn)


def _refuse_if_newer(conn: sqlite3.Connection, feature: Feature, current: int) -> None:
    if current > feature.latest:
        raise StoreError(
            _path(conn),
            f"made by a newer kcna-reader: its {feature.name} tables are at version {current}, this kcna-reader "
            f"{__version__} knows up to {feature.latest}; upgrade kcna-reader, or move the file aside to start "
            "a new store",
        )


def _has_bookkeeping(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store_migrations'").fetchone()
    return row is not None


def _path(conn: sqlite3.Connection) -> Path | str:
    return database_path(conn) or "<memory>"
