"""Writing files the user asked for: atomically, so an interrupted write never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reader.errors import InputError


def write_text_atomically(path: Path, content: str) -> None:
    """Write ``content`` next to ``path``, then rename it into place; ``InputError`` when that cannot be done."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(path, f"directory {directory} does not exist")
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(content)
        os.replace(temp_name, path)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise InputError(path, f"cannot write: {exc.strerror or exc}") from None
