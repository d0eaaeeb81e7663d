"""``reader translate FILE [--to ko] [--beam N] [--json]``: an article sentence by sentence with its translation.

The article is parsed before any model work, so bad input fails fast with one line; translations come from
the cache when the same sentences were translated before with the same model and beam.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.commands.output import print_json
from reader.progress import stderr_progress

#: Below this many sentences a bar would flash by; it is not drawn.
PROGRESS_MIN_SENTENCES = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="an article text file")
    parser.add_argument("--to", dest="to_code", help="target language code (default: the target_language setting, ko)")
    parser.add_argument("--beam", type=_positive_int, help="beam size (default: the beam_size setting, 4)")
    parser.add_argument("--json", action="store_true", help="print engine, model and sentence pairs as JSON")
    parser.add_argument(
        "--lang", choices=("ko", "en"), help="the article's language (default: detected from its script)"
    )


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def run(args: argparse.Namespace) -> int:
    from reader.commands.preview import print_warnings, write_bilingual
    from reader.context import ReaderContext
    from reader.translate.service import translate_sentences

    context = ReaderContext()
    context.article_lang = args.lang
    article = context.load_article(args.file)
    print_warnings(context)
    if args.beam:
        context.settings.beam_size = args.beam
    # A Korean article translates into English; an English one into the target_language setting.
    engine = context.engine(article.lang, args.to_code) if args.to_code else context.engine_for(article)
    sentences = article.sentences
    # Short articles finish before a bar would be read; a pipe gets no progress lines (stdout may be JSON).
    with stderr_progress(
        "translating", total=len(sentences), min_total=PROGRESS_MIN_SENTENCES + 1, lines_when_piped=False
    ) as progress:
        translations = translate_sentences(sentences, engine, context.translation_cache, progress=progress)
    if args.json:
        payload = {
            "engine": engine.identity,
            "model": engine.model_label,
            "sentences": [{"source": s, "target": t} for s, t in zip(sentences, translations, strict=True)],
        }
        print_json(payload)
        return 0
    write_bilingual(article.title, engine.model_label, sentences, translations, sys.stdout)
    return 0
