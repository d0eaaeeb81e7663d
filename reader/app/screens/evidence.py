"""Evidence screens: a term's concordance, and a person's appearances with their posts over time.

Both read the library in a thread worker (a term linked in thousands of articles takes a moment) and fill a table
whose rows open their article. Every cell is Rich ``Text`` from data, never markup.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Sparkline, Static
from textual.worker import Worker

from glossary.model import Entry
from reader.context import ReaderContext
from reader.evidence.timeline import Appearance, Occurrence


class _EvidenceScreen(Screen[None]):
    """A title, a table of rows that open their article, and a footer."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back"),
        Binding("home", "first_row", "First", show=False, priority=True),
        Binding("end", "last_row", "Last", show=False, priority=True),
    ]
    DEFAULT_CSS = """
    _EvidenceScreen > #evidence-title { height: auto; padding: 0 1; background: $panel; }
    _EvidenceScreen > #evidence-summary { height: auto; padding: 0 1; color: $text-muted; }
    _EvidenceScreen > DataTable { height: 1fr; }
    _EvidenceScreen > Sparkline { height: 3; margin: 0 1; }
    """

    def __init__(self, context: ReaderContext, entry: Entry) -> None:
        super().__init__()
        self.context = context
        self.entry = entry
        #: The library id of each row, in row order.
        self.row_articles: list[int] = []

    def compose(self) -> ComposeResult:
        yield Static(Text(f"{self.entry.en}  {self.entry.ko}", style="bold"), id="evidence-title")
        yield Static(Text("Reading the library…"), id="evidence-summary")
        yield DataTable(id="evidence-rows", cursor_type="row", zebra_stripes=True)
        yield Footer()

    @on(DataTable.RowSelected)
    def _open_row(self, event: DataTable.RowSelected) -> None:
        from reader.app.app import ReaderApp

        if isinstance(self.app, ReaderApp) and 0 <= event.cursor_row < len(self.row_articles):
            self.app.show_library_article(self.row_articles[event.cursor_row])

    @on(Worker.StateChanged)
    def _hand_worker_state_to_app(self, event: Worker.StateChanged) -> None:
        # A worker's state changes reach only the screen that started it (the message does not bubble); the app
        # handles worker errors in one place (ReaderApp._worker_failed).
        self.app.post_message(Worker.StateChanged(event.worker, event.state))

    def action_first_row(self) -> None:
        self.query_one(DataTable).move_cursor(row=0)

    def action_last_row(self) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.row_count - 1)


class ConcordanceScreen(_EvidenceScreen):
    """Every occurrence of a glossary term in the library, in context, oldest first."""

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Date", "Left", "Term", "Right")
        self.load()

    @work(thread=True, exclusive=True, group="evidence", exit_on_error=False, description="Concordance")
    def load(self) -> None:
        from reader.evidence.timeline import concordance

        context = self.context.for_thread()
        try:
            lines = concordance(context.library, context.matcher, self.entry.id, width=40)
        finally:
            context.conn.close()
        self.app.call_from_thread(self._fill, lines)

    def _fill(self, lines: list[Occurrence]) -> None:
        table = self.query_one(DataTable)
        for line in lines:
            table.add_row(
                Text(line.date or ""), Text(line.left, justify="right"), Text(line.text, style="bold"), Text(line.right)
            )
            self.row_articles.append(line.article_id)
        articles = len(set(self.row_articles))
        summary = f"{len(lines)} occurrence(s) in {articles} article(s). Enter opens the article."
        self.query_one("#evidence-summary", Static).update(Text(summary))


class PeopleScreen(_EvidenceScreen):
    """A person's appearances over time: a timeline of articles per month, the posts given, and every article."""

    BINDINGS = [*_EvidenceScreen.BINDINGS, Binding("w", "write_csv", "Write CSV")]

    def __init__(self, context: ReaderContext, entry: Entry) -> None:
        super().__init__(context, entry)
        self.appearances: list[Appearance] = []

    def compose(self) -> ComposeResult:
        yield Static(Text(f"{self.entry.en}  {self.entry.ko}", style="bold"), id="evidence-title")
        yield Sparkline([], id="timeline")
        yield Static(Text("Reading the library…"), id="evidence-summary")
        yield DataTable(id="evidence-rows", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Date", "List", "Post given", "Article")
        self.load()

    @work(thread=True, exclusive=True, group="evidence", exit_on_error=False, description="Appearances")
    def load(self) -> None:
        from reader.evidence.timeline import person_appearances

        context = self.context.for_thread()
        try:
            appearances = person_appearances(context.library, context.matcher, self.entry.id)
        finally:
            context.conn.close()
        self.app.call_from_thread(self._fill, appearances)

    def _fill(self, appearances: list[Appearance]) -> None:
        from reader.evidence.timeline import post_key, title_history

        self.appearances = appearances
        table = self.query_one(DataTable)
        per_month: dict[str, int] = {}
        for row in appearances:
            position = f"#{row.list_position}" if row.list_position else ""
            table.add_row(Text(row.date or ""), Text(position), Text(row.post or ""), Text(row.article_title))
            self.row_articles.append(row.article_id)
            if row.date:
                per_month[row.date[:7]] = per_month.get(row.date[:7], 0) + 1
        self.query_one("#timeline", Sparkline).data = [per_month[month] for month in sorted(per_month)]
        history = title_history(appearances, key=lambda post: post_key(self.context.matcher, post))
        summary = Text(f"{len(appearances)} article(s)")
        if per_month:
            summary.append(f", {min(per_month)} to {max(per_month)} (the line above: articles per month)")
        summary.append(". Posts given, in order:\n" if history else ". No post given in these articles.\n")
        for change in history:
            summary.append(f"  since {change.since or '?'}: ", style="bold")
            summary.append(change.post + "\n")
        summary.append("Enter opens the article; w writes the table as CSV.")
        self.query_one("#evidence-summary", Static).update(summary)

    def action_write_csv(self) -> None:
        from reader.evidence.timeline import appearances_csv
        from reader.files import write_text_atomically

        path = Path(f"{self.entry.id}-appearances.csv").resolve()
        try:
            write_text_atomically(path, appearances_csv(self.appearances))
        except Exception as exc:
            self.notify(f"Could not write {path}: {exc}", severity="error", markup=False)
            return
        self.notify(f"Wrote {path}", markup=False)
