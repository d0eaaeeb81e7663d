"""``reader [FILE] [--library] [--plain]``: open the app (or, with --plain, print the article and translation)."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

#: The module that runs the app (``run_app(context, article, open_library)``).
APP_FACE = "reader.app.launch"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", type=Path,
        help="article to open (default: the article you read last, where you stopped; at first, the seed article)",
    )
    parser.add_argument("--library", action="store_true", help="open the library first")
    parser.add_argument("--plain", action="store_true", help="print sentence by sentence instead of opening the app")
    parser.add_argument("--glossary", type=Path, action="append", default=[], help="an extra glossary YAML file")


def run(args: argparse.Namespace) -> int:
    from reader.context import ReaderContext
    from reader.paths import DEFAULT_ARTICLE

    path = args.file or DEFAULT_ARTICLE
    context = ReaderContext(glossary_paths=args.glossary)
    if args.plain or not sys.stdout.isatty():
        from reader.commands.preview import print_preview

        return print_preview(context, path)
    start_sentence, library_id = 0, None
    # With no file, the article read last, at the sentence where the reader stopped (the seed on a first start).
    last = context.library.last_opened() if args.file is None else None
    if last is not None:
        article = context.library.article(last.id)
        start_sentence, library_id = last.last_sentence or 0, last.id
    else:
        # A bad file fails here, as one line, before the screen is taken over. The glossary loads after the first
        # frame: its person names repair scraped glue, and the screen re-reads the file if they change anything.
        article = context.load_article(path, with_glossary_names=False)
    _ = context.conn  # open the store now: a bad database is a one-line error, not a crash inside the app

    # The app is the other face of the reader: found by name, like every verb, so this module imports no Textual.
    app_face = importlib.import_module(APP_FACE)
    exit_code = app_face.run_app(
        context, article, open_library=args.library, start_sentence=start_sentence, library_id=library_id
    )
    return int(exit_code)
