"""``reader study [stats|leeches|export|optimize]``: the study session and its tools as plain text.

Thin: everything here calls the same functions the app's study screen calls, and prints text or ``--json``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.commands.output import print_json

if TYPE_CHECKING:
    from reader.context import ReaderContext
    from reader.study.session import StudySession

ACTIONS = ("session", "stats", "leeches", "export", "optimize", "aside", "restore")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", nargs="?", default="session", choices=ACTIONS, help="what to do (default: a session)")
    parser.add_argument(
        "entry", nargs="?", metavar="ENTRY", help="restore: the glossary entry whose set-aside cards come back"
    )
    parser.add_argument(
        "--deck",
        default="opened",
        choices=("opened", "all"),
        help="opened: terms of the articles you opened (default); all: the whole glossary",
    )
    parser.add_argument("--category", help="only entries of this glossary category")
    parser.add_argument("--new", type=int, metavar="N", help="new cards per day (default: setting, 20)")
    parser.add_argument("--reviews", type=int, metavar="N", help="reviews per day (default: setting, 200)")
    parser.add_argument(
        "--day-starts", type=int, metavar="HOUR", help="hour the study day starts, local time (default: setting, 4)"
    )
    parser.add_argument("--json", action="store_true", help="stats/leeches: print JSON")
    parser.add_argument(
        "--format", choices=("apkg", "tsv"), default="apkg", help="export: Anki package or Anki text file"
    )
    parser.add_argument("--output", type=Path, metavar="PATH", help="export: the file to write")
    parser.add_argument("--glossary", type=Path, action="append", default=[], help="an extra glossary YAML file")
    # The clock, fixed at this moment (ISO date-time): for scripts and tests that replay a day.
    parser.add_argument("--now", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from reader.commands.preview import print_warnings
    from reader.context import ReaderContext
    from reader.study.clock import DayBoundary, FixedClock, SystemClock, parse_moment
    from reader.study.deck import StudyError
    from reader.study.scheduling import StudySettings

    context = ReaderContext(glossary_paths=args.glossary)
    user_settings = context.settings
    args.new = user_settings.new_cards_per_day if args.new is None else args.new
    args.reviews = user_settings.reviews_per_day if args.reviews is None else args.reviews
    args.day_starts = user_settings.day_starts_at if args.day_starts is None else args.day_starts
    if not 0 <= args.day_starts <= 23:
        raise StudyError(f"--day-starts must be an hour from 0 to 23, not {args.day_starts}")
    if args.new < 0 or args.reviews < 0:
        raise StudyError("--new and --reviews must not be negative")
    try:
        clock = FixedClock(parse_moment(args.now)) if args.now else SystemClock()
    except ValueError:
        raise StudyError(f"--now {args.now!r} is not an ISO date-time") from None
    settings = StudySettings(new_per_day=args.new, reviews_per_day=args.reviews)
    session = context.study_session(
        clock, settings=settings, boundary=DayBoundary(args.day_starts), deck=args.deck, category=args.category
    )
    print_warnings(context)
    if args.action == "session":
        from reader.study.plain import run_plain_session

        if not session.entries and not session.store.review_count():
            print("No terms to study yet: open an article in the reader first, or use --deck all.")
            return 0
        run_plain_session(session, sys.stdin, sys.stdout, sys.stderr, interactive=sys.stdin.isatty())
        return 0
    if args.action in ("stats", "leeches"):
        from reader.study.report import print_leeches, print_stats
        from reader.study.stats import compute_stats

        stats = compute_stats(session)
        if args.json:
            data = stats.to_json()
            print_json(data if args.action == "stats" else data["leeches"])
        elif args.action == "stats":
            print_stats(stats, sys.stdout)
        else:
            print_leeches(stats, sys.stdout)
        return 0
    if args.action in ("aside", "restore"):
        return _set_aside(session, context, args)
    if args.action == "export":
        return _export(session, args)
    from reader.study.optimize import optimize

    result = optimize(session.store, settings)
    print(f"Trained on {result.items} reviews that followed an earlier day's review.")
    if not result.changed:
        print(
            "The fit gave the parameters already in use (with little history FSRS keeps its defaults);"
            " nothing was rescheduled."
        )
        return 0
    print("Initial stabilities (days, Again/Hard/Good/Easy): " + _four(result.before) + " -> " + _four(result.after))
    print(f"Rescheduled {result.cards_rescheduled} cards from the review log; {result.due_moved} got a new due date.")
    return 0


def _four(values: tuple[float, ...]) -> str:
    return "/".join(f"{v:.2f}" for v in values[:4])


def _export(session: StudySession, args: argparse.Namespace) -> int:
    from reader.study.deck import StudyError
    from reader.study.export import exportable, write_apkg, write_tsv

    if args.output is None:
        raise StudyError("export needs --output PATH")
    entries = exportable(session.entries)
    if not entries:
        raise StudyError("nothing to export: open an article in the reader first, or use --deck all")
    clozes = {entry.id: session.cloze_for(entry.id) for entry in entries}
    if args.format == "apkg":
        count = write_apkg(entries, clozes, args.output, session.clock.now())
    else:
        count = write_tsv(entries, clozes, args.output)
    print(f"Wrote {count} notes to {args.output}.")
    return 0


def _set_aside(session: StudySession, context: ReaderContext, args: argparse.Namespace) -> int:
    """``aside``: the cards kept out of sessions and why; ``restore ENTRY``: bring an entry's cards back."""
    from reader.errors import InputError

    if args.action == "restore":
        if not args.entry:
            raise InputError("restore", "name the entry: reader study restore ENTRY")
        entry = context.find_entry(args.entry)
        count = session.store.restore(entry.id)
        print(
            f"Restored {count} set-aside card(s) of {entry.en}." if count else f"Nothing of {entry.en} was set aside."
        )
        return 0 if count else 1
    today = session.boundary.study_day(session.clock.now())
    rows = [
        {"entry_id": entry_id, "kind": kind, "reason": reason}
        for (entry_id, kind), reason in sorted(session.store.set_aside_on(today).items())
    ]
    if args.json:
        print_json(rows)
    elif not rows:
        print("No cards are set aside.")
    for row in [] if args.json else rows:
        kind = "every card" if row["kind"] == "*" else row["kind"]
        print(f"  {row['reason']:<9} {kind:<12} {row['entry_id']}")
    return 0
