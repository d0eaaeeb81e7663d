"""A snapshot of every screen at 120x40 and 80x24 (pytest-textual-snapshot; update with --snapshot-update).

The app runs with no translation model, in temporary XDG dirs, so the pictures depend only on the seeds, the
glossary data and the code. After a deliberate change, regenerate them and look at the report before committing.
"""

from __future__ import annotations

from datetime import UTC

import pytest
from tests_app_helpers import settle, settle_library

from reader.app.app import ReaderApp
from reader.articles.load import load_article
from reader.paths import DEFAULT_ARTICLE

SIZES = [(120, 40), (80, 24)]


async def _settled(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_reading_screen(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(ReaderApp(load_article(DEFAULT_ARTICLE)), terminal_size=size, run_before=_settled)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_glossary_panel(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def open_panel(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settled(pilot)
        await pilot.press("j", "tab")
        await pilot.pause()

    assert snap_compare(ReaderApp(load_article(DEFAULT_ARTICLE)), terminal_size=size, run_before=open_panel)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_library_screen(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = ReaderApp(load_article(DEFAULT_ARTICLE), open_library=True)
    assert snap_compare(app, terminal_size=size, run_before=settle_library)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_screen(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def open_help(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settled(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(ReaderApp(load_article(DEFAULT_ARTICLE)), terminal_size=size, run_before=open_help)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_study_screen(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """A card with its answer shown; a fixed clock keeps the intervals on the buttons the same every run."""
    from datetime import datetime

    from reader.app.screens.study import StudyScreen
    from reader.study.clock import FixedClock

    async def study(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settled(pilot)
        pilot.app.context.clock = FixedClock(datetime(2026, 11, 28, 9, 0, tzinfo=UTC))
        await pilot.app.push_screen(StudyScreen(pilot.app.context))
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()

    assert snap_compare(ReaderApp(load_article(DEFAULT_ARTICLE)), terminal_size=size, run_before=study)
