"""Study statistics: the due forecast, true retention, cards per state, leeches. Plain data for both front ends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from fsrs import Rating, State

from glossary.model import Entry
from reader.study.cards import kinds_for
from reader.study.clock import DayBoundary
from reader.study.session import Remaining, StudySession
from reader.study.store import StoredCard

FORECAST_DAYS = 30
#: Anki calls a review card "mature" from an interval of 21 days.
MATURE_DAYS = 21
STATE_NAMES = ("new", "learning", "young", "mature", "relearning")


@dataclass(frozen=True)
class Leech:
    entry_id: str
    kind: str
    lapses: int
    english: str
    korean: str


@dataclass(frozen=True)
class StudyStats:
    today: date
    reviews_total: int
    reviews_today: int
    due: Remaining  # ``StudySession.due_today()``: what the study screen's header shows
    due_today: int  # learning + review of ``StudySession.due_today``: the count the study screen's header shows
    new_today: int  # new of ``StudySession.due_today``
    counts: dict[str, int]  # per state name, new = cards of the deck not yet introduced
    forecast: list[int]  # cards due on each of the next FORECAST_DAYS study days (today: ``due_today``)
    retention: float | None  # true retention: first review of the day of review-state cards, Again fails
    retention_reviews: int
    leeches: list[Leech]

    def to_json(self) -> dict[str, object]:
        return {
            "today": self.today.isoformat(),
            "reviews_total": self.reviews_total,
            "reviews_today": self.reviews_today,
            "due_today": self.due_today,
            "new_today": self.new_today,
            "due": {"learning": self.due.learning, "review": self.due.review, "new": self.due.new},
            "states": dict(self.counts),
            "forecast": [
                {"day": (self.today + timedelta(days=i)).isoformat(), "due": n} for i, n in enumerate(self.forecast)
            ],
            "retention": self.retention,
            "retention_reviews": self.retention_reviews,
            "leeches": [leech.__dict__ for leech in self.leeches],
        }


def state_name(card: StoredCard, now: datetime) -> str:
    if card.card.state == State.Learning:
        return "learning"
    if card.card.state == State.Relearning:
        return "relearning"
    last = card.card.last_review or now
    return "mature" if card.card.due - last >= timedelta(days=MATURE_DAYS) else "young"


def forecast(cards: list[StoredCard], boundary: DayBoundary, today: date, days: int = FORECAST_DAYS) -> list[int]:
    """Cards due per study day from today; anything overdue counts on today.

    Example: a card due yesterday, one due at 10:00 today and one due in three days -> [2, 0, 0, 1, 0, ...].
    """
    counts = [0] * days
    for card in cards:
        offset = max((boundary.study_day(card.card.due) - today).days, 0)
        if offset < days:
            counts[offset] += 1
    return counts


def compute_stats(session: StudySession) -> StudyStats:
    now = session.clock.now()
    boundary = session.boundary
    today = boundary.study_day(now)
    stored = list(session.store.cards().values())
    reviews = session.store.reviews()
    counts = {name: 0 for name in STATE_NAMES}
    for card in stored:
        counts[state_name(card, now)] += 1
    introduced = {(c.entry_id, c.kind) for c in stored}
    counts["new"] = sum(1 for e in session.entries for k in kinds_for(e) if (e.id, k) not in introduced)

    first_of_day: dict[tuple[int, date], Rating] = {}
    for review in reviews:
        if review.state_before == int(State.Review):
            first_of_day.setdefault((review.card_id, review.study_day), review.rating)
    passed = sum(1 for rating in first_of_day.values() if rating != Rating.Again)
    due = session.due_today()
    due_by_day = forecast(stored, boundary, today)
    # Today's bar is today's count, the same as the header's: cards past the daily review limit carry over and
    # show up in tomorrow's session, not as due today.
    due_by_day[0] = due.learning + due.review
    glossary = session.sources.glossary
    leeches = [
        Leech(c.entry_id, c.kind, c.lapses, *_texts(glossary.get(c.entry_id)))
        for c in sorted(stored, key=lambda c: -c.lapses)
        if c.is_leech(session.settings.leech_lapses)
    ]
    return StudyStats(
        today=today,
        reviews_total=len(reviews),
        reviews_today=sum(1 for r in reviews if r.study_day == today),
        due=due,
        due_today=due.learning + due.review,
        new_today=due.new,
        counts=counts,
        forecast=due_by_day,
        retention=passed / len(first_of_day) if first_of_day else None,
        retention_reviews=len(first_of_day),
        leeches=leeches,
    )


def _texts(entry: Entry | None) -> tuple[str, str]:
    return (entry.en, entry.ko) if entry is not None else ("(entry removed from the glossary)", "")
