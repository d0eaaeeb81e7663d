"""``reader people NAME [--json] [--csv PATH]``: a person's appearances in the library over time.

Each appearance: the date, the article, the post the article gives the person there ("Choe Son Hui, minister of
Foreign Affairs") and their place in the list when the article lists those present; then the title history.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.commands.output import print_json
from reader.context import ReaderContext
from reader.errors import NotFoundError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help="a person in the glossary (English, Korean or romanized)")
    parser.add_argument("--json", action="store_true", help="print a JSON list sorted by date")
    parser.add_argument("--csv", type=Path, metavar="PATH", help="also write the appearances as CSV")


def run(args: argparse.Namespace) -> int:
    from reader.evidence.timeline import appearances_csv, person_appearances, post_key, title_history
    from reader.files import write_text_atomically

    context = ReaderContext()
    try:
        entry = context.find_entry(args.name, category="person")
    except NotFoundError:
        if args.json:
            print("[]")  # a script gets an empty list; the exit code and the stderr line say why
        raise
    context.ensure_seeded()
    appearances = person_appearances(context.library, context.matcher, entry.id)
    if args.csv is not None:
        write_text_atomically(args.csv, appearances_csv(appearances))
    if args.json:
        print_json([row.to_json() for row in appearances])
        return 0
    print(f"{entry.en} ({entry.ko}): {len(appearances)} article(s) in the library")
    for row in appearances:
        position = f"#{row.list_position}" if row.list_position else "-"
        print(f"  {row.date or 'no date':<10}  {position:>4}  [{row.article_id}] {row.article_title}")
        if row.post:
            print(f"  {'':<10}        {row.post}")
    history = title_history(appearances, key=lambda post: post_key(context.matcher, post))
    if history:
        print("posts given, in order:")
        for change in history:
            print(f"  since {change.since or '?'}: {change.post}")
    if not appearances:
        print("  (none: import articles with 'reader import PATH')", file=sys.stderr)
    return 0
