"""Data is never markup: titles, paths, bodies and glossary text with markup-like brackets show literally on every
screen (reading, panel, library, palette, help, study, import prompt) and never crash or act.

Each reproduction of the bug report is a named test here; ``test_every_screen_shows_hostile_text_literally``
walks the whole app once with all of them.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from tests_app_helpers import pane_lines, settle
from textual.command import CommandList, CommandPalette
from textual.widgets import DataTable
from textual.widgets._toast import Toast

from reader.app.app import ReaderApp
from reader.app.commands import highlight_literal
from reader.app.screens.help import HelpScreen
from reader.app.screens.library import ImportPrompt, LibraryScreen
from reader.app.screens.reading import ReadingScreen
from reader.app.screens.study import StudyScreen
from reader.articles.load import parse_text
from reader.context import ReaderContext

#: Titles from the report: one that made Ctrl-P raise MarkupError on every start, two that were styled or live.
BROKEN_TITLE = "Future [/b] broken [red]title"
CLICK_TITLE = "[@click=app.quit]q[/]"
BOLD_TITLE = "[b]x[/b]"
HOSTILE_TITLES = (BROKEN_TITLE, CLICK_TITLE, BOLD_TITLE)
#: Paths from the report: Ctrl-O crashed on the first; the second showed as "kcna /a.txt".
MISSING_PATH = "drafts/[/b]nothing"
BRACKET_FOLDER = "kcna [draft]"
HOSTILE_BODY = "Kim Jong Un read [b]bold[/b] words, [@click=app.quit]a link[/] and [red]unclosed colour."


def hostile_article_text(title: str, number: int) -> str:
    return (
        f"{title}\n2024-05-0{number + 1}\n"
        f"Pyongyang, May {number + 1} (KCNA) -- {HOSTILE_BODY} Story number {number} closes here.\n-0-\n"
    )


def add_hostile_articles() -> None:
    """The three hostile titles in the library (as an import would leave them), before the app starts."""
    context = ReaderContext()
    context.ensure_seeded()
    for number, title in enumerate(HOSTILE_TITLES):
        article = parse_text(hostile_article_text(title, number), source=f"hostile-{number}.txt")
        assert article.title == title
        context.library.add(article, context.entry_counts(article))
    context.conn.close()


def screen_text(app: ReaderApp) -> str:
    """What the terminal shows now: the composed lines of the current screen (modals over their background)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def palette_prompts(app: ReaderApp) -> list[str]:
    """The plain text of every hit the open command palette lists."""
    if not isinstance(app.screen, CommandPalette):
        return []
    commands = app.screen.query_one(CommandList)
    return [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]


async def palette_shows(pilot, *texts: str, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until the palette lists a hit containing each of ``texts`` (it gathers hits asynchronously)."""
    deadline = time.monotonic() + timeout
    while True:
        await pilot.pause(0.05)
        prompts = palette_prompts(pilot.app)
        if all(any(text in prompt for prompt in prompts) for text in texts) or time.monotonic() > deadline:
            for text in texts:
                assert any(text in prompt for prompt in prompts), prompts
            return


def toast_texts(app: ReaderApp) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query(Toast)]


def hostile_app() -> ReaderApp:
    article = parse_text(hostile_article_text(BROKEN_TITLE, 0), source="hostile-0.txt")
    return ReaderApp(article)


# -- the palette ---------------------------------------------------------------------------------------------


def test_palette_highlight_keeps_the_literal_title() -> None:
    from textual.fuzzy import Matcher

    for title in HOSTILE_TITLES:
        content = highlight_literal(Matcher("b"), title, prefix="Open: ")
        assert content.plain == "Open: " + title
        assert all("bold" not in str(span.style) for span in content.spans), "only the match style, never the title's"
    assert highlight_literal(Matcher("brk"), BROKEN_TITLE).spans, "the matched characters are still highlighted"


async def test_palette_survives_a_title_that_breaks_markup() -> None:
    """``Future [/b] broken [red]title`` among the 20 newest made Ctrl-P raise MarkupError on every start."""
    add_hostile_articles()
    app = hostile_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await palette_shows(pilot, f"Open: {BROKEN_TITLE}")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"broken")
        await palette_shows(pilot, BROKEN_TITLE)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen) and app.screen.article.title == BROKEN_TITLE
        assert app.is_running


async def test_palette_shows_markup_like_titles_literally_and_they_do_nothing() -> None:
    """``[b]x[/b]`` was drawn bold and ``[@click=app.quit]q[/]`` was a live link in the palette."""
    add_hostile_articles()
    app = hostile_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await palette_shows(pilot, f"Open: {CLICK_TITLE}", f"Open: {BOLD_TITLE}")
        await pilot.press(*"click")
        await palette_shows(pilot, CLICK_TITLE)
        await pilot.press("enter")  # opens the article; the title's "action" never runs
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, ReadingScreen) and app.screen.article.title == CLICK_TITLE


# -- notifications and the import prompt -----------------------------------------------------------------


async def test_import_prompt_shows_a_missing_path_with_brackets_literally() -> None:
    """Ctrl-O with ``drafts/[/b]nothing`` crashed the app with MarkupError."""
    app = ReaderApp(parse_text(hostile_article_text(BOLD_TITLE, 2)), open_library=True)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ImportPrompt)
        await pilot.press(*MISSING_PATH, "enter")
        await pilot.pause(0.3)
        assert app.is_running
        assert any(f"{MISSING_PATH}: no such file or folder" in text for text in toast_texts(app))
        assert MISSING_PATH in screen_text(app)


async def test_import_errors_show_bracketed_paths_literally(tmp_path: Path) -> None:
    """An error about ``kcna [draft]/a.txt`` was shown as ``kcna /a.txt``."""
    folder = tmp_path / BRACKET_FOLDER
    folder.mkdir()
    (folder / "a.txt").write_text("", encoding="utf-8")
    (folder / "b.txt").write_text(hostile_article_text(BROKEN_TITLE, 1), encoding="utf-8")
    app = ReaderApp(parse_text(hostile_article_text(BOLD_TITLE, 2)), open_library=True)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press(*str(folder), "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        assert isinstance(app.screen, LibraryScreen)
        toasts = toast_texts(app)
        assert any(f"{BRACKET_FOLDER}{os.sep}a.txt" in text and "empty file" in text for text in toasts), toasts
        table = app.screen.query_one("#articles", DataTable)
        titles = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert BROKEN_TITLE in titles


# -- every screen at once ----------------------------------------------------------------------------------


@pytest.fixture
def hostile_user_glossary(isolated_dirs: Path) -> str:
    """A user glossary entry whose English, Korean and note look like markup (its id is returned)."""
    folder = isolated_dirs / "xdg_config_home" / "kcna-reader" / "glossary"
    folder.mkdir(parents=True)
    (folder / "hostile.yaml").write_text(
        "- id: hostile-term\n"
        "  category: phrase\n"
        '  en: "Future [/b] broken [red]title"\n'
        '  ko: "미래 [b]굵게[/b]"\n'
        '  note: "Its note says [@click=app.quit]quit[/] and [red]red."\n'
        '  sources: ["a test"]\n'
        "  verified: false\n",
        encoding="utf-8",
    )
    return "hostile-term"


async def test_every_screen_shows_hostile_text_literally(hostile_user_glossary: str, tmp_path: Path) -> None:
    add_hostile_articles()
    # The opened article uses the hostile term most, so it is the first card of the study session.
    body = " ".join(f"Sentence {n} mentions the {BROKEN_TITLE} plan again." for n in range(4))
    opened = parse_text(
        f"{BROKEN_TITLE}\n2024-06-01\nPyongyang, June 1 (KCNA) -- {HOSTILE_BODY} {body}\n-0-\n", source="opened.txt"
    )
    app = ReaderApp(opened)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        # Reading: the title in the header, the body in the source pane.
        reading = app.screen
        await settle(pilot)
        assert isinstance(reading, ReadingScreen)
        shown = screen_text(app)
        assert BROKEN_TITLE in shown
        assert "[b]bold[/b]" in "\n".join(pane_lines(reading.source_pane))

        # Panel: Kim Jong Un is used by the other hostile articles, listed by their literal titles.
        reading.show_entry("kim-jong-un")
        await pilot.pause()
        panel = str(reading.query_one("#panel-body").render())
        assert CLICK_TITLE in panel and BOLD_TITLE in panel
        # Concordance and people: the hostile body as context, the hostile titles as cells.
        for key, expected in (("c", "[b]bold[/b]"), ("p", CLICK_TITLE)):
            await pilot.press(key)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen is not reading
            table = app.screen.query_one("#evidence-rows", DataTable)
            cells = [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]
            assert any(expected in cell for cell in cells), cells
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is reading
        # The hostile user entry's own panel.
        reading.show_entry(hostile_user_glossary)
        await pilot.pause()
        panel = str(reading.query_one("#panel-body").render())
        assert "미래 [b]굵게[/b]" in panel and "[@click=app.quit]quit[/]" in panel

        # Library: the titles as cells.
        await pilot.press("escape", "l")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        shown = screen_text(app)
        assert all(title in shown for title in HOSTILE_TITLES)

        # Import prompt: a hostile path that does not exist.
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press(*MISSING_PATH, "enter")
        await pilot.pause()
        assert any(MISSING_PATH in text for text in toast_texts(app))
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is reading

        # Palette: discovery lists the newest titles, a search finds the hostile entry and titles.
        await pilot.press("ctrl+p")
        await palette_shows(pilot, *(f"Open: {title}" for title in HOSTILE_TITLES))
        await pilot.press(*"future broken")
        await palette_shows(pilot, f"{BROKEN_TITLE} — 미래 [b]굵게[/b]")
        await pilot.press("escape")
        await pilot.pause()

        # Help: opens and closes over hostile data without trouble.
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()

        # Study: the hostile entry is the first card, front and back literal.
        await pilot.press("s")
        await pilot.pause()
        study = app.screen
        assert isinstance(study, StudyScreen)
        assert study.card is not None and study.card.entry.id == hostile_user_glossary
        assert BROKEN_TITLE in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        shown = screen_text(app)
        assert "미래 [b]굵게[/b]" in shown and "[@click=app.quit]quit[/]" in shown
        await pilot.click("#card-back")  # a click on the note's "link" does nothing
        await pilot.pause()
        assert app.is_running
