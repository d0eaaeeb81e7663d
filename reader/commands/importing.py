"""``reader import PATH ...``: add articles to the library, with a progress bar on stderr."""

from __future__ import annotations

import argparse
import sys

from reader.errors import EXIT_BAD_INPUT


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders, corpus .jsonl, or - for stdin")


def run(args: argparse.Namespace) -> int:
    from reader.context import ReaderContext
    from reader.library.importer import import_articles
    from reader.progress import stderr_progress

    context = ReaderContext()
    with stderr_progress("importing") as progress:
        report = import_articles(args.paths, context.library, context.entry_counts, progress, context.article_names)
    for error in report.errors:
        print(f"reader: {error}", file=sys.stderr)
    print(f"imported {report.added} article(s), skipped {report.duplicates} duplicate(s), {len(report.errors)} error(s)")
    return EXIT_BAD_INPUT if report.errors and not report.added and not report.duplicates else 0
