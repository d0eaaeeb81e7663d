"""``reader --plain``: an article as plain text, each sentence followed by its translation.

Used whenever the app cannot run (output piped, ``--plain``). Without a model it still shows the article,
then says how to install one, and succeeds: reading the English is useful on its own.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from reader.context import ReaderContext
from reader.errors import NoModelError


def print_warnings(context: ReaderContext, prog: str = "reader") -> None:
    """Start-up warnings (settings, user glossaries) as one ``reader: warning: ...`` line each on stderr."""
    for warning in context.warnings:
        print(f"{prog}: warning: {warning}", file=sys.stderr)


def print_preview(context: ReaderContext, path: Path, out: TextIO = sys.stdout) -> int:
    """Print the article at ``path`` sentence by sentence with translations; returns the exit code (0)."""
    from reader.translate.service import translate_sentences

    article = context.load_article(Path(path))
    print_warnings(context)
    for warning in article.warnings:
        print(f"reader: warning: {path}: {warning}", file=sys.stderr)
    sentences = article.sentences
    try:
        engine = context.engine()
    except NoModelError as missing:
        print(article.title, file=out)
        for sentence in sentences:
            print(f"\n{sentence}", file=out)
        print(f"\n(no translation shown: {missing})", file=out)
        return 0
    translations = translate_sentences(sentences, engine, context.translation_cache)
    write_bilingual(article.title, engine.model_label, sentences, translations, out)
    return 0


def write_bilingual(title: str, model_label: str, sources: list[str], targets: list[str], out: TextIO) -> None:
    """The title, which model translated (so a test model is never mistaken for a real one), then the pairs."""
    print(f"{title}\nmodel: {model_label}", file=out)
    for source, target in zip(sources, targets, strict=True):
        print(f"\n{source}\n  {target}", file=out)
