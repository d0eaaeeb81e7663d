"""The study screen: one card at a time, space shows the answer, then 1-4 rate (each shows its next interval).

The footer and the rating buttons follow the card's state: "Show answer" while the answer is hidden, the
buttons only after it is shown, neither once the session is over. The header, the end of the session and the
statistics all count what is due with ``StudySession.due_today``.

Everything it knows comes from ``reader.study`` (the same session the ``reader study`` command runs); this
module only draws. Card text comes from the glossary and the articles, so it is drawn as Rich ``Text``, never
parsed as markup.
"""

from __future__ import annotations

import sqlite3

from fsrs import Rating
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from reader.context import ReaderContext
from reader.errors import ReaderError
from reader.study.plain import due_text, outlook, summary_line, whats_next
from reader.study.report import forecast_bars, retention_text
from reader.study.scheduling import RATING_NAMES, RATINGS, format_interval
from reader.study.session import DueCard, StudySession
from reader.study.stats import compute_stats

#: Failures the screen reports as a notification instead of crashing (the store, the glossary, fsrs). A damaged
#: store file (``sqlite3.DatabaseError`` itself) is not among them: it ends the app with one line (``ReaderApp``).
RECOVERABLE = (ReaderError, sqlite3.OperationalError, ValueError, KeyError)


class StudyScreen(Screen[None]):
    CSS_PATH = "study.tcss"

    BINDINGS = [
        Binding("space", "reveal", "Show answer"),
        Binding("1", "rate(1)", "Again", show=False),
        Binding("2", "rate(2)", "Hard", show=False),
        Binding("3", "rate(3)", "Good", show=False),
        Binding("4", "rate(4)", "Easy", show=False),
        Binding("u", "undo", "Undo"),
        Binding("b", "set_aside('bury')", "Bury", show=False),
        Binding("x", "set_aside('suspend')", "Suspend", show=False),
        Binding("i", "set_aside('know')", "I know this", show=False),
        Binding("t", "toggle_stats", "Stats"),
        Binding("escape,q", "close", "Back"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(self, context: ReaderContext) -> None:
        super().__init__()
        self.context = context
        self.session: StudySession | None = None
        self.card: DueCard | None = None
        self.revealed = False
        self.finished = False
        #: Whether any card was due when the screen opened (an empty session says so, not "Reviewed 0 cards").
        self.had_cards = False

    def compose(self) -> ComposeResult:
        yield Static(id="study-header")
        with Vertical(id="study-card"):
            yield Static(id="card-front")
            yield Static(id="card-back")
        with Horizontal(id="rating-buttons"):
            for rating in RATINGS:
                button = Button(RATING_NAMES[rating], id=f"rate-{int(rating)}", classes=f"rating rating-{int(rating)}")
                button.can_focus = False  # keys 1-4 and space belong to the screen, not to a focused button
                yield button
        yield Static(id="study-summary")
        with VerticalScroll(id="study-stats"):
            yield Static(id="study-stats-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#study-stats").display = False
        try:
            self.session = self.context.study_session()
        except RECOVERABLE as exc:
            self.notify(f"Study unavailable: {exc}", severity="error", markup=False)
            self._show_message("Study is unavailable (see the notification). Esc goes back.")
            return
        self._next()

    # -- drawing -------------------------------------------------------------------------------------------

    def _next(self) -> None:
        assert self.session is not None
        try:
            self.card = self.session.next_card()
        except RECOVERABLE as exc:
            self.notify(f"Could not load the next card: {exc}", severity="error", markup=False)
            self.card = None
        self.revealed = False
        if self.card is None:
            self._finish()
            return
        self.had_cards = True
        self._draw_card()

    def _draw_header(self) -> None:
        assert self.session is not None
        header = Text()
        header.append("Study  ", style="bold")
        header.append("due today: " + due_text(self.session.due_today()), style="dim")
        self.query_one("#study-header", Static).update(header)

    def _draw_card(self) -> None:
        assert self.session is not None and self.card is not None
        card = self.card
        self._draw_header()

        front = Text()
        front.append(f"{card.label} · {card.kind}\n", style="bold red" if card.leech else "dim")
        front.append(card.faces.prompt + "\n\n")
        front.append(card.faces.front, style="bold")
        if card.faces.hint:
            front.append("\n\nhint: ", style="dim")
            front.append(card.faces.hint)
        self.query_one("#card-front", Static).update(front)

        back = Text()
        if self.revealed:
            back.append(card.faces.back, style="bold")
            if card.faces.detail:
                back.append("\n\n" + card.faces.detail, style="dim")
            if card.faces.source:
                back.append("\nfrom: " + card.faces.source, style="dim italic")
        else:
            back.append("space shows the answer", style="dim")
        self.query_one("#card-back", Static).update(back)

        for rating in RATINGS:
            button = self.query_one(f"#rate-{int(rating)}", Button)
            button.label = Text(f"{int(rating)} {RATING_NAMES[rating]} · {format_interval(card.intervals[rating])}")
            button.disabled = not self.revealed
        # The ratings belong to the answer: shown with it, never before.
        self.query_one("#rating-buttons").display = self.revealed
        self.query_one("#study-card").display = True
        self.query_one("#study-summary").display = False
        self.refresh_bindings()

    def _finish(self) -> None:
        """The end: what the session did, what is left today, and what comes next."""
        assert self.session is not None
        self.finished = True
        self._draw_header()
        summary = self.session.summary
        if summary.reviewed:
            text = Text("Session done\n\n", style="bold")
            text.append(summary_line(summary) + "\n")
        elif self.had_cards:
            text = Text("Session stopped\n\n", style="bold")
            text.append(summary_line(summary) + "\n")
        else:
            text = Text("Nothing to study now\n\n", style="bold")
        text.append(outlook(self.session) + "\n")
        if self.session.next_learning_due() is None:
            text.append(whats_next(self.session) + "\n")
        text.append("\nt shows statistics · Esc goes back to reading · l there opens the library", style="dim")
        self._show_message(text)

    def _show_message(self, message: Text | str) -> None:
        self.query_one("#study-card").display = False
        self.query_one("#rating-buttons").display = False
        summary = self.query_one("#study-summary", Static)
        summary.update(message if isinstance(message, Text) else Text(message))
        summary.display = True
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide "Show answer" once it is shown or the session is over; ratings only work on a shown answer."""
        if action == "reveal":
            return self.card is not None and not self.revealed and not self.finished
        if action == "rate":
            return self.card is not None and self.revealed and not self.finished
        return True

    # -- actions -------------------------------------------------------------------------------------------

    def action_reveal(self) -> None:
        if self.card is not None and not self.revealed:
            self.revealed = True
            self._draw_card()

    def action_rate(self, value: int) -> None:
        if self.card is None or not self.revealed or self.session is None:
            return
        try:
            self.session.answer(self.card, Rating(value))
        except RECOVERABLE as exc:
            self.notify(f"Answer not saved: {exc}", severity="error", markup=False)
            return
        if self.session.new_leech is not None:
            leech = self.session.new_leech
            self.notify(
                f"{leech.en} — {leech.ko}: forgotten {self.session.settings.leech_lapses} times, so it is set aside "
                "as a leech. Rewrite it in your own glossary, or look it up in the reader's panel; "
                "'reader study leeches' lists them.",
                title="Leech set aside",
                severity="warning",
                timeout=12,
                markup=False,
            )
        self._next()

    def action_undo(self) -> None:
        """Take back the last answer of this session; its card comes back on screen."""
        if self.session is None:
            return
        try:
            card = self.session.undo()
        except RECOVERABLE as exc:
            self.notify(f"Could not undo: {exc}", severity="error", markup=False)
            return
        if card is None:
            self.notify("Nothing to undo in this session.", markup=False)
            return
        self.card, self.revealed, self.finished = card, False, False
        self.query_one("#study-summary").display = False
        self.notify(f"Undone: the last answer to {card.entry.en}.", markup=False)
        self._draw_card()

    def action_set_aside(self, how: str) -> None:
        """b buries the card until tomorrow, x suspends it, i ("I know this") sets aside every card of the term."""
        if self.session is None or self.card is None:
            return
        card = self.card
        try:
            if how == "bury":
                self.session.bury(card)
                said = f"Buried until tomorrow: {card.entry.en}."
            elif how == "suspend":
                self.session.suspend(card)
                said = (
                    f"Suspended: {card.entry.en} ({card.kind}). 'reader study restore {card.entry.id}' brings it back."
                )
            else:
                self.session.know(card.entry.id)
                said = f"Marked as known: no more cards for {card.entry.en}."
        except RECOVERABLE as exc:
            self.notify(f"Not saved: {exc}", severity="error", markup=False)
            return
        self.notify(said, markup=False)
        self._next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("rate-"):
            self.action_rate(int(event.button.id.removeprefix("rate-")))

    def action_toggle_stats(self) -> None:
        panel = self.query_one("#study-stats")
        if panel.display:
            panel.display = False
            return
        if self.session is None:
            return
        try:
            body = stats_text(self.session)
        except RECOVERABLE as exc:
            self.notify(f"Statistics unavailable: {exc}", severity="error", markup=False)
            return
        self.query_one("#study-stats-body", Static).update(body)
        panel.display = True

    def action_help(self) -> None:
        from reader.app.screens.help import STUDY_KEYS, HelpScreen

        self.app.push_screen(HelpScreen(STUDY_KEYS, "Study keys", legend=False))

    def action_close(self) -> None:
        if self.query_one("#study-stats").display:
            self.query_one("#study-stats").display = False
        else:
            self.app.pop_screen()


def stats_text(session: StudySession) -> Text:
    """The stats view: counts per state, retention, and the 30-day due forecast as a bar chart."""
    stats = compute_stats(session)
    text = Text("Statistics\n\n", style="bold")
    text.append(f"Due today: {due_text(stats.due)} · answered today {stats.reviews_today}\n")
    text.append(f"Retention: {retention_text(stats)}\n")
    text.append("Cards: " + " · ".join(f"{name} {count}" for name, count in stats.counts.items()))
    text.append(f" · leeches {len(stats.leeches)}\n")
    for leech in stats.leeches[:5]:
        text.append(f"  leech: {leech.english} — {leech.korean} ({leech.lapses} lapses)\n", style="red")
    text.append("\nDue in the next 30 days\n", style="bold")
    for label, count, length in forecast_bars(stats):
        text.append(f"{label:>6} {count:>4} ")
        text.append("█" * length, style="green")
        text.append("\n")
    return text
