"""The library screen: seeded on first start, searchable, Enter opens; the command palette and help."""

from __future__ import annotations

from tests_app_helpers import settle
from textual.widgets import DataTable, Input

from reader.app.app import ReaderApp
from reader.app.screens.library import LibraryScreen
from reader.app.screens.reading import ReadingScreen
from reader.articles.load import load_article
from reader.paths import DEFAULT_ARTICLE, SEEDS_DIR


async def test_library_lists_seeds_searches_and_opens() -> None:
    app = ReaderApp(load_article(DEFAULT_ARTICLE), open_library=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one("#articles", DataTable)
        assert table.row_count == len(list(SEEDS_DIR.glob("*.txt")))
        assert isinstance(app.focused, Input), "typing searches at once"
        await pilot.press(*"yo jong")
        await pilot.pause()
        assert table.row_count >= 1
        titles = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert any("Kim Yo Jong" in title for title in titles)
        await pilot.press("enter")  # to the table
        await pilot.press("enter")  # open the first hit
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article.title == titles[0]


async def test_fast_typing_and_enter_open_the_searched_article() -> None:
    """Keys sent at once (a paste, a fast typist) must not run ahead of the search."""
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l", *"yo jong", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert "Kim Yo Jong" in app.screen.article.title


async def test_l_opens_the_library_and_escape_returns() -> None:
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_command_palette_looks_up_a_glossary_entry() -> None:
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"Political Bureau")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        assert screen.query_one("#panel").display
        from textual.widgets import Static

        assert "Political Bureau" in str(screen.query_one("#panel-body", Static).render())


async def test_help_lists_keys_and_term_colours() -> None:
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        from textual.widgets import Static

        text = str(app.screen.query_one(Static).render())
        assert "Tab / Shift-Tab" in text and "party-body" in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_import_from_the_library_shows_progress_and_new_rows(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "new"
    folder.mkdir()
    for number in range(5):
        (folder / f"story-{number}.txt").write_text(
            f"Imported Story {number}\n2024-05-0{number + 1}\n"
            f"Pyongyang, May {number + 1} (KCNA) -- Story number {number} arrived.\n-0-\n",
            encoding="utf-8",
        )
    progress_seen: list[tuple[int, int]] = []
    app = ReaderApp(load_article(DEFAULT_ARTICLE), open_library=True)

    def hook(message) -> None:  # type: ignore[no-untyped-def]
        from reader.app.messages import ImportProgress

        if isinstance(message, ImportProgress):
            progress_seen.append((message.done, message.total))

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#articles", DataTable)
        before = table.row_count
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press(*str(folder))
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert table.row_count == before + 5
        assert progress_seen and progress_seen[-1] == (5, 5)
