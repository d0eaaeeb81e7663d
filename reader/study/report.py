"""Statistics as plain text (``reader study stats``/``leeches``), and the forecast bars both front ends draw."""

from __future__ import annotations

from datetime import timedelta
from typing import TextIO

from reader.study.stats import StudyStats

BAR_WIDTH = 40


def forecast_bars(stats: StudyStats, width: int = BAR_WIDTH) -> list[tuple[str, int, int]]:
    """(day label, cards due, bar length) for each forecast day, bars scaled to the busiest day.

    Example: forecast [4, 0, 2] with width 8 -> [("today", 4, 8), ("Mon 02", 0, 0), ("Tue 03", 2, 4)].
    """
    peak = max(stats.forecast, default=0) or 1
    rows = []
    for offset, count in enumerate(stats.forecast):
        day = stats.today + timedelta(days=offset)
        label = "today" if offset == 0 else f"{day:%a %d}"
        rows.append((label, count, round(count / peak * width)))
    return rows


def retention_text(stats: StudyStats) -> str:
    if stats.retention is None:
        return "no reviews of learnt cards yet"
    return f"{stats.retention:.0%} of {stats.retention_reviews} reviews of learnt cards (first answer of the day)"


def print_stats(stats: StudyStats, out: TextIO) -> None:
    due = stats.due
    print(
        f"Study day {stats.today}: due {due.learning} learning · {due.review} review · {due.new} new;"
        f" {stats.reviews_today} answered today.",
        file=out,
    )
    print(f"Reviews in all: {stats.reviews_total}.  Retention: {retention_text(stats)}.", file=out)
    print(
        "Cards: "
        + ", ".join(f"{name} {count}" for name, count in stats.counts.items())
        + f", leeches {len(stats.leeches)}.",
        file=out,
    )
    print("", file=out)
    print("Due in the next 30 days:", file=out)
    for label, count, length in forecast_bars(stats):
        print(f"  {label:>6} {count:>4} {'█' * length}", file=out)


def print_leeches(stats: StudyStats, out: TextIO) -> None:
    if not stats.leeches:
        print("No leeches: no card has lapsed 8 times.", file=out)
        return
    print(
        f"{len(stats.leeches)} leech{'es' if len(stats.leeches) != 1 else ''}"
        " (cards forgotten again and again; rewrite or drop them):",
        file=out,
    )
    for leech in stats.leeches:
        print(
            f"  {leech.lapses:>3} lapses  {leech.kind:<11} {leech.english} — {leech.korean}  [{leech.entry_id}]",
            file=out,
        )
