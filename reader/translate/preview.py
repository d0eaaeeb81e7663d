"""``print_preview``: an article as plain text, each sentence followed by its translation.

Used by ``reader --plain`` (and whenever the app cannot run). Without a model it still shows the article,
then says how to install one, and succeeds: reading the English is useful on its own.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from reader.errors import NoModelError


def print_preview(path: Path, out: TextIO = sys.stdout) -> int:
    """Print the article at ``path`` sentence by sentence with translations; returns the exit code (0)."""
    from reader.articles.load import load_article
    from reader.settings import load_settings_reporting
    from reader.translate.argos_engine import load_engine
    from reader.translate.service import translate_with_store

    article = load_article(Path(path))
    sentences = article.sentences
    settings = load_settings_reporting()
    try:
        engine = load_engine("en", settings.target_language, beam_size=settings.beam_size)
    except NoModelError as missing:
        print(article.title, file=out)
        for sentence in sentences:
            print(f"\n{sentence}", file=out)
        print(f"\n(no translation shown: {missing})", file=out)
        return 0
    write_bilingual(article.title, engine.model_label, sentences, translate_with_store(sentences, engine), out)
    return 0


def write_bilingual(title: str, model_label: str, sources: list[str], targets: list[str], out: TextIO) -> None:
    """The title, which model translated (so a test model is never mistaken for a real one), then the pairs."""
    print(f"{title}\nmodel: {model_label}", file=out)
    for source, target in zip(sources, targets):
        print(f"\n{source}\n  {target}", file=out)
