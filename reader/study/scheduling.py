"""FSRS scheduling through the ``fsrs`` package, with a deterministic fuzz.

``fsrs`` fuzzes review intervals with the global ``random``, so a button's preview could differ from what the
answer then gives, and replaying the log could not reproduce the stored cards. We switch its fuzz off and apply
our own, seeded by the card and the moment of the review: the same review always lands on the same day.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Card, Rating, Scheduler, State
from fsrs.scheduler import DEFAULT_PARAMETERS

RATINGS: tuple[Rating, ...] = (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy)
RATING_NAMES: dict[Rating, str] = {Rating.Again: "Again", Rating.Hard: "Hard", Rating.Good: "Good", Rating.Easy: "Easy"}

# Anki's fuzz ranges: intervals of 2.5-7 days move by up to 15 %, 7-20 days by 10 %, beyond that by 5 %.
_FUZZ_RANGES: tuple[tuple[float, float, float], ...] = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, float("inf"), 0.05))


@dataclass(frozen=True)
class StudySettings:
    """A session's knobs; the defaults are Anki's."""

    new_per_day: int = 20
    reviews_per_day: int = 200
    leech_lapses: int = 8
    desired_retention: float = 0.9
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    maximum_interval_days: int = 36500
    fuzz: bool = True


def fuzz_range(interval_days: int, maximum_days: int) -> tuple[int, int]:
    """The (low, high) days a review interval may be moved to; short intervals are not fuzzed.

    Example: 10 days -> 1 + 0.15 * (7 - 2.5) + 0.1 * (10 - 7) = 1.975, so 8..12 days (the low end never
    goes under 2 days, the high end never past the maximum interval).
    """
    if interval_days < 2.5:
        return interval_days, interval_days
    delta = 1.0 + sum(factor * max(min(interval_days, end) - start, 0.0) for start, end, factor in _FUZZ_RANGES)
    low = max(2, round(interval_days - delta))
    high = min(round(interval_days + delta), maximum_days)
    return min(low, high), high


def _fuzz_fraction(card_id: int, reviewed_at: datetime) -> float:
    digest = hashlib.sha256(f"{card_id}:{reviewed_at.isoformat()}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


class StudyScheduler:
    """``fsrs.Scheduler`` plus deterministic fuzz; ``review`` and ``preview`` agree on every interval."""

    def __init__(self, settings: StudySettings, parameters: Sequence[float] | None = None) -> None:
        self.settings = settings
        # Raises ValueError for parameters out of FSRS's bounds (e.g. a damaged fitted vector).
        self.fsrs = Scheduler(
            parameters=tuple(parameters) if parameters is not None else DEFAULT_PARAMETERS,
            desired_retention=settings.desired_retention,
            learning_steps=settings.learning_steps,
            relearning_steps=settings.relearning_steps,
            maximum_interval=settings.maximum_interval_days,
            enable_fuzzing=False,
        )

    @property
    def parameters(self) -> tuple[float, ...]:
        return tuple(self.fsrs.parameters)

    def review(self, card: Card, rating: Rating, reviewed_at: datetime) -> Card:
        """The card after answering ``rating`` at ``reviewed_at`` (the input card is not changed)."""
        after, _log = self.fsrs.review_card(card, rating, review_datetime=reviewed_at)
        if self.settings.fuzz and after.state == State.Review:
            days = round((after.due - reviewed_at) / timedelta(days=1))
            low, high = fuzz_range(days, self.settings.maximum_interval_days)
            if high > low:
                fuzzed = low + int(_fuzz_fraction(card.card_id, reviewed_at) * (high - low + 1))
                after.due = reviewed_at + timedelta(days=fuzzed)
        return after

    def preview(self, card: Card, now: datetime) -> dict[Rating, timedelta]:
        """How long until the card comes back for each button, as the buttons show it."""
        return {rating: self.review(card, rating, now).due - now for rating in RATINGS}


def format_interval(delta: timedelta) -> str:
    """Anki-style short interval: ``<1m``, ``10m``, ``3h``, ``4d``, ``2.5mo``, ``1.2y``."""
    seconds = delta.total_seconds()
    if seconds < 60:
        return "<1m"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo".replace(".0mo", "mo")
    return f"{days / 365:.1f}y".replace(".0y", "y")
