"""Read an input file as text, refusing what is not an article before spending time on it.

Every refusal is an ``InputError`` naming the file and the problem, so the command line prints one line
and the app shows one message. Checks run cheapest first: the size comes from ``stat`` before any read.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from reader.errors import InputError

#: One article is a few kilobytes; the longest speeches in the corpus are under 100 KB. Anything past this
#: is not one article, and reading it whole would stall the app.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def check_readable_file(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> int:
    """Raise ``InputError`` unless ``path`` is a regular file within the size limit; return its size."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    if path.is_dir():
        raise InputError(path, "is a directory, not an article file")
    if not path.is_file():
        raise InputError(path, "is not a regular file")
    if stat.st_size > max_bytes:
        raise InputError(
            path, f"file is {_megabytes(stat.st_size)}; the limit for one article is {_megabytes(max_bytes)}"
        )
    return stat.st_size


def decode_text(data: bytes, path: Path | str) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (a BOM is dropped), or UTF-16 with its BOM; invalid UTF-8 is replaced.

    Returns the text and the warnings to show (invalid bytes replaced). NUL bytes outside UTF-16 mean a
    binary file, which is refused.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            raise InputError(path, "invalid UTF-16 text") from None
    if b"\0" in data:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8-sig", errors="replace")
        bad = text.count("\ufffd")
        warning = (
            f"{path}: invalid UTF-8 at byte {exc.start}; {bad} undecodable byte sequence(s) shown as \ufffd"
        )
        return text, [warning]


def read_article_text(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> tuple[str, list[str]]:
    """The text of one article file and any warnings; ``InputError`` for a file that is not one."""
    check_readable_file(path, max_bytes)
    try:
        # Read one byte past the limit: a file that grew after stat is still refused, never read whole.
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputError(path, f"file is over the limit for one article ({_megabytes(max_bytes)})")
    if not data:
        raise InputError(path, "empty file")
    text, warnings = decode_text(data, path)
    if not text.strip():
        raise InputError(path, "file contains only whitespace")
    return text, warnings
