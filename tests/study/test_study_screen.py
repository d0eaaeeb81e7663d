"""The study screen in the app, and the user story: read, study, come back the next day to due cards."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest
from cli_helpers import reader
from conftest import START

from reader.app.app import ReaderApp
from reader.app.screens.study import StudyScreen
from reader.articles.load import load_article
from reader.context import ReaderContext
from reader.paths import DEFAULT_ARTICLE
from reader.study.clock import FixedClock


@pytest.fixture
def app_clock() -> FixedClock:
    return FixedClock(START)


def reader_app(clock: FixedClock) -> ReaderApp:
    """The app on the seed article, whose study sessions live at ``clock``'s time."""
    return ReaderApp(load_article(DEFAULT_ARTICLE), context=ReaderContext(clock=clock))


def run_async(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an async Pilot test with asyncio (the suite has no async plugin)."""

    @functools.wraps(test)
    def wrapper(*args: object, **kwargs: object) -> None:
        asyncio.run(test(*args, **kwargs))

    return wrapper


def text_of(screen: StudyScreen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def study_until_done(app: ReaderApp, pilot, first_rating: str = "3") -> StudyScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, StudyScreen)
    await pilot.press("space", first_rating)  # the first answer with the keys, as a user gives it
    for _ in range(200):
        if screen.finished:
            await pilot.pause()
            return screen
        # The rest through the same actions the keys are bound to: pressing ~70 keys would only slow the suite.
        screen.action_reveal()
        screen.action_rate(3)
    raise AssertionError("the session never ended")


@run_async
async def test_study_screen_reveals_rates_and_sums_up(app_clock: FixedClock, seed_top) -> None:
    app = reader_app(app_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.card is not None
        assert seed_top.en in text_of(screen, "#card-front")
        assert seed_top.ko not in text_of(screen, "#card-back")  # hidden until space
        assert screen.query_one("#rate-3").disabled

        await pilot.press("3")  # rating before the answer is shown does nothing
        assert screen.session.summary.reviewed == 0
        await pilot.press("space")
        assert seed_top.ko in text_of(screen, "#card-back")
        assert str(screen.query_one("#rate-3").label) == "3 Good · 10m"
        assert str(screen.query_one("#rate-1").label) == "1 Again · 1m"

        await pilot.press("4")
        assert screen.session.summary.reviewed == 1
        assert seed_top.en not in text_of(screen, "#card-front")

        await study_until_done(app, pilot)
        summary = text_of(screen, "#study-summary")
        assert "Session done" in summary and "% correct" in summary

        await pilot.press("t")
        stats = text_of(screen, "#study-stats-body")
        assert "Due in the next 30 days" in stats and "Retention" in stats and "learning" in stats
        await pilot.press("escape", "escape")
        assert not isinstance(app.screen, StudyScreen)


@run_async
async def test_a_damaged_store_is_a_notification_not_a_crash(app_clock: FixedClock, monkeypatch) -> None:
    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        from reader.errors import InputError

        raise InputError("/tmp/reader.sqlite3", "database is damaged [/oops]")  # not markup: drawn as typed

    monkeypatch.setattr(ReaderContext, "study_session", broken)
    app = reader_app(app_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "space", "3", "t")
        assert isinstance(app.screen, StudyScreen)
        # Shown as typed: the message is not read as markup (a "[/" from a file name would break it).
        assert any(n.message.endswith("database is damaged [/oops]") and not n.markup for n in app._notifications)
        assert "unavailable" in text_of(app.screen, "#study-summary")


@run_async
async def test_user_story_read_study_quit_and_find_cards_due_the_next_day(app_clock: FixedClock, seed_top) -> None:
    # Day 1: read the seed article (the app marks it opened), study its terms, forget the first one once.
    app = reader_app(app_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        screen = await study_until_done(app, pilot, first_rating="1")
        day1 = screen.session.summary
        assert day1.reviewed > 30 and day1.correct == day1.reviewed - 1
        await pilot.press("escape", "q")

    # Day 2: the forgotten term is due again and comes before any new card.
    app_clock.set(START + timedelta(days=1))
    app = reader_app(app_clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.card is not None
        assert not screen.card.is_new and screen.card.entry.id == seed_top.id
        assert "1 review" in text_of(screen, "#study-header")
        await pilot.press("escape", "q")

    # The same store from the plain command line, the same day: the due card waits there too.
    result = reader(["study", "--now", (START + timedelta(days=1)).isoformat()], _inherited_env(), stdin="")
    assert result.returncode == 0, result.stderr
    assert "Due: 0 learning, 1 review" in result.stdout
    assert f"[review · recognition] Korean for:\n    {seed_top.en}" in result.stdout


def _inherited_env() -> dict[str, str]:
    import os

    # The autouse fixture already points XDG_* at this test's temporary home, which the app just used.
    return {**os.environ, "TZ": "UTC", "PYTHONUNBUFFERED": "1"}
