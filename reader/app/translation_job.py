"""The translation job of one opened article, run in a thread worker; it reports only through messages.

Kept apart from the screen so the screen reads as what the user sees, and this as what happens behind it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message

from reader.app.messages import SentencesTranslated, TranslationProgress, TranslationStarted, TranslationUnavailable

if TYPE_CHECKING:
    from reader.context import ReaderContext


#: Seconds between two updates of the screen while a long article is translated.
UPDATE_INTERVAL = 0.3
#: The first model call of a job translates this many sentences, so the opening of an article appears in about
#: a second with a real model; the rest go in the service's full batches.
FIRST_BATCH_SIZE = 8


class TranslationCancelled(Exception):
    """Raised inside the job when another article was opened."""


def run_translation_job(
    context: ReaderContext,
    token: int,
    sentences: list[str],
    post: Callable[[Message], object],
    cancelled: Callable[[], bool],
) -> None:
    """Load the engine (once per session), then translate: cached sentences come back first, without model work.

    Every message carries ``token``, so the screen ignores what arrives for an article it no longer shows.
    """
    from reader.errors import NoModelError, ReaderError
    from reader.translate.service import translate_sentences

    try:
        engine = context.engine()
    except NoModelError as exc:
        reason = f"no translation model for {exc.from_code}->{exc.to_code} is installed."
        post(TranslationUnavailable(token, reason, f"reader models install {exc.from_code} {exc.to_code}"))
        return
    except ReaderError as exc:
        post(TranslationUnavailable(token, str(exc), "reader models list"))
        return
    post(TranslationStarted(token, engine.model_label))
    # SQLite connections stay in the thread that uses them: the job works through its own.
    context = context.for_thread()
    conn = context.conn  # a bad store raises here, once, before anything needs closing
    matcher = context.matcher
    pending: dict[int, str] = {}
    last_post = 0.0

    def flush() -> None:
        nonlocal last_post
        if pending:
            # Korean terms are matched here, off the UI thread; the screen only attaches them.
            spans = {index: matcher.match_ko(text) for index, text in pending.items()}
            post(SentencesTranslated(token, dict(pending), spans))
            pending.clear()
        last_post = time.monotonic()

    try:
        cache = context.translation_cache

        def on_batch(translations: dict[int, str]) -> None:
            if cancelled():
                raise TranslationCancelled
            pending.update(translations)
            # The first sentences go at once; later batches are gathered so the screen lays out a few times a
            # second, not once per batch (that work would compete with the model for the interpreter).
            if last_post == 0.0 or time.monotonic() - last_post >= UPDATE_INTERVAL:
                flush()

        def on_progress(done: int, total: int | None) -> None:
            if cancelled():
                raise TranslationCancelled
            post(TranslationProgress(token, done, total or len(sentences)))

        translate_sentences(
            sentences, engine, cache, progress=on_progress, on_batch=on_batch, first_batch_size=FIRST_BATCH_SIZE
        )
        flush()
        # Marks the end even for an article with no sentences (no batch was ever reported).
        post(SentencesTranslated(token, {}))
    except TranslationCancelled:
        return
    finally:
        conn.close()
