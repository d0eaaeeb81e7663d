"""Study session speed on a heavy store, against bare FSRS plus one SQLite commit, in one run.

    .venv/bin/python -m bench.study [--days 60] [--new 20]

Simulates ``--days`` days of ``reader study --deck all`` (``--new`` new cards a day, a learner who forgets
one answer in five) in a temporary store, then measures:
  answer        ``next_card`` + ``answer`` (queue building, card text, preview, one committed transaction)
  baseline      ``fsrs.Scheduler.review_card`` + one INSERT committed to a WAL SQLite file: the least any
                persistent FSRS review can cost; the ratio says what the session logic adds
  stats         ``compute_stats`` (30-day forecast, retention, states, leeches)
  rebuild       replaying the whole review log into cards
  optimize      fitting FSRS parameters to the log with fsrs-rs-python
  export        the whole glossary as .apkg with genanki
Targets: an answer well under the 100 ms a user would notice; stats and rebuild under 1 s.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--new", type=int, default=20)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="bench-study-"))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(home / name.lower())

    from fsrs import Card, Rating, Scheduler

    from reader.context import ReaderContext
    from reader.study.clock import DayBoundary, FixedClock
    from reader.study.export import exportable, write_apkg
    from reader.study.optimize import optimize
    from reader.study.replay import rebuild_cards
    from reader.study.scheduling import StudySettings
    from reader.study.stats import compute_stats

    start = datetime(2026, 1, 5, 9, tzinfo=timezone.utc)
    clock = FixedClock(start)
    settings = StudySettings(new_per_day=args.new)
    context = ReaderContext()
    session = context.study_session(clock, settings=settings, boundary=DayBoundary(4, timezone.utc), deck="all")
    chance = random.Random(1)
    timings: list[float] = []
    last_day_count = 0
    for day in range(args.days):
        clock.set(start + timedelta(days=day))
        last_day_count = 0
        while True:
            began = time.perf_counter()
            card = session.next_card()
            if card is None:
                break
            session.answer(card, Rating.Again if chance.random() < 0.2 else Rating.Good)
            timings.append(time.perf_counter() - began)
            last_day_count += 1
            clock.advance(minutes=1)
    reviews = session.store.reviews()
    cards = session.store.cards()
    print(
        f"store: {len(cards)} cards, {len(reviews)} reviews over {args.days} days"
        f" (load average {os.getloadavg()[0]:.1f})"
    )
    last_day = timings[-last_day_count:] if last_day_count else [0.0]
    ordered = sorted(timings)
    answer_mean = sum(timings) / len(timings)
    print(
        f"answer (next_card + answer):   mean {answer_mean * 1000:6.2f} ms"
        f"   p95 {ordered[int(len(ordered) * 0.95)] * 1000:6.2f} ms   "
        f"max {ordered[-1] * 1000:6.2f} ms   last day's mean {sum(last_day) / len(last_day) * 1000:6.2f} ms"
    )

    scheduler = Scheduler(enable_fuzzing=False)
    conn = sqlite3.connect(home / "baseline.sqlite3")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE log (card INTEGER, rating INTEGER, at TEXT)")
    base_card = Card(card_id=1)
    count = 2000
    began = time.perf_counter()
    for i in range(count):
        base_card, _ = scheduler.review_card(base_card, Rating.Good, review_datetime=start + timedelta(days=i))
        with conn:
            conn.execute("INSERT INTO log VALUES (?, ?, ?)", (1, 3, base_card.due.isoformat()))
    baseline = (time.perf_counter() - began) / count
    print(f"baseline (fsrs + 1 commit):    mean {baseline * 1000:6.2f} ms")
    print(f"ratio answer / baseline:       {answer_mean / baseline:6.1f}x")

    for label, work in (
        ("stats", lambda: compute_stats(session)),
        ("rebuild from log", lambda: rebuild_cards(reviews, session.scheduler)),
        ("optimize (fsrs-rs-python)", lambda: optimize(session.store, settings)),
        (
            "export .apkg (whole glossary)",
            lambda: write_apkg(exportable(session.entries), {}, home / "deck.apkg", clock.now()),
        ),
    ):
        began = time.perf_counter()
        work()
        print(f"{label + ':':<30} {(time.perf_counter() - began) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
