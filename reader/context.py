"""The objects a session of the reader shares, built lazily once: store, library, glossary, matcher, cache.

The app and the command-line verbs both go through this, so they see the same data the same way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reader.articles.model import Article

if TYPE_CHECKING:
    from glossary.data import Glossary
    from glossary.match import Matcher
    from reader.library.store import Library
    from reader.translate.cache import TranslationCache
    from reader.view import ReadingView


class ReaderContext:
    """Lazily opened shared state; cheap to create."""

    def __init__(self, store_path: Path | None = None, glossary_paths: Sequence[Path] = ()) -> None:
        self.store_path = store_path
        self.glossary_paths = tuple(glossary_paths)

    @cached_property
    def conn(self) -> sqlite3.Connection:
        from reader.store.db import open_store

        return open_store(self.store_path)

    @cached_property
    def library(self) -> Library:
        from reader.library.store import Library

        return Library(self.conn)

    @cached_property
    def glossary(self) -> Glossary:
        from glossary.data import load_glossary

        return load_glossary(self.glossary_paths)

    @cached_property
    def matcher(self) -> Matcher:
        from glossary.match import Matcher

        return Matcher(self.glossary)

    @cached_property
    def translation_cache(self) -> TranslationCache:
        from reader.translate.cache import TranslationCache

        return TranslationCache(self.conn)

    def for_thread(self) -> ReaderContext:
        """A context for a worker thread: its own store connection, the same (read-only) glossary and matcher."""
        other = ReaderContext(self.store_path, self.glossary_paths)
        for shared in ("glossary", "matcher"):
            if shared in self.__dict__:  # already built by cached_property: reuse, don't load twice
                other.__dict__[shared] = self.__dict__[shared]
        return other

    @property
    def matcher_ready(self) -> bool:
        """Whether the matcher is built (building it is the slow part of opening the first article)."""
        return "matcher" in self.__dict__

    def reading_view(self, article: Article, linked: bool = True) -> ReadingView:
        """The article's reading view; ``linked=False`` skips term linking (see ``reader.view.link_terms``)."""
        from reader.view import build_reading_view

        return build_reading_view(article, self.matcher if linked else None)

    def entry_counts(self, article: Article) -> dict[str, int]:
        """How often each glossary entry is linked in ``article`` (for the library's term index)."""
        counts: dict[str, int] = {}
        for sentence in article.sentences:
            for span in self.matcher.match_en(sentence):
                counts[span.entry_id] = counts.get(span.entry_id, 0) + 1
        return counts

    def ensure_seeded(self) -> None:
        """On a first start (empty library), import the seed articles so the library is not empty."""
        from reader.library.importer import import_articles
        from reader.paths import SEEDS_DIR

        if self.library.count() == 0 and SEEDS_DIR.is_dir():
            import_articles([str(SEEDS_DIR)], self.library, self.entry_counts)
