"""Building a session from the reader's shared context: the one entry point for the app and the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.study.clock import Clock, DayBoundary, SystemClock
from reader.study.scheduling import StudySettings
from reader.study.session import StudySession, StudySources
from reader.study.store import StudyStore

if TYPE_CHECKING:
    from reader.context import ReaderContext


def open_session(
    context: ReaderContext,
    clock: Clock | None = None,
    *,
    settings: StudySettings | None = None,
    boundary: DayBoundary | None = None,
    deck: str = "opened",
    category: str | None = None,
) -> StudySession:
    """A session over the context's store, glossary and library (seeded on a first start, like the app)."""
    context.ensure_seeded()
    sources = StudySources(context.glossary, context.library, context.matcher)
    return StudySession(
        StudyStore(context.conn),
        sources,
        clock or SystemClock(),
        settings=settings,
        boundary=boundary,
        deck=deck,
        category=category,
    )
