"""Browsing the library screen: a window of rows over the whole list, Home/End, typing from the table, snippets
with the hit highlighted, sort, filters, read/unread, delete with confirmation, rename."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.widgets import DataTable, Input, Static

from reader.app.app import ReaderApp
from reader.app.screens import library as library_screen
from reader.app.screens.library import ConfirmDelete, FilterPrompt, LibraryScreen, RenamePrompt
from reader.articles.load import load_article
from reader.articles.model import Article
from reader.context import ReaderContext
from reader.library.store import LibraryFilter
from reader.paths import DEFAULT_ARTICLE

TOPICS = ("Top News", "Economy", "Culture")


@pytest.fixture
def context(monkeypatch: pytest.MonkeyPatch) -> ReaderContext:
    """30 articles, one a day from 2024-01-01, and a window of 10 rows (so paging shows at this size)."""
    monkeypatch.setattr(library_screen, "PAGE", 10)
    context = ReaderContext()
    articles = [
        Article(
            title=f"Report number {n:02d}" if n != 17 else "Plenary meeting of the Cabinet held",
            date=f"2024-01-{n + 1:02d}",
            paragraphs=[[f"Sentence of report {n}.", "The plenary meeting discussed tasks." if n == 17 else "Nothing."]],
            source=f"r{n}.txt",
            topic=TOPICS[n % 3],
        )
        for n in range(30)
    ]
    context.library.add_many([(article, {}) for article in articles])
    return context


async def _library_app(context: ReaderContext, pilot_size: tuple[int, int] = (120, 40)):  # type: ignore[no-untyped-def]
    app = ReaderApp(load_article(DEFAULT_ARTICLE), context=context)
    return app


async def _open_library(pilot) -> LibraryScreen:  # type: ignore[no-untyped-def]
    app = pilot.app
    while not app.initial_article_recorded:
        await pilot.pause()
    await pilot.press("l")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    return screen


def _highlighted_title(screen: LibraryScreen) -> str:
    item = screen.highlighted
    assert item is not None
    return item.title


async def test_the_table_holds_a_window_and_home_end_reach_the_whole_list(context: ReaderContext) -> None:
    app = await _library_app(context)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_library(pilot)
        table = screen.query_one("#articles", DataTable)
        everything = context.library.page(LibraryFilter(), limit=100)
        assert len(everything) == 31 and table.row_count == 10, "only a window of rows is loaded"
        await pilot.press("down")  # from the search box to the table
        await pilot.press("end")
        assert _highlighted_title(screen) == everything[-1].title
        await pilot.press("home")
        assert _highlighted_title(screen) == everything[0].title
        await pilot.press(*["down"] * 12)
        assert _highlighted_title(screen) == everything[12].title, "moving on past the window loads the next rows"
        await pilot.press(*["up"] * 12)
        assert _highlighted_title(screen) == everything[0].title


async def test_typing_in_the_table_searches_and_the_snippet_highlights_the_hit(context: ReaderContext) -> None:
    app = await _library_app(context)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_library(pilot)
        await pilot.press("down")
        assert isinstance(app.focused, DataTable)
        await pilot.press(*"plenary")
        await pilot.pause()
        assert screen.query_one("#search", Input).value == "plenary"
        assert _highlighted_title(screen) == "Plenary meeting of the Cabinet held"
        snippet = screen.query_one("#snippet", Static)
        text = snippet.content
        assert isinstance(text, Text), "data is drawn as Text spans, never parsed as markup"
        plain = text.plain
        assert "plenary" in plain.lower()
        highlighted = [plain[span.start : span.end].lower() for span in text.spans if "reverse" in str(span.style)]
        assert highlighted and all(word == "plenary" for word in highlighted)


async def test_sort_filter_and_read_state(context: ReaderContext) -> None:
    app = await _library_app(context)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_library(pilot)
        await pilot.press("down", "ctrl+s")  # by title
        table = screen.query_one("#articles", DataTable)
        titles = [str(table.get_row_at(row)[1]) for row in range(table.row_count)]
        assert titles == sorted(titles, key=str.casefold)

        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, FilterPrompt)
        app.screen.query_one("#filter-from", Input).value = "2024-01-10"
        app.screen.query_one("#filter-to", Input).value = "2024-01-19"
        app.screen.query_one("#filter-topic", Input).value = "economy"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        shown = screen.items
        assert shown and all("2024-01-10" <= (i.date or "") <= "2024-01-19" and i.topic == "Economy" for i in shown)
        assert len(shown) == 3

        await pilot.press("ctrl+u")  # unread only: none of these was opened
        assert len(screen.items) == 3
        await pilot.press("ctrl+u")  # read only
        assert screen.items == []


async def test_delete_asks_first_and_rename_changes_the_title(context: ReaderContext) -> None:
    app = await _library_app(context)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_library(pilot)
        await pilot.press("down")
        first = screen.highlighted
        assert first is not None
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDelete)
        await pilot.press("n")
        await pilot.pause()
        assert context.library.item(first.id)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        with pytest.raises(KeyError):
            context.library.item(first.id)
        assert first.id not in [item.id for item in screen.items]

        second = screen.highlighted
        assert second is not None
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, RenamePrompt)
        app.screen.query_one("#rename-title", Input).value = "My [b]own[/b] title"
        await pilot.press("enter")
        await pilot.pause()
        assert context.library.item(second.id).title == "My [b]own[/b] title"
        assert _highlighted_title(screen) == "My [b]own[/b] title", "shown as typed, never as markup"


async def test_leaving_an_article_records_where_the_reader_stopped(context: ReaderContext) -> None:
    app = await _library_app(context)
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.initial_article_recorded:
            await pilot.pause()
        await pilot.press("j", "j", "j")
        reading = app.reading_screen
        assert reading is not None and reading.library_id is not None
        reading.save_position()
        assert context.library.item(reading.library_id).last_sentence == 3
        assert context.library.last_opened().id == reading.library_id
        # The library shows it opened, and where the reader stopped; Enter opens it there.
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await pilot.press("down", "end")  # the seed (2023) is the oldest
        assert screen.highlighted is not None and screen.highlighted.id == reading.library_id
        table = screen.query_one("#articles", DataTable)
        assert str(table.get_row_at(table.cursor_row)[3]) == library_screen.READ_MARK
        assert "stopped at sentence 4 of" in str(screen.query_one("#snippet", Static).content)
        await pilot.press("enter")
        for _ in range(20):
            await pilot.pause()
        assert app.screen is reading and reading.cursor == 3, "opened again where the reader stopped"


async def test_opening_an_imported_file_in_the_app_finds_its_entry(tmp_path, monkeypatch) -> None:
    from pathlib import Path

    from reader.commands.reader import main

    text = "Big Test Article\n\nPyongyang, May 3 (KCNA) -- Kim Jong Un met the Political Bureau.\n"
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["import", "big.txt"]) == 0
    context = ReaderContext()
    before = context.library.count()
    for _ in range(2):
        app = ReaderApp(context.load_article(Path("big.txt"), with_glossary_names=False), context=context)
        async with app.run_test(size=(120, 40)) as pilot:
            while not app.initial_article_recorded:
                await pilot.pause()
    assert context.library.count() == before, "opened twice after its import: still one entry"
    entries = [item for item in context.library.items("big test article")]
    assert len(entries) == 1 and entries[0].source == str(tmp_path / "big.txt") and entries[0].opened_at
