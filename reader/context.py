"""One reader session: settings, store, library, glossary, matcher, engine and study, each built lazily, once.

The app and every command-line verb go through a ``ReaderContext``, so they see the same data the same way:
the glossary is loaded once per process (honouring ``--glossary``), its person names repair every article
that is read, and the translation engine is loaded in one place and shared by every worker thread.
Feature packages never import this module; it is the layer that wires them together.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reader.articles.model import Article
from reader.settings import Settings

if TYPE_CHECKING:
    from glossary.data import Glossary
    from glossary.match import Matcher
    from glossary.model import Entry
    from reader.library.importer import WorkerGlossary
    from reader.library.store import Library
    from reader.reports.article_report import ArticleReport
    from reader.study.clock import Clock, DayBoundary
    from reader.study.scheduling import StudySettings
    from reader.study.session import StudySession
    from reader.translate.cache import TranslationCache
    from reader.translate.engine import Engine
    from reader.view import ReadingView


@dataclass
class _Shared:
    """What a context and its worker-thread copies share, built once by whichever thread asks first.

    The lock is re-entrant because building the matcher asks for the glossary.
    """

    lock: threading.RLock = field(default_factory=threading.RLock)
    glossary: Glossary | None = None
    matcher: Matcher | None = None
    article_names: tuple[str, ...] | None = None
    engines: dict[tuple[str, str, int], Engine] = field(default_factory=dict)


class ReaderContext:
    """Lazily opened shared state; cheap to create.

    ``settings`` are the user's (read from the settings file on first use) unless given; ``glossary_paths``
    are extra user glossaries (``--glossary``); ``include_user_glossary=False`` skips the user's glossary dir.
    """

    def __init__(
        self,
        store_path: Path | None = None,
        glossary_paths: Sequence[Path] = (),
        *,
        settings: Settings | None = None,
        include_user_glossary: bool = True,
        clock: Clock | None = None,
    ) -> None:
        self.store_path = store_path
        self.glossary_paths = tuple(glossary_paths)
        self.include_user_glossary = include_user_glossary
        #: Where study's "now" comes from (the system clock unless given: scripts and tests replay days).
        self.clock = clock
        #: The language every article file is read as (``--lang``); None detects it from the script.
        self.article_lang: str | None = None
        if settings is not None:
            self.__dict__["settings"] = settings
        self._shared = _Shared()

    # -- configuration ------------------------------------------------------------------------------------------

    @cached_property
    def settings(self) -> Settings:
        from reader.settings import load_settings

        return load_settings()

    @property
    def warnings(self) -> list[str]:
        """Start-up warnings a user must see: unreadable settings and broken user glossaries, one line each."""
        return [*self.settings.warnings, *self.glossary.warnings]

    @property
    def warnings_so_far(self) -> list[str]:
        """The start-up warnings known without loading anything more (the glossary's once it is loaded)."""
        return [*self.settings.warnings, *(self.glossary.warnings if self.glossary_loaded else [])]

    # -- data ---------------------------------------------------------------------------------------------------

    @cached_property
    def conn(self) -> sqlite3.Connection:
        from reader.store.db import open_store

        return open_store(self.store_path)

    @cached_property
    def library(self) -> Library:
        from reader.library.store import Library

        return Library(self.conn)

    @property
    def glossary(self) -> Glossary:
        """The curated glossary plus the user's, loaded once per process (threads share it)."""
        with self._shared.lock:
            if self._shared.glossary is None:
                from glossary.data import load_glossary

                self._shared.glossary = load_glossary(self.glossary_paths, include_user_dir=self.include_user_glossary)
            return self._shared.glossary

    @property
    def glossary_loaded(self) -> bool:
        return self._shared.glossary is not None

    @property
    def matcher(self) -> Matcher:
        """The term matcher over the glossary, built once (threads share it: matching only reads it)."""
        with self._shared.lock:
            if self._shared.matcher is None:
                from glossary.match import Matcher

                self._shared.matcher = Matcher(self.glossary)
            return self._shared.matcher

    @property
    def matcher_ready(self) -> bool:
        """Whether the matcher is built (building it is the slow part of opening the first article)."""
        return self._shared.matcher is not None

    @cached_property
    def translation_cache(self) -> TranslationCache:
        from reader.translate.cache import TranslationCache

        return TranslationCache(self.conn)

    # -- articles -----------------------------------------------------------------------------------------------

    @property
    def article_names(self) -> tuple[str, ...]:
        """The person names whose scraped glue ("ComradeKim Jong Un") is repaired: built-in plus the glossary's."""
        with self._shared.lock:
            if self._shared.article_names is None:
                from reader.articles.names import degluing_names

                self._shared.article_names = degluing_names(self.glossary.person_names())
            return self._shared.article_names

    def find_entry(self, query: str, category: str | None = None) -> Entry:
        """The glossary entry a user means by ``query``: its id, or the best look-up hit (English, Korean,
        abbreviation, romanization); ``NotFoundError`` naming the closest entries when nothing fits."""
        from glossary.lookup import lookup
        from reader.errors import NotFoundError

        exact = self.glossary.get(query)
        if exact is not None and (category is None or exact.category == category):
            return exact
        hits = [
            hit for hit in lookup(self.glossary, query, limit=20) if category is None or hit.entry.category == category
        ]
        if hits and hits[0].score >= 80:
            return hits[0].entry
        kind = f"{category} entry" if category else "entry"
        close = ", ".join(hit.entry.en for hit in hits[:3])
        raise NotFoundError(f"no glossary {kind} matches {query!r}" + (f"; did you mean: {close}?" if close else ""))

    def load_article(self, path: Path, *, with_glossary_names: bool = True) -> Article:
        """Read and parse an article file, repairing glued names with the glossary's names.

        ``with_glossary_names=False`` uses the built-in names only, so the first screen need not wait for the
        glossary; ``reparsed_with_glossary_names`` then tells whether the glossary's names change anything. The
        language is ``article_lang`` when set (``--lang``), else detected from the script.
        """
        from reader.articles.load import load_article

        names = self.article_names if with_glossary_names else None
        if names is None:
            return load_article(path, lang=self.article_lang)
        return load_article(path, names, lang=self.article_lang)

    def reparsed_with_glossary_names(self, article: Article) -> Article | None:
        """The article read again from its file with the glossary's person names, when that repairs more glue
        than the built-in names did; None when nothing changes (or it did not come from a file)."""
        source = Path(article.source) if article.source else None
        if source is None or not source.is_file():
            return None
        from reader.errors import ReaderError

        try:
            again = self.load_article(source)
        except (OSError, ReaderError):  # the file changed or went away since: keep what is on screen
            return None
        return again if again.content_hash != article.content_hash else None

    def resolve_article(self, reference: str) -> Article:
        """An article named on the command line: a file path, or the id of a library article."""
        path = Path(reference)
        if reference.isdigit() and not path.exists():
            from reader.errors import InputError

            try:
                return self.library.article(int(reference))
            except KeyError:
                raise InputError(reference, "no file, and no library article with this id") from None
        return self.load_article(path)

    def search_words(self, query: str) -> str:
        """What to search the (English) library for: ``query``, or for Korean the English of the glossary entry
        it names, since articles are stored in English. Example: ``김정은`` -> ``Kim Jong Un``."""
        from reader.articles.korean import has_hangul

        if not has_hangul(query):
            return query
        from reader.errors import NotFoundError

        korean = query.strip()
        for entry in self.glossary.entries.values():  # the exact Korean form first: no fuzzy matcher to load
            if korean in (entry.ko, entry.ko_rok):
                return entry.en
        try:
            return self.find_entry(korean).en
        except NotFoundError:
            return query

    def article_report(self, article: Article) -> ArticleReport:
        """The article as a report: translated by the installed model (through the cache) or glossed."""
        from reader.errors import NoModelError
        from reader.reports.article_report import build_report, translate_view

        view = self.reading_view(article)
        try:
            engine = self.engine_for(article)
        except NoModelError:
            label = None
        else:
            label = translate_view(view, engine, self.translation_cache, self.matcher, self.glossary)
        return build_report(view, self.matcher, self.glossary, label)

    def reading_view(self, article: Article, linked: bool = True) -> ReadingView:
        """The article's reading view; ``linked=False`` skips term linking (see ``reader.view.link_terms``)."""
        from reader.view import build_reading_view

        return build_reading_view(article, self.matcher if linked else None)

    def entry_counts(self, article: Article) -> dict[str, int]:
        """How often each glossary entry is linked in ``article`` (for the library's term index)."""
        from reader.library.importer import count_entries

        return count_entries(self.matcher, article)

    @property
    def import_workers(self) -> WorkerGlossary:
        """How an import's worker processes rebuild this session's glossary (the same files)."""
        from reader.library.importer import WorkerGlossary

        return WorkerGlossary(tuple(self.glossary_paths), self.include_user_glossary)

    def ensure_seeded(self) -> None:
        """On a first start (empty library), import the seed articles so the library is not empty."""
        from reader.paths import SEEDS_DIR

        if self.library.is_empty() and SEEDS_DIR.is_dir():
            from reader.library.importer import import_articles

            import_articles([str(SEEDS_DIR)], self.library, self.entry_counts, names=self.article_names)

    # -- translation --------------------------------------------------------------------------------------------

    def engine_for(self, article: Article) -> Engine:
        """The engine for an article's direction: Korean -> English, English -> the ``target_language`` setting."""
        return self.engine(article.lang, "en" if article.lang == "ko" else None)

    def engine(self, from_code: str = "en", to_code: str | None = None) -> Engine:
        """The translation engine for the pair (target: the ``target_language`` setting), loaded once and shared.

        Raises ``NoModelError`` when no package for the pair is installed. Safe to call from worker threads:
        the first caller loads, the others wait and get the same engine.
        """
        key = (from_code, to_code or self.settings.target_language, self.settings.beam_size)
        with self._shared.lock:
            engine = self._shared.engines.get(key)
            if engine is None:
                from reader.translate.argos_engine import load_engine

                engine = load_engine(key[0], key[1], beam_size=key[2])
                self._shared.engines[key] = engine
            return engine

    # -- study --------------------------------------------------------------------------------------------------

    def study_session(
        self,
        clock: Clock | None = None,
        *,
        settings: StudySettings | None = None,
        boundary: DayBoundary | None = None,
        deck: str = "opened",
        category: str | None = None,
    ) -> StudySession:
        """A study session over this context's store, glossary and library (seeded on a first start).

        Limits and the day boundary come from the user's settings unless given (command-line flags win).
        """
        from reader.study.clock import DayBoundary, SystemClock
        from reader.study.scheduling import StudySettings
        from reader.study.session import StudySession, StudySources
        from reader.study.store import StudyStore

        self.ensure_seeded()
        if settings is None:
            settings = StudySettings(
                new_per_day=self.settings.new_cards_per_day, reviews_per_day=self.settings.reviews_per_day
            )
        boundary = boundary or DayBoundary(self.settings.day_starts_at)
        return StudySession(
            StudyStore(self.conn),
            StudySources(self.glossary, self.library, self.matcher),
            clock or self.clock or SystemClock(),
            settings=settings,
            boundary=boundary,
            deck=deck,
            category=category,
        )

    # -- threads ------------------------------------------------------------------------------------------------

    def for_thread(self) -> ReaderContext:
        """A context for a worker thread: its own store connection; the same settings, glossary, matcher, engines."""
        other = ReaderContext(
            self.store_path,
            self.glossary_paths,
            settings=self.settings,
            include_user_glossary=self.include_user_glossary,
            clock=self.clock,
        )
        other._shared = self._shared
        return other
