"""``reader concordance TERM [--json] [--width N]``: every occurrence of a glossary term in the library, in context,
oldest first, with its frequency per month."""

from __future__ import annotations

import argparse

from reader.commands.output import print_json
from reader.context import ReaderContext
from reader.errors import NotFoundError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("term", metavar="TERM", help="a glossary entry: English, Korean, abbreviation or id")
    parser.add_argument("--json", action="store_true", help="print a JSON list of occurrences")
    parser.add_argument("--width", type=int, default=50, metavar="N", help="characters of context on each side")


def run(args: argparse.Namespace) -> int:
    from reader.evidence.timeline import concordance, monthly_frequency

    context = ReaderContext()
    try:
        entry = context.find_entry(args.term)
    except NotFoundError:
        if args.json:
            print("[]")  # a script gets an empty list; the exit code and the stderr line say why
        raise
    context.ensure_seeded()
    lines = concordance(context.library, context.matcher, entry.id, width=max(args.width, 0))
    if args.json:
        print_json([line.to_json() for line in lines])
        return 0
    print(f"{entry.en} ({entry.ko}): {len(lines)} occurrence(s)")
    width = max(args.width, 0)
    for line in lines:
        print(f"{line.date or 'no date':<10} [{line.article_id:>5}]  {line.left:>{width}}[{line.text}]{line.right}")
    months = monthly_frequency(context.library, entry.id)
    if months:
        print("per month: " + ", ".join(f"{month} {count}" for month, count in months))
    return 0
