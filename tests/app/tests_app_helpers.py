"""Helpers for driving the app: wait until the reading screen has nothing left to change."""

from __future__ import annotations

import asyncio
import time

from reader.app.screens.reading import ReadingScreen


async def settle(pilot, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until every reading screen has linked its terms and finished (or given up) translating."""
    app = pilot.app
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await pilot.pause()
        screens = [s for s in app.screen_stack if isinstance(s, ReadingScreen)]
        if screens and all(screen.settled for screen in screens):
            await app.workers.wait_for_complete()
            await pilot.pause()
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the reading screen did not settle")
