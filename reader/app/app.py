"""The reader app: owns the shared context and the translation engine, routes between screens."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.worker import Worker, WorkerFailed, WorkerState

from reader.app.themes import (
    HIGH_CONTRAST,
    TERM_VARIABLE_DEFAULTS,
    TERM_VARIABLE_DEFAULTS_LIGHT,
    readable_colours,
)
from reader.articles.model import Article
from reader.context import ReaderContext
from reader.errors import InputError, StoreError
from reader.settings import Settings

if TYPE_CHECKING:
    from reader.app.screens.reading import ReadingScreen


def _glossary_commands() -> Any:
    # Providers load when the palette opens, not at start-up (textual.command is a heavy import).
    from reader.app.commands import GlossaryCommands

    return GlossaryCommands


def _article_commands() -> Any:
    from reader.app.commands import ArticleCommands

    return ArticleCommands


#: The opened article is recorded in the library on the app's thread up to this many sentences; beyond, in a thread.
RECORD_AT_ONCE_SENTENCES = 1000


class ReaderApp(App[None]):
    """``ReaderApp(article)`` opens on the article; ``open_library=True`` shows the library on top.

    The app owns navigation between screens and nothing else: every screen gets the session's ``ReaderContext``
    (store, glossary, engine, settings) through its constructor.
    """

    TITLE = "kcna-reader"
    COMMANDS = App.COMMANDS | {_glossary_commands, _article_commands}

    def __init__(
        self,
        article: Article,
        *,
        context: ReaderContext | None = None,
        open_library: bool = False,
        start_sentence: int = 0,
        library_id: int | None = None,
    ) -> None:
        super().__init__()
        #: The first article's library id when it was opened from the library (``reader`` resuming).
        self.initial_library_id = library_id
        #: The sentence the first article opens at (where the reader stopped, when ``reader`` resumes).
        self.start_sentence = start_sentence
        self.context = context or ReaderContext()
        self.settings = self.context.settings
        self.initial_article = article
        self.open_library_first = open_library
        self._warnings_shown: set[str] = set()
        #: Whether the first article has been recorded in the library (done just after the first frame).
        self.initial_article_recorded = False
        #: Why the app ended early: a store it cannot use. ``reader.app.launch`` raises it once the terminal is
        #: restored, and the command dispatcher prints it as one line and exits with its code (2).
        self.fatal_error: InputError | None = None

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # Textual asks for these while building the current theme's CSS variables, so the theme is known here.
        term_colours = TERM_VARIABLE_DEFAULTS if self.current_theme.dark else TERM_VARIABLE_DEFAULTS_LIGHT
        return {**super().get_theme_variable_defaults(), **term_colours}

    def get_css_variables(self) -> dict[str, str]:
        # Every theme's sentence colours are made readable (themes.readable_colours): the cursor line and the
        # term colours reach WCAG's 4.5:1 whatever the theme's primary colour is.
        variables = super().get_css_variables()
        readable = readable_colours(variables) or {
            "sentence-cursor": variables["primary"],
            "sentence-text": variables["foreground"],
            "sentence-dim": variables["foreground"],
            "sentence-marker": variables["warning"],
        }
        self.theme_variables = {**variables, **readable}
        return self.theme_variables

    def on_mount(self) -> None:
        from reader.app.screens.reading import ReadingScreen

        self.register_theme(HIGH_CONTRAST)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        elif self.settings.theme != Settings().theme:
            self.notify(f"Unknown theme {self.settings.theme!r} in the settings; using {self.theme}.", markup=False)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        reading = ReadingScreen(self.context, self.initial_article, start_sentence=self.start_sentence)
        self.push_screen(reading)
        # Warnings met before the screen was ours (a broken user glossary, bad settings, invalid UTF-8) are
        # shown here, where the user is looking, not on a stderr the app's screen hides.
        self.show_warnings([*self.context.warnings_so_far, *self.initial_article.warnings])
        # Library bookkeeping (first-start seeding included) waits until the article is on screen.
        self.call_after_refresh(self._remember_initial, reading)
        if self.open_library_first:
            self.action_open_library()

    def show_warnings(self, warnings: Iterable[str]) -> None:
        """Notify each warning once per session (the glossary's arrive when it loads, after the first frame)."""
        for warning in warnings:
            if warning not in self._warnings_shown:
                self._warnings_shown.add(warning)
                self.notify(warning, title="Warning", severity="warning", timeout=15, markup=False)

    def _remember_initial(self, reading: Any) -> None:
        if len(self.initial_article.sentences) <= RECORD_AT_ONCE_SENTENCES:
            # A few milliseconds: done at once, so the library and study know the article from the first key on.
            article = self._article_to_record(self.context)
            library_id, error = self._remember(self.context, article, self.initial_library_id)
            self._initial_remembered(reading, library_id, error)
            return
        # In a thread: re-reading a 5 MB article with the glossary's names, linking its terms for the term index
        # and storing it take seconds, and keys must keep working meanwhile. A daemon thread, not a worker:
        # quitting must not wait for it (asyncio waits for its executor's threads at exit); a store write cut off
        # by the exit is rolled back by SQLite.
        threading.Thread(target=self._remember_in_thread, args=(reading,), name="remember", daemon=True).start()

    def _article_to_record(self, context: ReaderContext) -> Article:
        if self.initial_library_id is not None:  # resumed from the library: it is there already
            return self.initial_article
        # Recorded as an import would read the file (with the glossary's names), so opening a file that was
        # imported, or opening it again, finds the same entry by content hash.
        return context.reparsed_with_glossary_names(self.initial_article) or self.initial_article

    def _remember_in_thread(self, reading: Any) -> None:
        context = self.context.for_thread()  # SQLite connections stay in the thread that made them
        try:
            library_id, error = self._remember(context, self._article_to_record(context), self.initial_library_id)
        finally:
            if "conn" in context.__dict__:
                context.conn.close()
        if not self.is_running:
            return  # the app has quit meanwhile
        with contextlib.suppress(RuntimeError):  # it quit just now
            self.call_from_thread(self._initial_remembered, reading, library_id, error)

    def _initial_remembered(self, reading: Any, library_id: int | None, error: Exception | None) -> None:
        if reading.library_id is None:
            reading.library_id = library_id
        self.initial_article_recorded = True
        if error is None:
            return
        problem = self._store_problem(error)
        if isinstance(problem, StoreError):  # the library is a convenience, but a damaged store is everyone's
            self._end_with(problem)
            return
        self.notify(f"Library unavailable: {problem or error}", severity="warning", markup=False)

    @staticmethod
    def _remember(
        context: ReaderContext, article: Article, library_id: int | None = None
    ) -> tuple[int | None, Exception | None]:
        """Add the opened article to the library (once, by content hash; not at all when ``library_id`` says
        where it is) and mark it opened: (its id, an error)."""
        try:
            context.ensure_seeded()
            if library_id is None:
                library_id, _added = context.library.add(article, context.entry_counts(article))
            context.library.mark_opened(library_id)
            return library_id, None
        except Exception as exc:  # reported on the app's thread (_initial_remembered)
            return None, exc

    # -- navigation --------------------------------------------------------------------------------------------

    @property
    def reading_screen(self) -> ReadingScreen | None:
        from reader.app.screens.reading import ReadingScreen

        for screen in self.screen_stack:
            if isinstance(screen, ReadingScreen):
                return screen
        return None

    def show_library_article(self, library_id: int) -> None:
        """Back to the reading screen, which opens the library article (from the library or the palette)."""
        from reader.app.screens.reading import ReadingScreen

        reading = self.reading_screen
        if isinstance(reading, ReadingScreen):
            while self.screen is not reading and len(self.screen_stack) > 1:
                self.pop_screen()
            reading.open_library_article(library_id)

    def action_open_library(self) -> None:
        from reader.app.screens.library import LibraryScreen

        if not isinstance(self.screen, LibraryScreen):
            self.push_screen(LibraryScreen(self.context))

    async def action_quit(self) -> None:
        reading = self.reading_screen
        if reading is not None:
            with contextlib.suppress(Exception):  # a store that fails now must not keep the user from quitting
                reading.save_position()
        await super().action_quit()

    def action_help(self) -> None:
        from reader.app.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_study(self) -> None:
        from reader.app.screens.study import StudyScreen

        self.push_screen(StudyScreen(self.context))

    def show_entry(self, entry_id: str) -> None:
        from reader.app.screens.reading import ReadingScreen

        reading = self.reading_screen
        if isinstance(reading, ReadingScreen):
            while self.screen is not reading and len(self.screen_stack) > 1:
                self.pop_screen()
            reading.show_entry(entry_id)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Library", "Browse and search the imported articles", self.action_open_library)
        yield SystemCommand("High contrast", "Switch to the high-contrast theme", self._high_contrast)
        yield SystemCommand("Help", "Keys and what the colours mean", self.action_help)
        reading = self.reading_screen
        if reading is not None:
            yield SystemCommand(
                "Export article", "Write the article, its translation and term notes as Markdown or HTML",
                reading.action_export,
            )

    def _high_contrast(self) -> None:
        self.theme = HIGH_CONTRAST.name

    def _remember_theme(self, theme: Any) -> None:
        """Keep the theme the user picked for the next start (the settings file is rewritten atomically)."""
        if self.settings.theme == theme.name:
            return
        self.settings.theme = theme.name
        if self.settings.warnings:
            return  # never overwrite a settings file the reader could not read
        try:
            from reader.settings import save_settings

            save_settings(self.settings)
        except OSError as exc:
            self.notify(f"Could not save the theme: {exc}", severity="warning", markup=False)

    # -- errors from any worker or handler, handled in one place ---------------------------------------------

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            problem = self._store_problem(event.worker.error)
            if isinstance(problem, StoreError):
                self._end_with(problem)
                return
            self.notify(
                f"{event.worker.description or 'Background job'} failed: {problem or event.worker.error}",
                severity="error",
                timeout=10,
                markup=False,
            )

    def _handle_exception(self, error: Exception) -> None:
        # Textual calls this for an exception no handler caught, and ends the app (it has no public hook for it).
        # A store problem ends it with its one line, exit 2; anything else is a bug: Textual's traceback, exit 1.
        problem = self._store_problem(error)
        if problem is None:
            super()._handle_exception(error)
        else:
            self._end_with(problem)

    def _store_problem(self, error: BaseException) -> InputError | None:
        """``error`` as one line naming the store, if it is about the store's file (``reader.store.db.store_error``):
        a ``StoreError`` when the store cannot be used at all (damaged, another program's, newer)."""
        from reader.store.db import store_error

        if isinstance(error, WorkerFailed):  # how a worker started with exit_on_error=True reports
            error = error.error
        return store_error(error, self.context.store_path)

    def _end_with(self, problem: InputError) -> None:
        """Quit with ``problem``'s exit code; its line is printed after the terminal is restored (``launch.py``)."""
        if self.fatal_error is None:
            self.fatal_error = problem
            self.exit(return_code=problem.exit_code)
