"""Opening the store: WAL mode, a busy timeout for two processes at once, one-line errors for a file it cannot use.

Each feature owns its tables and declares their numbered migrations (``reader.store.migrations``); this module
knows no feature. It marks the file as a kcna-reader store (``PRAGMA application_id``) and records the layout of
the migration bookkeeping (``PRAGMA user_version``), so another program's database and a store written by a newer
kcna-reader are refused before anything is written to them.

SQLite's errors name no file, so the path of the store opened last is kept here: ``store_error`` turns an error
from any query on the store into one line naming the file (the command dispatcher and the app call it).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader import __version__
from reader.errors import InputError, StoreError
from reader.paths import store_path

#: How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_SECONDS = 10.0
#: ``PRAGMA application_id`` of a kcna-reader store ("KCNA" in ASCII); 0 in stores made before it was set.
APPLICATION_ID = 0x4B434E41
#: ``PRAGMA user_version``: 0 = made before migrations were recorded, 1 = each feature's applied migrations are
#: rows of ``store_migrations``. Only a change to that bookkeeping itself raises it; features number their own.
STORE_FORMAT = 1

_last_opened: Path | None = None

# SQLite's primary result codes (the low byte of an extended code) that say the file itself is the problem.
_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_UNREACHABLE = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_IOERR}
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}


def open_store(path: Path | None = None) -> sqlite3.Connection:
    """Open (creating if needed) the store at ``path``, the user's store by default.

    A file that is not a SQLite database, another program's database, or a store made by a newer kcna-reader
    raises ``StoreError`` naming the file and the way out, and nothing is written to it. The connection belongs
    to the calling thread (SQLite's default guard): a worker thread opens its own.
    """
    global _last_opened
    path = Path(path) if path is not None else store_path()
    if path.is_dir():
        raise StoreError(path, "is a directory, not a database file")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as exc:
        raise (store_error(exc, path) or StoreError(path, f"cannot open ({exc})")) from None
    try:
        # Reading the header and the schema forces SQLite to look at the file, so a bad one fails here,
        # before any write.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _check_identity(conn, path)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
    except StoreError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        # Only our own fixed statements ran, so whatever failed is the file's fault.
        raise (store_error(exc, path) or StoreError(path, _not_usable(path, exc))) from None
    _last_opened = path
    return conn


def _check_identity(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse another program's database and a store whose bookkeeping is newer than this code's."""
    application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if application_id == APPLICATION_ID:
        if user_version > STORE_FORMAT:
            raise StoreError(
                path,
                f"made by a newer kcna-reader: store format {user_version}, this kcna-reader {__version__} reads up "
                f"to {STORE_FORMAT}; upgrade kcna-reader, or {_move_aside(path)}",
            )
    elif application_id != 0 or user_version != 0:
        # Stores made before the id was set have neither mark; a database with a mark that is not ours is
        # another program's, and the reader must not add its tables to it.
        raise StoreError(
            path,
            f"not a kcna-reader store (another program's database: application id {application_id:#x}, "
            f"user version {user_version}); {_move_aside(path)}",
        )


def store_error(error: BaseException, path: Path | None = None) -> InputError | None:
    """The one line for an error that says the store's file cannot be used now, else ``None``.

    A damaged or foreign file (and every ``StoreError`` raised here) gives a ``StoreError``: the reader cannot go
    on with that store. A full disk, a read-only or unreachable file, or a lock held too long by another process
    gives a plain ``InputError``: the store is fine and a later try may work. Errors that are bugs rather than the
    file's fault (a closed connection, one used from another thread, a constraint, bad SQL) give ``None``, so they
    surface as the unexpected errors they are. ``path`` defaults to the store opened last in this process.

    Example: ``sqlite3.DatabaseError('database disk image is malformed')`` (code SQLITE_CORRUPT) ->
    ``StoreError(path, "not a usable database (database disk image is malformed); move it aside (e.g. mv ...) ...")``.
    """
    if isinstance(error, StoreError):
        return error
    path = path or _last_opened
    if path is None or not isinstance(error, sqlite3.DatabaseError):
        return None
    if isinstance(error, (sqlite3.ProgrammingError, sqlite3.IntegrityError, sqlite3.NotSupportedError)):
        return None
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in _DAMAGED:
        return StoreError(path, _not_usable(path, error))
    if primary == sqlite3.SQLITE_FULL:
        return InputError(path, f"cannot write to the store ({error}); free some disk space and try again")
    if primary in _UNREACHABLE:
        return InputError(path, f"cannot use the store ({error})")
    if primary in _BUSY:
        return InputError(
            path, f"another process kept the store locked for over {BUSY_TIMEOUT_SECONDS:g} s ({error}); try again"
        )
    return None


def database_path(conn: sqlite3.Connection) -> Path | None:
    """The file behind ``conn`` (``None`` for an in-memory database)."""
    row = conn.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else None


def _not_usable(path: Path, error: Exception) -> str:
    return f"not a usable database ({error}); {_move_aside(path)}"


def _move_aside(path: Path) -> str:
    return f"move it aside (e.g. mv '{path}' '{path}.bad') and the reader starts a new one"
