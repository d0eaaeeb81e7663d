"""The library screen: every imported article, searchable (FTS5 over title and text); Enter opens."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Input, ProgressBar, Static
from textual.worker import Worker

from reader.app.messages import ImportFinished, ImportProgress
from reader.context import ReaderContext

if TYPE_CHECKING:
    from reader.app.app import ReaderApp


#: Width of the topic column (the agency's section names are up to about 40 characters; most fit in 20).
TOPIC_WIDTH = 20


class LibraryScreen(Screen[None]):
    CSS_PATH = "library.tcss"

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("slash", "focus_search", "Search", key_display="/", priority=True),
        Binding("down", "focus_table", "Results", show=False),
        Binding("ctrl+o", "import", "Import", priority=True),
        Binding("question_mark", "app.help", "Help", key_display="?"),
    ]

    def __init__(self, context: ReaderContext) -> None:
        super().__init__()
        self.context = context

    @property
    def app_navigation(self) -> ReaderApp:
        from reader.app.app import ReaderApp

        assert isinstance(self.app, ReaderApp)
        return self.app

    def compose(self) -> ComposeResult:
        yield Static("Library", id="library-title")
        yield Input(placeholder="Search titles and text (e.g. plenary meeting, Kim Yo Jong)", id="search")
        yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield ProgressBar(id="import-progress", show_eta=False)
        yield Static(id="library-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#articles", DataTable)
        table.add_column("Date", key="date", width=10)
        table.add_column("Title", key="title", width=40)
        table.add_column("Topic", key="topic", width=TOPIC_WIDTH)
        table.add_column("Sent.", key="sentences", width=5)
        self._fit_columns()
        self.query_one("#import-progress").display = False
        self.context.ensure_seeded()
        self.refresh_rows("")
        # Typing starts a search at once; Down or Enter moves to the results.
        self.query_one("#search", Input).focus()

    def refresh_rows(self, query: str) -> None:
        table = self.query_one("#articles", DataTable)
        table.clear()
        items = self.context.library.items(query)
        for item in items:
            # Titles are data: Text cells are never read as markup.
            table.add_row(
                item.date or "",
                Text(item.title),
                Text(item.topic or ""),
                str(item.sentence_count),
                key=str(item.id),
            )
        total = self.context.library.count()
        status = f"{len(items)} of {total} articles" if query else f"{total} articles"
        self.query_one("#library-status", Static).update(
            Text(status + " · type to search · ↓ or Enter to the list, Enter opens · Esc goes back")
        )

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.refresh_rows(event.value)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        # Typed fast (or pasted) with Enter, the Changed messages may still be queued: show this query's rows
        # before the table takes the next key.
        self.refresh_rows(event.value)
        self.query_one("#articles", DataTable).focus()

    @on(DataTable.RowSelected, "#articles")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app_navigation.show_library_article(int(event.row_key.value))

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The title takes what the date, topic and count leave, so every column stays on screen."""
        table = self.query_one("#articles", DataTable)
        if "title" not in table.columns:
            return
        # 10 + 5 for date and count, 2 cells of padding per column, 2 for the scrollbar.
        fixed = 10 + 5 + 4 * 2 + 2
        wide = self.size.width >= 100
        table.columns["topic"].width = TOPIC_WIDTH if wide else 0
        title = self.size.width - fixed - (TOPIC_WIDTH + 2 if wide else 0)
        table.columns["title"].width = max(title, 20)
        table.refresh()

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_focus_table(self) -> None:
        self.query_one("#articles", DataTable).focus()

    def action_import(self) -> None:
        self.app.push_screen(ImportPrompt(), self._import_chosen)

    def _import_chosen(self, path: str | None) -> None:
        if path:
            bar = self.query_one("#import-progress", ProgressBar)
            bar.update(total=None, progress=0)
            bar.display = True
            self.import_paths([path])

    @on(Worker.StateChanged)
    def _hand_worker_state_to_app(self, event: Worker.StateChanged) -> None:
        # A worker's state changes reach only the screen that started it (the message does not bubble); the app
        # handles worker errors in one place (ReaderApp._worker_failed).
        self.app.post_message(Worker.StateChanged(event.worker, event.state))

    @work(thread=True, exclusive=True, group="import", exit_on_error=False, description="Import")
    def import_paths(self, paths: list[str]) -> None:
        """Import in a thread with its own store connection; progress and the result come back as messages."""
        from reader.library.importer import import_articles

        context = self.context.for_thread()
        try:
            report = import_articles(
                paths,
                context.library,
                context.entry_counts,
                lambda done, total: self.post_message(ImportProgress(done, total or done)),
                context.article_names,
            )
        finally:
            context.conn.close()
        self.post_message(ImportFinished(report.added, report.duplicates, tuple(str(e) for e in report.errors)))

    @on(ImportProgress)
    def _import_progress(self, message: ImportProgress) -> None:
        self.query_one("#import-progress", ProgressBar).update(total=message.total, progress=message.done)

    @on(ImportFinished)
    def _import_finished(self, message: ImportFinished) -> None:
        self.query_one("#import-progress").display = False
        self.refresh_rows(self.query_one("#search", Input).value)
        summary = f"Imported {message.added} article(s), skipped {message.duplicates} duplicate(s)."
        # Paths and error text are data: never read as markup ("kcna [draft]/a.txt" must show as typed).
        if message.errors:
            self.notify(
                summary + f" {len(message.errors)} error(s): {message.errors[0]}",
                severity="warning",
                timeout=10,
                markup=False,
            )
        else:
            self.notify(summary, markup=False)


class ImportPrompt(ModalScreen[str | None]):
    """Ask for a file, folder or corpus .jsonl to import."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    ImportPrompt { align: center middle; }
    #import-box { width: 70; height: auto; border: round $primary; background: $surface; padding: 1 2; }
    """

    def compose(self) -> ComposeResult:
        from textual.containers import Vertical

        with Vertical(id="import-box"):
            yield Static(Text("Import articles: a file, a folder, or a corpus .jsonl"))
            yield Input(placeholder=str(Path.home()), id="import-path")

    @on(Input.Submitted, "#import-path")
    def _submitted(self, event: Input.Submitted) -> None:
        path = event.value.strip()
        if path and not Path(path).expanduser().exists():
            self.notify(f"{path}: no such file or folder", severity="error", markup=False)
            return
        self.dismiss(str(Path(path).expanduser()) if path else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
