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
