"""Time for the study code: an injected clock, and the study day with its rollover hour.

Nothing in ``reader.study`` calls ``datetime.now()`` itself; it asks a ``Clock``, so tests (and
``reader study --now``) can run a simulated month.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware UTC (what ``fsrs`` requires)."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class FixedClock:
    """A clock that only moves when told: ``advance(minutes=10)``, ``set(moment)``."""

    moment: datetime

    def __post_init__(self) -> None:
        self.moment = as_utc(self.moment)

    def now(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)

    def set(self, moment: datetime) -> None:
        self.moment = as_utc(moment)


def as_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive datetime is taken as local time."""
    return moment.astimezone(UTC)


def parse_moment(text: str) -> datetime:
    """An ISO date or date-time (``2026-11-28`` or ``2026-11-28T09:00``); naive means local time."""
    return as_utc(datetime.fromisoformat(text))


@dataclass(frozen=True)
class DayBoundary:
    """When a new study day starts: ``rollover_hour`` in ``tz`` (None: the machine's local zone, DST-aware).

    Example: with the default 4 am, a review at 02:30 on the 5th belongs to the study day of the 4th,
    so a late-night session does not eat the next day's new cards.
    """

    rollover_hour: int = 4
    tz: tzinfo | None = field(default=None)

    def _local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz) if self.tz is not None else moment.astimezone()

    def study_day(self, moment: datetime) -> date:
        return (self._local(moment) - timedelta(hours=self.rollover_hour)).date()

    def day_start(self, day: date) -> datetime:
        """The UTC moment the study day ``day`` begins."""
        naive = datetime.combine(day, time(self.rollover_hour))
        local = naive.replace(tzinfo=self.tz) if self.tz is not None else naive.astimezone()
        return local.astimezone(UTC)

    def day_end(self, day: date) -> datetime:
        return self.day_start(day + timedelta(days=1))
