"""A store connection stays in the thread that opened it (SQLite's guard is on); a worker opens its own."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from reader.articles.model import Article
from reader.context import ReaderContext


def run_in_a_thread(action) -> object:  # type: ignore[no-untyped-def]
    outcome: list[object] = []

    def target() -> None:
        try:
            outcome.append(action())
        except Exception as exc:  # handed back to the test
            outcome.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout=30)
    return outcome[0]


def test_a_worker_thread_uses_its_own_connection_and_never_the_callers(tmp_path: Path) -> None:
    context = ReaderContext(store_path=tmp_path / "reader.sqlite3", include_user_glossary=False)
    article = Article(title="Talks Held", date="2024-01-02", place="Pyongyang", paragraphs=[["Talks were held."]])
    context.library.add(article, {})

    shared = run_in_a_thread(lambda: context.library.count())
    assert isinstance(shared, sqlite3.ProgrammingError) and "same thread" in str(shared)

    def with_its_own_connection() -> tuple[int, bool]:
        worker = context.for_thread()
        try:
            return worker.library.count(), worker.conn is not context.conn
        finally:
            worker.conn.close()

    assert run_in_a_thread(with_its_own_connection) == (1, True)
    assert context.library.count() == 1  # the caller's connection is still fine in its own thread
