"""The library screen: every imported article, searchable (FTS5 over title and text); Enter opens."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Input, ProgressBar, Static
from textual.widgets.data_table import ColumnKey
from textual.worker import Worker

from reader.app.messages import ImportFinished, ImportProgress
from reader.context import ReaderContext
from reader.library.store import LibraryFilter, LibraryItem

if TYPE_CHECKING:
    from reader.app.app import ReaderApp


#: Width of the topic column when the terminal is wide (the agency's section names are up to about 40 characters).
TOPIC_WIDTH = 16
#: Rows the table holds at a time: a window onto the library, moved as the cursor nears its edges, so a library
#: of 100,000 articles opens as fast as one of 100.
PAGE = 200
#: A search counts its hits up to this many ("10000+" beyond).
COUNT_CAP = 10_000
#: What the read column shows: opened, never opened.
READ_MARK, UNREAD_MARK = "✓", "•"
SORT_ORDER = ("date", "title", "topic")
READ_FILTERS: tuple[bool | None, ...] = (None, False, True)


class LibraryScreen(Screen[None]):
    """Every imported article, a window of ``PAGE`` rows at a time; typing anywhere searches.

    Keys: Enter opens; Home/End go to the first/last article of the whole library; Ctrl-S sorts by date, title or
    topic (again: reversed), Ctrl-F filters by date range and topic, Ctrl-U shows all/unread/read; Delete removes
    an article (after a yes), F2 renames it.
    """

    CSS_PATH = "library.tcss"

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("slash", "focus_search", "Search", key_display="/", priority=True),
        Binding("down", "focus_table", "Results", show=False),
        # Priority: DataTable's own Home/End would only reach the edges of the rows loaded so far.
        Binding("home", "edge(0)", "First", show=False, priority=True),
        Binding("end", "edge(1)", "Last", show=False, priority=True),
        Binding("ctrl+s", "sort", "Sort", priority=True),
        Binding("ctrl+f", "filter", "Filter", priority=True),
        Binding("ctrl+u", "read_filter", "Unread/read", priority=True),
        Binding("delete", "delete", "Delete"),
        Binding("f2", "rename", "Rename"),
        Binding("ctrl+o", "import", "Import", priority=True),
        Binding("question_mark", "app.help", "Help", key_display="?"),
    ]

    def __init__(self, context: ReaderContext) -> None:
        super().__init__()
        self.context = context
        self.where = LibraryFilter()
        self.sort = "relevance"
        self.reverse = False
        #: Index in the whole (filtered, sorted) list of the table's first row; and that list's length.
        self.window_start = 0
        self.total = 0
        self.items: list[LibraryItem] = []
        self._moving_window = False

    @property
    def app_navigation(self) -> ReaderApp:
        from reader.app.app import ReaderApp

        assert isinstance(self.app, ReaderApp)
        return self.app

    def compose(self) -> ComposeResult:
        yield Static("Library", id="library-title")
        yield Input(placeholder="Search titles and text (e.g. plenary meeting, Kim Yo Jong, 김정은)", id="search")
        yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Static(id="snippet")
        yield ProgressBar(id="import-progress", show_eta=False)
        yield Static(id="library-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#articles", DataTable)
        table.add_column("Date", key="date", width=10)
        table.add_column("Title", key="title", width=40)
        table.add_column("Topic", key="topic", width=TOPIC_WIDTH)
        table.add_column(READ_MARK, key="read", width=1)
        self._fit_columns()
        self.query_one("#import-progress").display = False
        self.context.ensure_seeded()
        self.refresh_rows(self.where.query)
        # Typing starts a search at once; Down or Enter moves to the results.
        self.query_one("#search", Input).focus()

    # -- the window of rows ---------------------------------------------------------------------------------------

    def refresh_rows(self, query: str | None = None, *, keep: int | None = None) -> None:
        """Show the list from its start for ``query`` (default: the current one); ``keep`` an article to stay on."""
        if query is not None:
            self.where = replace(self.where, query=self.context.search_words(query) if query.strip() else "")
        library = self.context.library
        self.total = library.count_where(self.where, cap=COUNT_CAP)
        self._load_window(0, 0)
        if keep is not None:
            for row, item in enumerate(self.items):
                if item.id == keep:
                    self.query_one("#articles", DataTable).move_cursor(row=row)
        self._update_status()

    def _load_window(self, offset: int, cursor_row: int) -> None:
        library = self.context.library
        self.window_start = max(0, offset)
        self.items = library.page(self.where, sort=self.sort, reverse=self.reverse, limit=PAGE, offset=self.window_start)
        table = self.query_one("#articles", DataTable)
        self._moving_window = True
        try:
            table.clear()
            for item in self.items:
                # Titles and topics are data: Text cells are never read as markup.
                table.add_row(
                    item.date or "",
                    Text(item.title),
                    Text(item.topic or ""),
                    READ_MARK if item.opened_at is not None else UNREAD_MARK,
                    key=str(item.id),
                )
            if self.items:
                table.move_cursor(row=min(max(cursor_row, 0), len(self.items) - 1), animate=False)
        finally:
            self._moving_window = False
        self._show_snippet(table.cursor_row if self.items else None)

    @on(DataTable.RowHighlighted, "#articles")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = self.query_one("#articles", DataTable)
        row = event.cursor_row
        if self._moving_window or row != table.cursor_row:
            return  # posted while the window was being filled (clear() puts the cursor on row 0): stale
        if row >= table.row_count - 1 and self.window_start + table.row_count < self.total:
            step = PAGE // 2  # the cursor reached the window's last row: move the window on by half
            self._load_window(self.window_start + step, row - step)
        elif row <= 0 and self.window_start > 0:
            step = min(PAGE // 2, self.window_start)
            self._load_window(self.window_start - step, row + step)
        else:
            self._show_snippet(row)
        self._update_status()

    def _show_snippet(self, row: int | None) -> None:
        """The highlighted search hit in its context, the matched words highlighted (drawn from spans, not markup)."""
        snippet = self.query_one("#snippet", Static)
        item = self.items[row] if row is not None and 0 <= row < len(self.items) else None
        snippet.display = bool(item and (item.snippet or item.last_sentence))
        if item and item.snippet:
            text = Text(item.snippet, no_wrap=True, overflow="ellipsis")
            for start, end in item.snippet_hits:
                text.stylize("bold reverse", start, end)
            snippet.update(text)
        elif item and item.last_sentence:
            # Where the reader stopped in an opened article (Enter opens it there).
            snippet.update(Text(f"You stopped at sentence {item.last_sentence + 1} of {item.sentence_count}."))

    def _update_status(self) -> None:
        table = self.query_one("#articles", DataTable)
        total = self.context.library.count()
        capped = self.where.query and self.total >= COUNT_CAP
        shown = f"{self.total}{'+' if capped else ''}"
        at = f"{self.window_start + table.cursor_row + 1} of {shown}" if self.items else f"0 of {shown}"
        filtered = self.where != LibraryFilter() and not (self.where.query and self.where == LibraryFilter(query=self.where.query))
        parts = [f"{at} (library: {total})" if self.where != LibraryFilter() else f"{at} articles"]
        sort = "relevance" if self.sort == "relevance" and self.where.query else ("date" if self.sort == "relevance" else self.sort)
        parts.append(f"by {sort}{' reversed' if self.reverse else ''}")
        if filtered:
            parts.append("filtered: " + describe_filter(self.where))
        parts.append("type to search · Enter opens · Del deletes · Home/End")
        self.query_one("#library-status", Static).update(Text(" · ".join(parts), no_wrap=True, overflow="ellipsis"))

    @property
    def highlighted(self) -> LibraryItem | None:
        table = self.query_one("#articles", DataTable)
        row = table.cursor_row
        return self.items[row] if self.items and 0 <= row < len(self.items) else None

    # -- typing, searching, opening -------------------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.refresh_rows(event.value)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        # Typed fast (or pasted) with Enter, the Changed messages may still be queued: show this query's rows
        # before the table takes the next key.
        self.refresh_rows(event.value)
        self.query_one("#articles", DataTable).focus()

    def on_key(self, event: events.Key) -> None:
        """Typing while the table has focus searches: the key goes to the search box."""
        if isinstance(self.focused, DataTable) and event.is_printable and event.character:
            search = self.query_one("#search", Input)
            # The query goes on from where it was (focusing would otherwise select it all, and the key replace it).
            search.select_on_focus = False
            search.focus()
            search.cursor_position = len(search.value)
            search.insert_text_at_cursor(event.character)
            event.stop()
            event.prevent_default()

    @on(DataTable.RowSelected, "#articles")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app_navigation.show_library_article(int(event.row_key.value))

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The title takes what the date, topic and read mark leave, so every column stays on screen."""
        table = self.query_one("#articles", DataTable)
        if "title" not in table.columns:
            return
        wide = self.size.width >= 100
        table.columns[ColumnKey("topic")].width = TOPIC_WIDTH if wide else 0
        # 10 for the date, 1 for the read mark, 2 cells of padding per column, 2 for the scrollbar.
        fixed = 10 + 1 + (TOPIC_WIDTH if wide else 0) + 4 * 2 + 2
        table.columns[ColumnKey("title")].width = max(self.size.width - fixed, 20)
        table.refresh()

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_focus_table(self) -> None:
        self.query_one("#articles", DataTable).focus()

    def action_edge(self, end: int) -> None:
        """Home/End: the first or last article of the whole list (in the search box: its start or end)."""
        if isinstance(self.focused, Input):
            self.focused.action_end() if end else self.focused.action_home()
            return
        if end:
            self._load_window(max(0, self.total - PAGE), PAGE)
        else:
            self._load_window(0, 0)
        self.query_one("#articles", DataTable).focus()
        self._update_status()

    # -- sort, filter, delete, rename -----------------------------------------------------------------------------

    def action_sort(self) -> None:
        """Date, title, topic; pressed again on the last, each order reversed; then back to the first."""
        current = "date" if self.sort == "relevance" else self.sort
        if self.sort != "relevance" and not self.reverse and current == SORT_ORDER[-1]:
            self.sort, self.reverse = SORT_ORDER[0], True
        elif self.reverse:
            index = SORT_ORDER.index(current) + 1
            self.sort, self.reverse = (SORT_ORDER[index], True) if index < len(SORT_ORDER) else ("relevance", False)
        else:
            index = SORT_ORDER.index(current) + (0 if self.sort == "relevance" and self.where.query else 1)
            self.sort = SORT_ORDER[index % len(SORT_ORDER)]
        self.refresh_rows(keep=self.highlighted.id if self.highlighted else None)

    def action_read_filter(self) -> None:
        index = READ_FILTERS.index(self.where.read)
        self.where = replace(self.where, read=READ_FILTERS[(index + 1) % len(READ_FILTERS)])
        self.refresh_rows()

    def action_filter(self) -> None:
        self.app.push_screen(FilterPrompt(self.where, self.context.library.topics()), self._filter_chosen)

    def _filter_chosen(self, where: LibraryFilter | None) -> None:
        if where is not None:
            self.where = replace(where, query=self.where.query, read=self.where.read)
            self.refresh_rows()

    def action_delete(self) -> None:
        item = self.highlighted
        if item is not None and isinstance(self.focused, DataTable):
            self.app.push_screen(ConfirmDelete(item.title), lambda yes: self._delete(item, yes))

    def _delete(self, item: LibraryItem, confirmed: bool | None) -> None:
        if confirmed:
            row = self.query_one("#articles", DataTable).cursor_row
            self.context.library.remove(item.id)
            self.total = self.context.library.count_where(self.where, cap=COUNT_CAP)
            self._load_window(self.window_start, row)
            self._update_status()
            self.notify(f"Deleted: {item.title}", markup=False)

    def action_rename(self) -> None:
        item = self.highlighted
        if item is not None:
            self.app.push_screen(RenamePrompt(item.title), lambda title: self._rename(item, title))

    def _rename(self, item: LibraryItem, title: str | None) -> None:
        if title and title.strip() and title.strip() != item.title:
            self.context.library.rename(item.id, title)
            self._load_window(self.window_start, self.query_one("#articles", DataTable).cursor_row)
            self.notify(f"Renamed: {' '.join(title.split())}", markup=False)

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

        def progress(done: int, total: int | None) -> None:
            self.post_message(ImportProgress(done, total or done))

        context = self.context.for_thread()
        try:
            report = import_articles(
                paths,
                context.library,
                context.entry_counts,
                progress,
                context.article_names,
                workers=context.import_workers,
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
        self.refresh_rows()
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


def describe_filter(where: LibraryFilter) -> str:
    """The filter in words for the status line. Example: ``from 2024-01 to 2024-03, Top News, unread``."""
    parts = []
    if where.date_from or where.date_to:
        parts.append(" ".join(p for p in (f"from {where.date_from}" if where.date_from else "",
                                          f"to {where.date_to}" if where.date_to else "") if p))
    if where.topic:
        parts.append(where.topic)
    if where.read is not None:
        parts.append("read" if where.read else "unread")
    return ", ".join(parts)


class FilterPrompt(ModalScreen[LibraryFilter | None]):
    """Ask for a date range (YYYY, YYYY-MM or YYYY-MM-DD; either end may stay empty) and a topic."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    FilterPrompt { align: center middle; }
    #filter-box { width: 70; height: auto; border: round $primary; background: $surface; padding: 1 2; }
    """

    def __init__(self, where: LibraryFilter, topics: list[str]) -> None:
        super().__init__()
        self.where = where
        self.topics = topics

    def compose(self) -> ComposeResult:
        from textual.containers import Vertical

        with Vertical(id="filter-box"):
            yield Static(Text("Filter the library (empty: no limit). Enter applies, Esc cancels."))
            yield Input(self.where.date_from or "", placeholder="from (e.g. 2024-01)", id="filter-from")
            yield Input(self.where.date_to or "", placeholder="to (e.g. 2024-03-31)", id="filter-to")
            yield Input(self.where.topic or "", placeholder="topic (e.g. " + (self.topics[0] if self.topics else "Top News") + ")", id="filter-topic")

    @on(Input.Submitted)
    def _submitted(self) -> None:
        import re

        values = {name: self.query_one(f"#filter-{name}", Input).value.strip() for name in ("from", "to", "topic")}
        for name in ("from", "to"):
            if values[name] and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", values[name]):
                self.notify(f"{values[name]}: give a date as YYYY, YYYY-MM or YYYY-MM-DD", severity="error", markup=False)
                return
        topic = values["topic"]
        if topic:
            known = {t.casefold(): t for t in self.topics}
            if topic.casefold() not in known:
                self.notify(f"No topic {topic!r} in the library", severity="error", markup=False)
                return
            topic = known[topic.casefold()]
        self.dismiss(LibraryFilter(date_from=values["from"] or None, date_to=values["to"] or None, topic=topic or None))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDelete(ModalScreen[bool]):
    """Delete an article? y or Enter deletes; n or Esc keeps it."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Delete"),
        Binding("n,escape", "answer(False)", "Keep"),
    ]
    DEFAULT_CSS = """
    ConfirmDelete { align: center middle; }
    #confirm-box { width: 70; height: auto; border: round $error; background: $surface; padding: 1 2; }
    """

    def __init__(self, title: str) -> None:
        super().__init__()
        self.article_title = title

    def compose(self) -> ComposeResult:
        question = Text("Delete from the library?\n\n")
        question.append(self.article_title, style="bold")
        question.append("\n\ny: delete · n or Esc: keep")
        yield Static(question, id="confirm-box")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class RenamePrompt(ModalScreen[str | None]):
    """A new title for an article (Enter keeps it, Esc cancels)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    RenamePrompt { align: center middle; }
    #rename-box { width: 80; height: auto; border: round $primary; background: $surface; padding: 1 2; }
    """

    def __init__(self, title: str) -> None:
        super().__init__()
        self.article_title = title

    def compose(self) -> ComposeResult:
        from textual.containers import Vertical

        with Vertical(id="rename-box"):
            yield Static(Text("Rename the article"))
            yield Input(self.article_title, id="rename-title")

    @on(Input.Submitted, "#rename-title")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value if event.value.strip() else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
