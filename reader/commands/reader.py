"""The ``reader`` command: the registry of its verbs. Each verb's module is imported only when that verb runs."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from reader.commands.dispatch import Command, Verb, run_command

READER = Command(
    prog="reader",
    description="A bilingual reader for KCNA articles: the app, and the same features as command-line verbs.",
    usage="usage: reader [FILE] [--library] [--plain] [--glossary PATH]\n       reader VERB [ARGS]",
    verbs=(
        Verb("parse", "reader.commands.parse", "parse an article file and print it sentence by sentence"),
        Verb("translate", "reader.commands.translate", "translate an article file sentence by sentence"),
        Verb("models", "reader.commands.models", "list, install and remove translation models"),
        Verb("import", "reader.commands.importing", "add articles (files, folders, corpus JSONL, - for stdin)"),
        Verb("library", "reader.commands.library", "list, search, show, remove and rename library articles"),
        Verb("study", "reader.commands.study", "review the glossary terms you met, with spaced repetition"),
        Verb("people", "reader.commands.people", "a person's appearances in the library: dates, posts, list places"),
        Verb("concordance", "reader.commands.concordance", "every occurrence of a glossary term in the library"),
        Verb(
            "export", "reader.commands.export", "write an article, its translation and term notes as Markdown or HTML"
        ),
    ),
    default=Verb("open", "reader.commands.open", "open the reader on FILE (default: the seed article)"),
)


def main(argv: Sequence[str] | None = None) -> int:
    from reader import __version__

    return run_command(READER, argv, version=__version__)


if __name__ == "__main__":
    sys.exit(main())
