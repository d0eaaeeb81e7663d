"""Playing study days against a fixed clock, for the simulated-month tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from fsrs import Rating

from reader.study.clock import FixedClock
from reader.study.session import DueCard, StudySession

Chooser = Callable[[DueCard], Rating]


@dataclass(frozen=True)
class Shown:
    day: date
    card: DueCard
    rating: Rating


def always(rating: Rating) -> Chooser:
    return lambda _card: rating


def play_day(session: StudySession, clock: FixedClock, choose: Chooser, limit: int = 1000) -> list[Shown]:
    """Answer every card the session offers now, one minute per answer, until it offers none."""
    shown: list[Shown] = []
    today = session.boundary.study_day(clock.now())
    while (card := session.next_card()) is not None:
        assert len(shown) < limit, "the session never ended"
        rating = choose(card)
        after = session.answer(card, rating)
        # The button label told the truth: the card comes back exactly when its preview said.
        assert after.card.due - card.shown_at == card.intervals[rating]
        shown.append(Shown(today, card, rating))
        clock.advance(minutes=1)
    return shown


def play_days(session: StudySession, clock: FixedClock, days: int, choose: Chooser) -> list[Shown]:
    start = clock.now()
    shown: list[Shown] = []
    for day in range(days):
        clock.set(start + timedelta(days=day))
        shown += play_day(session, clock, choose)
    return shown
