"""Helpers for driving the app: wait until the reading screen has nothing left to change."""

from __future__ import annotations

import asyncio
import time

from reader.app.screens.reading import ReadingScreen


async def settle(pilot, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until every reading screen has linked its terms, finished (or given up) translating, and its article
    is in the library (which the app records just after the first frame)."""
    app = pilot.app
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await pilot.pause()
        screens = [s for s in app.screen_stack if isinstance(s, ReadingScreen)]
        recorded = getattr(app, "initial_article_recorded", True)
        if recorded and screens and all(screen.settled for screen in screens):
            await app.workers.wait_for_complete()
            await pilot.pause()
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the reading screen did not settle")


async def settle_library(pilot, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Settle the reading screen underneath, then wait until the library screen on top lists every article the
    library holds (the first article is recorded just after the first frame, so the table can lag behind it)."""
    from textual.widgets import DataTable

    from reader.app.screens.library import LibraryScreen

    await settle(pilot, timeout)
    app = pilot.app
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = app.screen
        if isinstance(screen, LibraryScreen):
            table = screen.query_one("#articles", DataTable)
            if table.row_count == screen.context.library.count():
                # A blinking cursor is drawn or not by the clock: the picture must not depend on it.
                screen.query_one("#search").cursor_blink = False
                await pilot.pause()
                return
        await pilot.pause()
        await asyncio.sleep(0.02)
    raise AssertionError("the library screen did not settle")


def pane_lines(pane) -> list[str]:  # type: ignore[no-untyped-def]
    """Every laid-out line of a sentence pane as the plain text a user reads (visible or scrolled away)."""
    return [line.text.plain for line in pane.laid_lines()]


def term_colour(pane, category: str):  # type: ignore[no-untyped-def]
    """The colour terms of ``category`` are drawn in under the pane's current theme."""
    return pane._pane_styles()[f"term-{category}"].color
