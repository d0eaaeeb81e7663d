"""Really damaged stores: a store made by the real ``reader``, with pages inside it overwritten.

The header and the schema's pages (page 1, and the pages it spills onto once the schema outgrows one page) are
left intact, so SQLite opens the file and the damage is met only when a query reads a damaged page: the case a
wholly invalid file never exercises.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "reader" / "seeds"
READER = Path(sys.executable).with_name("reader")
#: What a damaged page is filled with: not a valid b-tree page type, so reading it is SQLITE_CORRUPT.
JUNK = 0x5A


def make_real_store(home: Path) -> Path:
    """Run the real ``reader`` in an isolated home: import the seeds, answer a few study cards; returns its store."""
    env = {**os.environ, **xdg_env(home)}
    for args, answers in ((["import", str(SEEDS)], ""), (["study", "--deck", "all"], "3\n1\n4\n3\n2\n")):
        result = subprocess.run(
            [str(READER), *args], env=env, input=answers, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
    store = home / "data" / "kcna-reader" / "reader.sqlite3"
    assert not Path(f"{store}-wal").exists(), "the reader left its write-ahead log behind: the file is not all there"
    return store


def xdg_env(home: Path) -> dict[str, str]:
    return {
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "ARGOS_PACKAGES_DIR": str(home / "data" / "argos-translate" / "packages"),
    }


def page_size(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[16:18], "big") or 65536


def page_count(path: Path) -> int:
    return path.stat().st_size // page_size(path)


def schema_pages(path: Path) -> set[int]:
    """The pages that hold the schema (``sqlite_schema``'s b-tree): page 1 and any it spills onto."""
    conn = sqlite3.connect(path)
    try:
        return {1} | {int(row[0]) for row in conn.execute("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")}
    finally:
        conn.close()


def inner_pages(path: Path) -> list[int]:
    """Every page but those of the header and the schema, in order."""
    keep = schema_pages(path)
    return [page for page in range(2, page_count(path) + 1) if page not in keep]


def overwrite_pages(path: Path, pages: list[int]) -> None:
    """Overwrite whole pages (numbered from 1, as SQLite numbers them) with junk bytes."""
    size = page_size(path)
    keep = schema_pages(path)
    with open(path, "r+b") as handle:
        for page in pages:
            assert page not in keep, "the header and the schema must stay readable"
            handle.seek((page - 1) * size)
            handle.write(bytes([JUNK]) * size)
    # The damage is inside: the header and the schema still read.
    conn = sqlite3.connect(path)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def fresh_copy(template: Path, target: Path) -> Path:
    """Copy the store ``template`` to ``target``, with no write-ahead log left there from an earlier copy (SQLite
    would replay it onto the new file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(template, target)
    return target


def damaged_copy(template: Path, target: Path, pages: list[int]) -> Path:
    """A fresh copy of ``template`` at ``target`` with ``pages`` overwritten."""
    overwrite_pages(fresh_copy(template, target), pages)
    return target


def damage_the_middle(template: Path, target: Path) -> Path:
    """A fresh copy of ``template`` at ``target`` with every page but the header's and the schema's overwritten."""
    return damaged_copy(template, target, inner_pages(template))


def works(action: Callable[[Path], object], path: Path) -> bool:
    try:
        action(path)
    except sqlite3.DatabaseError:
        return False
    return True


def first_page_where(
    template: Path, scratch: Path, survives: list[Callable[[Path], object]], fails: Callable[[Path], object]
) -> int:
    """The first page whose damage lets ``survives`` run (in order, as the app would) and then makes ``fails`` fail.

    Each page is tried on a fresh copy of ``template`` at ``scratch``.
    """
    for page in inner_pages(template):
        damaged_copy(template, scratch, [page])
        if all(works(action, scratch) for action in survives) and not works(fails, scratch):
            return page
    raise AssertionError("no single damaged page separates these actions")
