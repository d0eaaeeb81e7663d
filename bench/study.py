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
  export+clozes ``reader study export`` as a user runs it: ~250 notes of the opened articles' terms, each with
                its cloze sentence from the library (the dev corpus imported, articles opened until the deck
                holds 250 exportable entries), against writing the same notes without clozes
Targets: an answer well under the 100 ms a user would notice; stats and rebuild under 1 s; export with
clozes under 0.2 s.

    .venv/bin/python -m bench.study --export-only      the export figures alone (a few seconds)
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--new", type=int, default=20)
    parser.add_argument("--export-only", action="store_true", help="only the export-with-clozes figures")
    parser.add_argument("--notes", type=int, default=250, help="export: notes in the deck (default 250)")
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

    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    if args.export_only:
        export_with_clozes(home, start, args.notes)
        return
    clock = FixedClock(start)
    settings = StudySettings(new_per_day=args.new)
    context = ReaderContext()
    session = context.study_session(clock, settings=settings, boundary=DayBoundary(4, UTC), deck="all")
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

    export_with_clozes(Path(tempfile.mkdtemp(prefix="bench-study-export-")), start, args.notes)


def export_with_clozes(home: Path, start: datetime, notes: int, runs: int = 5) -> None:
    """``reader study export``: the notes of the opened articles' terms with their cloze sentences."""
    from reader.articles.corpus import iter_corpus
    from reader.context import ReaderContext
    from reader.study.clock import DayBoundary, FixedClock
    from reader.study.export import exportable, write_apkg

    repo = Path(__file__).resolve().parent.parent
    corpus = repo.parent / "shared" / "corpus" / "kcna-en-2024-dev.jsonl"
    if not corpus.exists():
        corpus = repo / "tests" / "data" / "corpus-sample.jsonl"
    context = ReaderContext(store_path=home / "export.sqlite3", include_user_glossary=False)
    library = context.library
    ids = [library.add(article, context.entry_counts(article))[0] for article in iter_corpus(corpus)]
    opened = 0
    for library_id in ids:
        library.mark_opened(library_id)
        opened += 1
        if len(exportable(context.study_session(FixedClock(start)).entries)) >= notes:
            break
    clock = FixedClock(start)
    times, cpu_times, plain_times = [], [], []
    count = 0
    for _ in range(runs):
        # A new session each run: clozes are found afresh, as a new ``reader study export`` process does.
        session = context.study_session(clock, boundary=DayBoundary(4, UTC))
        entries = exportable(session.entries)[:notes]
        began, began_cpu = time.perf_counter(), time.process_time()
        clozes = {entry.id: session.cloze_for(entry.id) for entry in entries}
        count = write_apkg(entries, clozes, home / "deck.apkg", clock.now())
        times.append(time.perf_counter() - began)
        cpu_times.append(time.process_time() - began_cpu)
        began = time.perf_counter()
        write_apkg(entries, {}, home / "plain.apkg", clock.now())
        plain_times.append(time.perf_counter() - began)
    with_clozes = sum(1 for cloze in clozes.values() if cloze is not None)
    median, plain = sorted(times)[len(times) // 2], sorted(plain_times)[len(plain_times) // 2]
    cpu = sorted(cpu_times)[len(cpu_times) // 2]
    print(
        f"export with clozes: {count} notes ({with_clozes} with a library sentence) from {opened} opened of"
        f" {len(ids)} articles: median {median * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU over {runs} runs"
        f" (without clozes {plain * 1000:.1f} ms; ratio {median / plain:.1f}x; load average"
        f" {os.getloadavg()[0]:.1f})"
    )


if __name__ == "__main__":
    main()
