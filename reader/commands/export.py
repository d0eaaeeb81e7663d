"""``reader export ARTICLE --format md|html [--output PATH]``: an article, its translation and glossary notes.

ARTICLE is an article file or the id of a library article. The translation comes from the installed model
(through the translation cache) and is labelled with it; without a model the report carries the glossary gloss,
labelled as such.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.context import ReaderContext


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", metavar="ARTICLE", help="an article file, or a library article id")
    parser.add_argument("--format", choices=("md", "html"), default="md", help="Markdown (default) or HTML")
    parser.add_argument("--output", type=Path, metavar="PATH", help="write here instead of stdout")


def run(args: argparse.Namespace) -> int:
    from reader.commands.preview import print_warnings
    from reader.files import write_text_atomically
    from reader.reports.article_report import render

    context = ReaderContext()
    text = render(context.article_report(context.resolve_article(args.article)), args.format)
    print_warnings(context)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_text_atomically(args.output, text)
        print(f"reader: wrote {args.format} to {args.output}", file=sys.stderr)
    return 0
