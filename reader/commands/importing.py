"""``reader import PATH ... [--json]``: add articles to the library, with a progress bar on stderr.

Every skipped record or file is one ``SOURCE:LINE: problem`` line on stderr (or an entry of ``errors`` with
``--json``) and the rest is imported. Exit 0 when nothing was rejected, 1 when something was (the rest kept),
2 when nothing in the input was usable.
"""

from __future__ import annotations

import argparse
import sys

from reader.commands.output import print_json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files, folders, corpus .jsonl, or - for stdin"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"imported": N, "duplicates": N, "errors": [{"source", "line", "problem"}]}',
    )
    parser.add_argument(
        "--lang", choices=("ko", "en"), help="the article's language (default: detected from its script)"
    )


def run(args: argparse.Namespace) -> int:
    from reader.context import ReaderContext
    from reader.library.importer import import_articles
    from reader.progress import stderr_progress

    context = ReaderContext()
    with stderr_progress("importing") as progress:
        report = import_articles(
            args.paths,
            context.library,
            context.entry_counts,
            progress,
            context.article_names,
            workers=context.import_workers,
            lang=args.lang,
        )
    if args.json:
        print_json(report.to_json())
        return report.exit_code
    for error in report.errors:
        print(f"reader: {error}", file=sys.stderr)
    print(
        f"imported {report.added} article(s), skipped {report.duplicates} duplicate(s), {len(report.errors)} error(s)"
    )
    return report.exit_code
