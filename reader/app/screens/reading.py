"""The reading screen: the article and its translation side by side, sentence-aligned, terms linked in both.

State lives here as reactive attributes: the cursor sentence, the selected term (and its counterpart in the
translation), the translation state and whether the panel is open. The panes are bound to them with
``data_bind``; panels and the progress bar are shown by CSS classes on the screen (``reading.tcss``). Drawing
is the panes' job; translation is a thread worker that posts messages (``reader.app.messages``).
"""

from __future__ import annotations

import asyncio
import time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.lazy import Lazy
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static
from textual.worker import Worker, get_current_worker

from glossary.model import Entry, Span
from reader.app import panes
from reader.app.messages import SentencesTranslated, TranslationProgress, TranslationStarted, TranslationUnavailable
from reader.app.translation_job import run_translation_job
from reader.app.widgets.glossary_panel import GlossaryPanel, panel_content
from reader.app.widgets.sentence_pane import SentencePane
from reader.articles.model import Article
from reader.view import ReadingView, apply_translation, match_source

if TYPE_CHECKING:
    from glossary.match import Matcher
    from reader.context import ReaderContext

#: Below this many columns the panes stack one above the other.
NARROW_WIDTH = 100
#: Seconds between drawing an article and starting its slow follow-up work (term linking, translation).
POST_PAINT_DELAY = 0.1
#: An article with more sentences than this has its terms linked after it is drawn, a slice at a time.
LINK_AT_ONCE_SENTENCES = 1000
#: Seconds of term linking done before the event loop runs again (keys, frames).
LINK_SLICE_SECONDS = 0.002


class TranslationState(Enum):
    """Where the open article's translation is."""

    PENDING = "pending"  # not started (the engine may be loading)
    TRANSLATING = "translating"
    DONE = "done"
    UNAVAILABLE = "unavailable"  # no model: the pane shows the glossary gloss


#: (sentence index, term index) of a selected term.
Selection = tuple[int, int]


class ReadingScreen(Screen[None]):
    CSS_PATH = "reading.tcss"

    #: The cursor sentence; both panes follow it.
    cursor: reactive[int] = reactive(0, init=False)
    #: The selected source term, or None.
    selected: reactive[Selection | None] = reactive(None, init=False)
    #: The selected term's counterpart in the translation pane (or the gloss), or None.
    target_selected: reactive[Selection | None] = reactive(None, init=False)
    translation_state: reactive[TranslationState] = reactive(TranslationState.PENDING, init=False)
    #: Whether the glossary panel is shown (the screen's ``-panel-open`` class).
    panel_open: reactive[bool] = reactive(False, init=False)

    BINDINGS = [
        Binding("j,down", "move(1)", "Next", key_display="j/↓"),
        Binding("k,up", "move(-1)", "Prev", key_display="k/↑"),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
        Binding("tab", "cycle_term(1)", "Next term", priority=True),
        Binding("shift+tab", "cycle_term(-1)", "Prev term", show=False, priority=True),
        Binding("enter", "open_term", "Explain"),
        Binding("escape", "close_panel", "Close panel", show=False),
        Binding("l", "app.open_library", "Library"),
        Binding("e", "export", "Export"),
        Binding("c", "concordance", "Concordance", show=False),
        Binding("p", "people", "People", show=False),
        Binding("i", "know_term", "I know this", show=False),
        Binding("s", "app.study", "Study"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
        # Nothing on this screen takes text, so Ctrl-C need not mean "copy": it quits, as in any terminal program.
        Binding("ctrl+c", "app.quit", "Quit", show=False),
    ]

    def __init__(
        self, context: ReaderContext, article: Article, library_id: int | None = None, start_sentence: int = 0
    ) -> None:
        super().__init__()
        self.context = context
        self.article = article
        self.library_id = library_id
        self.start_sentence = start_sentence
        #: (library id, sentence) last written to the library as where the reader stopped.
        self._saved_position: tuple[int, int] | None = None
        self.view: ReadingView | None = None
        #: The glossary entry the panel explains (for its concordance and, for a person, appearances).
        self.panel_entry: Entry | None = None
        self.token = 0
        self.model_label = ""
        #: (time, sentences done) when the model's progress started being timed; and the estimate it gives.
        self._progress_start: tuple[float, int] | None = None
        self.seconds_left: float | None = None
        self.unavailable_reason = ""
        self.install_command = ""
        self._syncing = False
        #: Whether every sentence of the open article has its terms linked.
        self.terms_linked = False
        #: While the gloss of a long article is being made: the sentences linked meanwhile (to redraw after).
        self._linked_while_glossing: set[int] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="article-header")
        with Horizontal(id="panes"):
            with Vertical(id="source-column", classes="column"):
                yield Static("English · KCNA", id="source-label", classes="pane-label")
                yield SentencePane(id="source").data_bind(cursor=ReadingScreen.cursor, selection=ReadingScreen.selected)
            with Vertical(id="target-column", classes="column"):
                yield Static("Korean", id="target-label", classes="pane-label")
                yield SentencePane(id="target").data_bind(
                    cursor=ReadingScreen.cursor, selection=ReadingScreen.target_selected
                )
                yield Lazy(ProgressBar(id="progress", show_eta=False))  # hidden until a job runs: after the first frame
            yield Lazy(GlossaryPanel(id="panel"))  # hidden until a term is explained: after the first frame
        # The footer's many key widgets cost the first frame about 45 ms; the article comes first.
        yield Lazy(Footer())

    def on_mount(self) -> None:
        self.watch(self.source_pane, "scroll_y", self._source_scrolled, init=False)
        self.watch(self.target_pane, "scroll_y", self._target_scrolled, init=False)
        self.open_article(self.article, self.library_id, self.start_sentence)
        self.source_pane.focus()
        # Where the reader stopped is written once a second at most, not on every key.
        self.set_interval(1.0, self.save_position)

    @property
    def settled(self) -> bool:
        """Terms linked and translation finished (or known to be unavailable): nothing more will change."""
        return (
            self.view is not None
            and self.terms_linked
            and self._linked_while_glossing is None
            and self.translation_state in (TranslationState.DONE, TranslationState.UNAVAILABLE)
        )

    @property
    def source_pane(self) -> SentencePane:
        return self.query_one("#source", SentencePane)

    @property
    def target_pane(self) -> SentencePane:
        return self.query_one("#target", SentencePane)

    # -- opening an article -------------------------------------------------------------------------------------

    def open_article(self, article: Article, library_id: int | None = None, start_sentence: int = 0) -> None:
        """Show ``article`` (at ``start_sentence``); starting its translation cancels the previous one's job."""
        self.save_position()
        context = self.context
        self.article = article
        self.library_id = library_id
        # The first article paints before the glossary matcher is built, and a very long one before its terms are
        # linked: its terms are linked just after, a slice at a time, so keys work meanwhile.
        linked = context.matcher_ready and len(article.sentences) <= LINK_AT_ONCE_SENTENCES
        self.terms_linked = linked
        self.view = context.reading_view(article, linked=linked)
        self.selected = None
        self.cursor = 0
        self.token += 1
        self._progress_start = None
        self.seconds_left = None
        self.translation_state = TranslationState.PENDING
        self._linked_while_glossing = None  # a gloss still being made for the article before is dropped
        self.model_label = ""
        self.query_one("#article-header", Static).update(panes.header_text(article))
        self.query_one("#source-label", Static).update(panes.source_label(article))
        self.panel_open = False
        self.source_pane.set_blocks(panes.source_blocks(self.view))
        self.source_pane.scroll_home(animate=False)
        self.target_pane.scroll_home(animate=False)
        self._redraw_target()
        if start_sentence > 0:
            self.call_after_refresh(self._resume_at, self.token, start_sentence)
        # Linking (first article only) and translating start once the article has reached the terminal: work
        # started on the next refresh still delays the terminal writer's first frame, so give it a moment.
        token, sentences = self.token, [s.source for s in self.view.sentences]
        if not linked:
            self.set_timer(POST_PAINT_DELAY, lambda: self._link_terms(token))
        lang = article.lang
        self.set_timer(POST_PAINT_DELAY, lambda: self.translate_view(token, sentences, lang))

    def open_library_article(self, library_id: int) -> None:
        """Open an article of the library (from the panel's "also in" links, the library or the palette)."""
        library = self.context.library
        start = library.item(library_id).last_sentence or 0
        library.mark_opened(library_id)
        self.open_article(library.article(library_id), library_id, start)

    def _resume_at(self, token: int, sentence: int) -> None:
        if token == self.token and self.view is not None and self.view.sentences:
            self.cursor = min(sentence, len(self.view.sentences) - 1)

    def save_position(self) -> None:
        """Record in the library the sentence the reader is on (for ``reader`` with no file, and the library)."""
        if self.library_id is None or self.view is None:
            return
        position = (self.library_id, self.cursor)
        if position != self._saved_position and (self._saved_position is not None or self.cursor > 0):
            self.context.library.set_position(*position)
        self._saved_position = position

    def _link_terms(self, token: int) -> None:
        if token == self.token:
            self.run_worker(
                self._link_in_slices(token),
                group="link",
                exclusive=True,
                exit_on_error=False,
                description="Linking terms",
            )

    async def _link_in_slices(self, token: int) -> None:
        """Link the terms of every sentence in reading order (what is on screen first), redrawing as it goes."""
        view, context, article = self.view, self.context, self.article
        if view is None:
            return

        def prepare() -> tuple[Matcher, Article | None]:
            # Loading the glossary and building its matcher take a fifth of a second or more: done in a thread,
            # the event loop keeps taking keys (q quits at once) meanwhile. Re-reading a very long article would
            # take seconds: only ordinary ones are read again.
            matcher = context.matcher
            if view.sentences:  # a first match here works out and compiles the patterns it needs, off the loop too
                match_source(matcher, view.sentences[0].source_lang, view.sentences[0].source)
            small = len(view.sentences) <= LINK_AT_ONCE_SENTENCES
            return matcher, context.reparsed_with_glossary_names(article) if small else None

        matcher, better = await asyncio.to_thread(prepare)
        if token != self.token:
            return
        from reader.app.app import ReaderApp

        if isinstance(self.app, ReaderApp):
            self.app.show_warnings(context.warnings)
        if better is not None:  # the glossary's names repair glue the built-in ones missed: show that text
            self.open_article(better, self.library_id, self.cursor)  # the reader keeps their place
            return
        position = 0
        while position < len(view.sentences):
            if token != self.token:
                return
            done: list[int] = []
            deadline = time.perf_counter() + LINK_SLICE_SECONDS
            while position < len(view.sentences) and (not done or time.perf_counter() < deadline):
                sentence = view.sentences[position]
                sentence.source_spans = match_source(matcher, sentence.source_lang, sentence.source)
                done.append(position)
                position += 1
            self._redraw_sentences(done)
            await asyncio.sleep(0)
        self.terms_linked = True

    def _redraw_sentences(self, indices: list[int]) -> None:
        """Lay out again only the blocks that show ``indices`` (their terms or translations changed)."""
        if self.view is None:
            return
        if self._linked_while_glossing is not None:
            self._linked_while_glossing.update(indices)
        view, matcher, entries = self.view, self.context.matcher, self.context.glossary
        for pane, make in ((self.source_pane, panes.source_sentence), (self.target_pane, panes.target_sentence)):
            numbers = {pane.block_of(index) for index in indices} - {None}
            changes: dict[int, panes.Block] = {}
            for number in numbers:
                if number is None:
                    continue
                block = panes.rebuilt_block(
                    pane.blocks[number], view, make, lambda s: panes.gloss_block(s, matcher, entries)
                )
                if block != pane.blocks[number]:  # e.g. a paragraph with no terms: nothing to lay out again
                    changes[number] = block
            if changes:
                pane.replace_blocks(changes)
        self.target_selected = self._target_selection()

    @on(Worker.StateChanged)
    def _hand_worker_state_to_app(self, event: Worker.StateChanged) -> None:
        # A worker's state changes reach only the screen that started it (the message does not bubble); the app
        # handles worker errors in one place (ReaderApp._worker_failed).
        self.app.post_message(Worker.StateChanged(event.worker, event.state))

    @work(thread=True, exclusive=True, group="translate", exit_on_error=False, description="Translating")
    def translate_view(self, token: int, sentences: list[str], source_lang: str = "en") -> None:
        worker = get_current_worker()
        run_translation_job(self.context, token, sentences, self.post_message, lambda: worker.is_cancelled, source_lang)

    @on(TranslationStarted)
    def _translation_started(self, message: TranslationStarted) -> None:
        if message.token != self.token:
            return
        self.model_label = message.model_label
        if self.translation_state is TranslationState.PENDING:
            self.translation_state = TranslationState.TRANSLATING
        self._update_target_label()

    @on(SentencesTranslated)
    def _sentences_translated(self, message: SentencesTranslated) -> None:
        if message.token != self.token or self.view is None:
            return
        context = self.context
        for index, translation in message.translations.items():
            spans = message.target_spans.get(index)
            apply_translation(self.view, index, translation, context.matcher, context.glossary, target_spans=spans)
        if self.view.fully_translated:
            self.translation_state = TranslationState.DONE
        # Only the paragraphs that changed: a 5 MB article gets hundreds of batches.
        self._redraw_sentences(list(message.translations))
        self._update_target_label()

    @on(TranslationProgress)
    def _translation_progress(self, message: TranslationProgress) -> None:
        if message.token != self.token:
            return
        self.set_class(message.done < message.total, "-translating")
        self.query_one("#progress", ProgressBar).update(total=message.total, progress=message.done)
        now = time.monotonic()
        if self._progress_start is None or message.done < self._progress_start[1]:
            self._progress_start = (now, message.done)  # the cache's answers come first: time the model's work only
        started, done_then = self._progress_start
        rate = (message.done - done_then) / (now - started) if now > started else 0.0
        self.seconds_left = (message.total - message.done) / rate if rate > 0 and message.done < message.total else None
        self._update_target_label()

    @on(TranslationUnavailable)
    def _translation_unavailable(self, message: TranslationUnavailable) -> None:
        if message.token != self.token:
            return
        self.unavailable_reason = message.reason
        self.install_command = message.install_command
        self.translation_state = TranslationState.UNAVAILABLE
        self._redraw_target()

    def _redraw_target(self) -> None:
        if self.view is None:
            return
        context = self.context
        if self.translation_state is TranslationState.UNAVAILABLE:
            if len(self.view.sentences) > LINK_AT_ONCE_SENTENCES or not context.matcher_ready:
                self._linked_while_glossing = set()
                self.run_worker(
                    self._gloss_in_slices(self.token),
                    group="gloss",
                    exclusive=True,
                    exit_on_error=False,
                    description="Glossary gloss",
                )
                return
            blocks = panes.gloss_blocks(
                self.view, context.matcher, self.unavailable_reason, self.install_command, context.glossary
            )
        else:
            blocks = panes.target_blocks(self.view)
        self._show_target_blocks(blocks)

    def _show_target_blocks(self, blocks: list[panes.Block]) -> None:
        self.target_pane.set_blocks(blocks)
        self._update_target_label()
        self.target_selected = self._target_selection()

    async def _gloss_in_slices(self, token: int) -> None:
        """The glossary gloss of a long article (or before the matcher is built), made a slice at a time: one
        block per sentence is 24,000 blocks for a 5 MB article, a quarter of a second the keys would wait for."""
        view, context = self.view, self.context
        if view is None:
            return
        matcher = await asyncio.to_thread(lambda: context.matcher)
        entries = context.glossary  # once: the property takes the session's lock
        blocks = panes.gloss_heading(view, self.unavailable_reason, self.install_command)
        deadline = time.perf_counter() + LINK_SLICE_SECONDS
        for sentence in view.sentences:
            blocks.append(panes.gloss_block(sentence, matcher, entries))
            if time.perf_counter() >= deadline:
                await asyncio.sleep(0)
                if token != self.token:
                    return
                deadline = time.perf_counter() + LINK_SLICE_SECONDS
        if token != self.token:
            return
        self._show_target_blocks(blocks)
        # Sentences linked while their gloss was being made were redrawn in the pane's old blocks: again, here.
        linked, self._linked_while_glossing = self._linked_while_glossing, None
        if linked:
            self._redraw_sentences(sorted(linked))

    def _update_target_label(self) -> None:
        label = self.query_one("#target-label", Static)
        label.update(panes.target_label(self.translation_state.value, self.model_label, self.view, self.seconds_left))

    # -- cursor, terms, panel -------------------------------------------------------------------------------------

    def watch_cursor(self, cursor: int) -> None:
        # Both panes bring the cursor sentence into view (a no-op when it is already visible, as after a click).
        self._syncing = True
        self.source_pane.scroll_to_sentence(cursor)
        self.target_pane.scroll_to_sentence(cursor)
        self.call_after_refresh(self._end_sync)

    def watch_selected(self) -> None:
        self.target_selected = self._target_selection()

    def watch_translation_state(self, state: TranslationState) -> None:
        self.set_class(state is TranslationState.TRANSLATING, "-translating")
        self.target_selected = self._target_selection()

    def watch_panel_open(self, panel_open: bool) -> None:
        self.set_class(panel_open, "-panel-open")

    def _end_sync(self) -> None:
        self._syncing = False

    def _target_selection(self) -> tuple[int, int] | None:
        """The selected source term's counterpart in the target pane (same entry in the same sentence)."""
        if self.selected is None or self.view is None:
            return None
        sentence_index, term = self.selected
        sentence = self.view.sentences[sentence_index]
        if self.translation_state is TranslationState.UNAVAILABLE:
            return self.selected  # the gloss lists the source terms in source order
        entry_id = sentence.source_spans[term].entry_id
        for number, span in enumerate(sentence.target_spans):
            if span.entry_id == entry_id:
                return (sentence_index, number)
        return None

    def action_move(self, step: int) -> None:
        if self.view is None or not self.view.sentences:
            return
        self.selected = None
        self.cursor = min(max(self.cursor + step, 0), len(self.view.sentences) - 1)

    def action_page(self, direction: int) -> None:
        self.source_pane.scroll_page_down(animate=False) if direction > 0 else self.source_pane.scroll_page_up(
            animate=False
        )
        top = self.source_pane.top_sentence()
        if top is not None:
            self.selected = None
            self.cursor = top

    def action_first(self) -> None:
        self.action_move(-(10**9))

    def action_last(self) -> None:
        self.action_move(10**9)

    def action_cycle_term(self, step: int) -> None:
        if self.view is None:
            return
        positions = self.view.term_positions()
        if not positions:
            self.notify("No glossary terms in this article.", severity="information")
            return
        current = self.selected or (self.cursor, -1 if step > 0 else 10**9)
        if step > 0:
            following = [p for p in positions if p > current]
            target = following[0] if following else positions[0]
        else:
            preceding = [p for p in positions if p < current]
            target = preceding[-1] if preceding else positions[-1]
        self.select_term(*target)

    def action_open_term(self) -> None:
        if self.view is None:
            return
        if self.selected is None:
            spans = self.view.sentences[self.cursor].source_spans if self.view.sentences else []
            if not spans:
                self.notify("No glossary term in this sentence; Tab jumps to the next one.")
                return
            self.selected = (self.cursor, 0)
        self.select_term(*self.selected)

    def action_close_panel(self) -> None:
        self.panel_open = False
        self.selected = None

    def select_term(self, sentence: int, term: int) -> None:
        """Make (sentence, source term) the selection, move the cursor there and explain it in the panel."""
        if self.view is None:
            return
        self.cursor = sentence
        self.selected = (sentence, term)
        span = self.view.sentences[sentence].source_spans[term]
        self.show_entry(span.entry_id, span=span, sentence=sentence)

    def show_entry(self, entry_id: str, span: Span | None = None, sentence: int | None = None) -> None:
        """Open ``entry_id`` in the side panel (from a term, a related link, or the command palette)."""
        context = self.context
        entry = context.glossary.get(entry_id)
        if entry is None:
            reason = context.glossary.skipped.get(entry_id)  # a user entry skipped at start-up says why
            self.notify(reason or f"No glossary entry {entry_id!r}.", severity="warning", markup=False)
            return
        missing = False
        if sentence is not None and self.view is not None:
            view_sentence = self.view.sentences[sentence]
            missing = view_sentence.translated and entry_id in view_sentence.missing_entry_ids
        content = panel_content(context, entry, span, missing, exclude_article=self.library_id)
        self.query_one("#panel", GlossaryPanel).show(content)
        self.panel_entry = entry
        self.panel_open = True

    @on(SentencePane.SentenceClicked)
    def _sentence_clicked(self, message: SentencePane.SentenceClicked) -> None:
        self.selected = None
        self.cursor = message.sentence

    @on(SentencePane.TermClicked)
    def _term_clicked(self, message: SentencePane.TermClicked) -> None:
        if self.view is None:
            return
        sentence = self.view.sentences[message.sentence]
        if message.pane is self.source_pane or self.translation_state is TranslationState.UNAVAILABLE:
            self.select_term(message.sentence, message.term)
            return
        # A Korean term in the translation: select its source counterpart when there is one.
        span = sentence.target_spans[message.term]
        for number, source_span in enumerate(sentence.source_spans):
            if source_span.entry_id == span.entry_id:
                self.select_term(message.sentence, number)
                return
        self.selected = None
        self.cursor = message.sentence
        self.show_entry(span.entry_id, span=span, sentence=message.sentence)

    @on(GlossaryPanel.EntryLinkClicked)
    def _entry_link_clicked(self, message: GlossaryPanel.EntryLinkClicked) -> None:
        self.show_entry(message.entry_id)

    @on(GlossaryPanel.ArticleLinkClicked)
    def _article_link_clicked(self, message: GlossaryPanel.ArticleLinkClicked) -> None:
        self.open_library_article(message.library_id)

    # -- evidence over time ------------------------------------------------------------------------------------

    def _explained_entry(self) -> Entry | None:
        if self.panel_open and self.panel_entry is not None:
            return self.panel_entry
        self.notify("Open a term in the panel first (Tab or Enter).", markup=False)
        return None

    def action_concordance(self) -> None:
        from reader.app.screens.evidence import ConcordanceScreen

        entry = self._explained_entry()
        if entry is not None:
            self.app.push_screen(ConcordanceScreen(self.context, entry))

    def action_people(self) -> None:
        from reader.app.screens.evidence import PeopleScreen

        entry = self._explained_entry()
        if entry is None:
            return
        if entry.category != "person":
            self.notify(f"{entry.en} is not a person; c shows where it occurs.", markup=False)
            return
        self.app.push_screen(PeopleScreen(self.context, entry))

    def action_know_term(self) -> None:
        """ "I know this" from the panel: study shows no card of the explained term any more."""
        entry = self._explained_entry()
        if entry is None:
            return
        self.context.study_session().know(entry.id)
        self.notify(
            f"Marked as known: study shows no cards for {entry.en}. 'reader study restore {entry.id}' undoes it.",
            markup=False,
        )

    # -- export for reports ------------------------------------------------------------------------------------

    def action_export(self) -> None:
        from reader.app.screens.export import ExportPrompt, default_export_name

        self.app.push_screen(ExportPrompt(default_export_name(self.article.title)), self._export_chosen)

    def _export_chosen(self, path: Path | None) -> None:
        if path is not None:
            self.export_article(self.article, path)

    @work(thread=True, group="export", exit_on_error=False, description="Export")
    def export_article(self, article: Article, path: Path) -> None:
        """Write the report in a thread (translating through the cache may take a while); say where it went."""
        from reader.app.screens.export import FORMATS
        from reader.files import write_text_atomically
        from reader.reports.article_report import render

        context = self.context.for_thread()
        try:
            text = render(context.article_report(article), FORMATS[path.suffix.lower()])
            write_text_atomically(path, text)
        finally:
            context.conn.close()
        self.app.call_from_thread(self.notify, f"Exported to {path}", markup=False)

    # -- layout and scroll sync ------------------------------------------------------------------------------

    def on_resize(self) -> None:
        self.query_one("#panes").set_class(self.size.width < NARROW_WIDTH, "-narrow")

    def _source_scrolled(self, _value: float) -> None:
        self._sync_scroll(self.source_pane, self.target_pane)

    def _target_scrolled(self, _value: float) -> None:
        self._sync_scroll(self.target_pane, self.source_pane)

    def _sync_scroll(self, leader: SentencePane, follower: SentencePane) -> None:
        """Mouse scrolling one pane brings the same sentence to the top of the other."""
        if self._syncing or leader.anchoring:
            return
        top = leader.top_sentence()
        lines = follower.sentence_lines(top) if top is not None else None
        if lines is None:
            return
        self._syncing = True
        follower.scroll_to(y=lines[0], animate=False, immediate=True)
        self.call_after_refresh(self._end_sync)
