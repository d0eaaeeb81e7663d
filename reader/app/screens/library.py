"""The library screen: every imported article, searchable (FTS5 over title and text); Enter opens."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static


class LibraryScreen(Screen[None]):
    CSS_PATH = "library.tcss"

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("slash", "focus_search", "Search", key_display="/"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("Library", id="library-title")
        yield Input(placeholder="Search titles and text (e.g. plenary meeting, Kim Yo Jong)", id="search")
        yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Static(id="library-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#articles", DataTable)
        table.add_column("Date", key="date", width=10)
        table.add_column("Title", key="title")
        table.add_column("Topic", key="topic", width=16)
        table.add_column("Sent.", key="sentences", width=5)
        self.app.context.ensure_seeded()  # type: ignore[attr-defined]
        self.refresh_rows("")
        table.focus()

    def refresh_rows(self, query: str) -> None:
        table = self.query_one("#articles", DataTable)
        table.clear()
        items = self.app.context.library.items(query)  # type: ignore[attr-defined]
        for item in items:
            # Cells are plain strings: DataTable does not read markup from str cells only if we pass Text.
            from rich.text import Text

            table.add_row(
                item.date or "",
                Text(item.title),
                Text(item.topic or ""),
                str(item.sentence_count),
                key=str(item.id),
            )
        total = self.app.context.library.count()  # type: ignore[attr-defined]
        status = f"{len(items)} of {total} articles" if query else f"{total} articles"
        self.query_one("#library-status", Static).update(status + " · Enter opens · / searches · Esc goes back")

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.refresh_rows(event.value)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one("#articles", DataTable).focus()

    @on(DataTable.RowSelected, "#articles")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.open_library_article(int(event.row_key.value))  # type: ignore[attr-defined]

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()
