"""Start-up warnings reach the screen: as notifications, and beside the item they concern (the panel of a glossary
entry whose user version was skipped, the header of an article read with invalid UTF-8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests_app_helpers import settle
from textual.widgets import Static

from reader.app.app import ReaderApp
from reader.app.screens.reading import ReadingScreen
from reader.articles.load import load_article
from reader.commands.glossary import main as glossary_main
from reader.paths import DEFAULT_ARTICLE

#: A user glossary overriding the curated ``wpk`` and adding ``my-term``; ``verified: maybe`` breaks the file.
BROKEN_USER_GLOSSARY = (
    "- id: wpk\n  en: \"Workers' Party of Korea\"\n  ko: 조선로동당\n  note: My own note.\n"
    "  sources: [mine]\n  verified: false\n"
    "- id: my-term\n  en: My Special Term\n  ko: 나의 용어\n  note: Mine.\n  sources: [mine]\n  verified: maybe\n"
)


@pytest.fixture
def broken_user_glossary(isolated_dirs: Path) -> Path:
    folder = isolated_dirs / "xdg_config_home" / "kcna-reader" / "glossary"
    folder.mkdir(parents=True)
    path = folder / "mine.yaml"
    path.write_text(BROKEN_USER_GLOSSARY, encoding="utf-8")
    return path


def notifications(app: ReaderApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_a_skipped_user_entry_is_explained_in_its_panel(broken_user_glossary: Path) -> None:
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _reading(app, pilot)
        assert any("mine.yaml:" in text and "user glossary skipped" in text for text in notifications(app))
        # The curated WPK is in use; its panel says the user's version was not, and why.
        screen.show_entry("wpk")
        await pilot.pause()
        panel = str(screen.query_one("#panel-body", Static).render())
        assert "Workers' Party of Korea" in panel
        assert "your entry at" in panel and "mine.yaml:1 is not used" in panel and "verified" in panel


async def test_looking_up_an_entry_of_a_skipped_file_says_why(broken_user_glossary: Path) -> None:
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _reading(app, pilot)
        screen.show_entry("my-term")
        await pilot.pause()
        reasons = [text for text in notifications(app) if "my-term" not in text and "mine.yaml:7 is not used" in text]
        assert reasons and "'verified' must be true or false" in reasons[0]


def test_glossary_show_of_a_skipped_entry_says_why(broken_user_glossary: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert glossary_main(["show", "my-term"]) == 1
    err = capsys.readouterr().err
    assert "no entry with id 'my-term'" in err and "mine.yaml:7 is not used" in err


async def test_invalid_utf8_shows_in_the_article_header_and_as_a_notification(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"Broken Bytes Story\n2024-02-02\nPyongyang, February 2 (KCNA) -- Bad \xff\xfe bytes.\n-0-\n")
    app = ReaderApp(load_article(path))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _reading(app, pilot)
        assert any("invalid UTF-8" in text for text in notifications(app))
        header = str(screen.query_one("#article-header", Static).render())
        assert "Broken Bytes Story" in header and "invalid UTF-8 at byte" in header


async def _reading(app: ReaderApp, pilot) -> ReadingScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    return screen
