"""Study correctness from the bug report: no cards for marks, one count of what is due, ratings after the reveal,
study's own help, a footer that follows the session, an end that says what happened and what is next."""

from __future__ import annotations

import json
import os
import re
from datetime import timedelta

from cli_helpers import cli_env, reader
from conftest import START

from glossary.model import Entry
from reader.app.app import ReaderApp
from reader.app.screens.help import HelpScreen
from reader.app.screens.study import StudyScreen
from reader.articles.load import load_article
from reader.context import ReaderContext
from reader.paths import DEFAULT_ARTICLE
from reader.settings import Settings
from reader.study.cards import kinds_for
from reader.study.clock import FixedClock
from reader.study.export import exportable
from reader.study.plain import summary_line
from reader.study.session import Summary
from reader.study.stats import compute_stats

DUE = re.compile(r"(\d+) learning · (\d+) review · (\d+) new")
#: New cards a day in these tests: a whole day's session stays a few cards long (the app and the CLI alike).
NEW_PER_DAY = 5


def reader_app(clock: FixedClock) -> ReaderApp:
    context = ReaderContext(clock=clock, settings=Settings(new_cards_per_day=NEW_PER_DAY))
    return ReaderApp(load_article(DEFAULT_ARTICLE), context=context)


def text_of(screen: StudyScreen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def footer_descriptions(screen: StudyScreen) -> set[str]:
    """What the footer offers: the shown bindings the screen's ``check_action`` does not hide."""
    return {active.binding.description for active in screen.active_bindings.values() if active.binding.show}


def due_in(text: str) -> tuple[int, int, int]:
    found = DUE.search(text)
    assert found is not None, text
    return int(found[1]), int(found[2]), int(found[3])


def cli_due(moment: str) -> tuple[int, int, int]:
    env = {**os.environ, "TZ": "UTC", "PYTHONUNBUFFERED": "1"}
    result = reader(["study", "stats", "--json", "--now", moment, "--new", str(NEW_PER_DAY)], env)
    assert result.returncode == 0, result.stderr
    due = json.loads(result.stdout)["due"]
    return due["learning"], due["review"], due["new"]


# -- cards ---------------------------------------------------------------------------------------------------


def test_the_end_mark_and_punctuation_make_no_cards(glossary) -> None:
    """KCNA's end mark ``-0-`` became a card ("Korean for: -0-")."""
    end_mark = glossary.get("end-mark")
    assert end_mark is not None and end_mark.en == "-0-"
    assert kinds_for(end_mark) == ()
    assert kinds_for(Entry(id="dash", category="phrase", en="--", ko="—")) == ()
    assert kinds_for(Entry(id="ok", category="phrase", en="WPK", ko="조선로동당"))
    assert all(any(c.isalpha() for c in e.en) for e in exportable(list(glossary)))


def test_a_stored_card_for_a_mark_is_not_shown(make_session, clock) -> None:
    from fsrs import Rating

    from reader.study.cards import card_id_for
    from reader.study.replay import apply_answer
    from reader.study.store import Review

    session = make_session(deck="all")
    # A card an older version made for "-0-", due now.
    card_id = card_id_for("end-mark", "recognition")
    day = session.boundary.study_day(clock.now())
    after = apply_answer(None, "end-mark", "recognition", card_id, Rating.Again, clock.now(), day, session.scheduler)
    session.store.record_answer(Review(card_id, "end-mark", "recognition", Rating.Again, clock.now(), day, 1, 0), after)
    clock.advance(minutes=30)
    seen = set()
    for _ in range(60):
        card = session.next_card()
        if card is None:
            break
        seen.add(card.entry.id)
        session.answer(card, Rating.Easy)
    assert "end-mark" not in seen


# -- what is due: one count everywhere ----------------------------------------------------------------------


async def test_header_card_and_stats_agree_on_what_is_due() -> None:
    """The header said "0 learning · 0 review · 1 new" while the card said "Nothing more is due today", and
    "Due today 10" in stats disagreed with the header."""
    clock = FixedClock(START)
    app = reader_app(clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.session is not None
        at_start = due_in(text_of(screen, "#study-header"))
        assert at_start[2] > 0
        assert at_start == cli_due(START.isoformat())

        for _ in range(3):
            await pilot.press("space", "3")
        middle = due_in(text_of(screen, "#study-header"))
        assert middle[0] == 3, "the three cards answered Good come back later today"
        await pilot.press("t")
        assert due_in(text_of(screen, "#study-stats-body")) == middle
        stats = compute_stats(screen.session)
        assert (stats.due.learning, stats.due.review, stats.due.new) == middle
        assert stats.due_today == middle[0] + middle[1] == stats.forecast[0]
        assert cli_due(START.isoformat()) == middle
        await pilot.press("t")

        for _ in range(300):
            if screen.finished:
                break
            screen.action_reveal()
            screen.action_rate(3)
        await pilot.pause()
        assert screen.finished
        end = text_of(screen, "#study-summary")
        header = due_in(text_of(screen, "#study-header"))
        assert header == (0, 0, 0) and "Nothing more is due today." in end
        assert cli_due(START.isoformat()) == header


# -- the screen follows the session ----------------------------------------------------------------------


async def test_rating_buttons_appear_only_after_the_reveal() -> None:
    app = reader_app(FixedClock(START))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        buttons = screen.query_one("#rating-buttons")
        assert not buttons.display
        assert "Show answer" in footer_descriptions(screen)
        await pilot.press("space")
        assert buttons.display and not screen.query_one("#rate-3").disabled
        assert "Show answer" not in footer_descriptions(screen)
        await pilot.press("3")
        assert not buttons.display, "the next card starts hidden again"


async def test_question_mark_in_study_shows_the_study_keys() -> None:
    app = reader_app(FixedClock(START))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help Static").render())
        assert "Study keys" in text and "show the answer" in text and "Again / Hard / Good / Easy" in text
        assert "Tab / Shift-Tab" not in text, "not the reader's keys"
        await pilot.press("escape")
        assert isinstance(app.screen, StudyScreen)


async def test_the_footer_never_offers_show_answer_after_the_session_ended() -> None:
    app = reader_app(FixedClock(START))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        for _ in range(300):
            if screen.finished:
                break
            screen.action_reveal()
            screen.action_rate(3)
        await pilot.pause()
        assert screen.finished
        offered = footer_descriptions(screen)
        assert "Show answer" not in offered and {"Stats", "Back"} <= offered
        await pilot.press("space", "3")  # nothing to reveal or rate: nothing happens
        assert screen.finished and not screen.query_one("#rating-buttons").display


async def test_the_end_of_a_session_says_what_happened_and_what_is_next() -> None:
    app = reader_app(FixedClock(START))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        await pilot.press("space", "1")
        for _ in range(300):
            if screen.finished:
                break
            screen.action_reveal()
            screen.action_rate(3)
        await pilot.pause()
        end = text_of(screen, "#study-summary")
        assert "Session done" in end
        assert re.search(r"Reviewed \d+ cards, \d+% correct, .*\(Again 1, Good \d+\)", end)
        assert "Nothing more is due today." in end
        assert re.search(r"Next: \d+ cards? due \w{3} \d\d \w{3}\.", end), end
        assert "reader study --deck all" in end and "Esc goes back to reading" in end


async def test_an_empty_session_does_not_say_reviewed_0_cards() -> None:
    """An empty session said "Reviewed 0 cards, 0% correct"."""
    clock = FixedClock(START)
    app = reader_app(clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        for _ in range(300):
            if screen.finished:
                break
            screen.action_reveal()
            screen.action_rate(3)
        await pilot.press("escape")
        clock.advance(minutes=30)
        await pilot.press("s")  # the same day again: nothing is due
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.finished
        end = text_of(screen, "#study-summary")
        assert "Nothing to study now" in end and "Reviewed 0" not in end and "0% correct" not in end
    assert summary_line(Summary()) == "No cards answered in this session."


def test_an_empty_plain_session_does_not_say_reviewed_0_cards(tmp_path, seeded_template) -> None:  # type: ignore[no-untyped-def]
    env = cli_env(tmp_path / "home", seeded_template)
    day = reader(["study", "--now", START.isoformat(), "--new", str(NEW_PER_DAY)], env, stdin="3\n" * 200)
    assert day.returncode == 0, day.stderr
    later = (START + timedelta(minutes=30)).isoformat()
    again = reader(["study", "--now", later, "--new", str(NEW_PER_DAY)], env, stdin="3\n")
    assert again.returncode == 0, again.stderr
    assert "Due: 0 learning, 0 review, 0 new." in again.stdout
    assert "No cards answered in this session." in again.stdout and "0% correct" not in again.stdout
    assert "Nothing more is due today." in again.stdout and "Next:" in again.stdout
