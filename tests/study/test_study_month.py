"""A simulated month of study against a fixed clock: due dates, daily limits, day boundary, siblings, leeches."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from conftest import START, UTC_BOUNDARY
from fsrs import Rating, State
from sim import always, play_day, play_days

from reader.study.clock import DayBoundary
from reader.study.replay import rebuild_cards
from reader.study.scheduling import StudySettings
from reader.study.stats import compute_stats
from reader.study.store import NEW_STATE


def test_a_month_of_good_answers_respects_limits_siblings_and_due_dates(make_session, clock) -> None:
    session = make_session(settings=StudySettings(new_per_day=5))
    shown = play_days(session, clock, 30, always(Rating.Good))

    new_per_day = Counter(s.day for s in shown if s.card.is_new)
    assert max(new_per_day.values()) == 5
    assert new_per_day[START.date()] == 5
    # Every review card was due on the day it was shown (none pulled forward).
    for s in shown:
        if s.card.stored is not None and s.card.stored.card.state == State.Review:
            assert UTC_BOUNDARY.study_day(s.card.stored.card.due) <= s.day
    # Siblings never meet: one kind of card per entry per study day.
    kinds_by_day: dict[tuple, set[str]] = defaultdict(set)
    for s in shown:
        kinds_by_day[(s.day, s.card.entry.id)].add(s.card.kind)
    assert all(len(kinds) == 1 for kinds in kinds_by_day.values())
    # All three kinds were introduced for the most frequent entry of the opened article, on three different days.
    first_days = {s.card.kind: s.day for s in shown if s.card.is_new and s.card.entry.id == session.entries[0].id}
    assert set(first_days) == {"recognition", "production", "cloze"}
    assert len(set(first_days.values())) == 3
    # Good every time: each card's gaps between reviews on different days keep growing.
    days_by_card: dict[int, list] = defaultdict(list)
    for s in shown:
        if not days_by_card[s.card.card_id] or days_by_card[s.card.card_id][-1] != s.day:
            days_by_card[s.card.card_id].append(s.day)
    first_card = days_by_card[shown[0].card.card_id]
    gaps = [(b - a).days for a, b in itertools.pairwise(first_card)]
    assert len(gaps) >= 2 and gaps == sorted(gaps) and gaps[-1] > gaps[0]
    # Nothing left due today after the last session.
    remaining = session.due_today()
    assert remaining.learning == remaining.review == 0


def test_the_log_rebuilds_every_stored_card_exactly(make_session, clock) -> None:
    session = make_session(settings=StudySettings(new_per_day=8))
    pattern = [Rating.Good, Rating.Again, Rating.Good, Rating.Hard, Rating.Easy, Rating.Good, Rating.Again]
    answers = iter(pattern * 1000)
    play_days(session, clock, 30, lambda _card: next(answers))

    stored = session.store.cards()
    rebuilt = rebuild_cards(session.store.reviews(), session.scheduler)
    assert len(stored) > 30 and any(card.lapses for card in stored.values())
    assert rebuilt == stored


def test_review_limit_caps_reviews_and_new_cards_and_carries_the_rest_over(make_session, clock) -> None:
    session = make_session(settings=StudySettings(new_per_day=10))
    play_days(session, clock, 3, always(Rating.Easy))
    introduced = len(session.store.cards())
    assert introduced == 30

    clock.set(START + timedelta(days=90))  # every card is now overdue
    limited = make_session(settings=StudySettings(new_per_day=10, reviews_per_day=4))
    day1 = play_day(limited, clock, always(Rating.Good))
    assert len(day1) == 4 and not any(s.card.is_new for s in day1)  # the review limit also holds new cards back
    assert limited.due_today().review == 0  # today's allowance is spent...
    clock.advance(days=1)
    day2 = play_day(limited, clock, always(Rating.Good))
    assert len(day2) == 4 and {s.card.card_id for s in day2}.isdisjoint(
        s.card.card_id for s in day1
    )  # ...the rest waits


def test_day_boundary_at_four_am_local(make_session, clock) -> None:
    session = make_session(settings=StudySettings(new_per_day=3))
    assert sum(s.card.is_new for s in play_day(session, clock, always(Rating.Good))) == 3

    clock.set(datetime(2026, 1, 6, 3, 30, tzinfo=UTC))  # after midnight, before the rollover
    assert session.next_card() is None
    clock.set(datetime(2026, 1, 6, 4, 0, tzinfo=UTC))
    assert sum(s.card.is_new for s in play_day(session, clock, always(Rating.Good))) == 3

    seoul = DayBoundary(rollover_hour=4, tz=ZoneInfo("Asia/Seoul"))
    # 19:30 UTC is 04:30 the next morning in Seoul: already the next study day there.
    assert seoul.study_day(datetime(2026, 1, 6, 19, 30, tzinfo=UTC)).isoformat() == "2026-01-07"
    assert seoul.study_day(datetime(2026, 1, 6, 18, 30, tzinfo=UTC)).isoformat() == "2026-01-06"


def test_cards_forgotten_eight_times_are_listed_as_leeches(make_session, clock) -> None:
    session = make_session(settings=StudySettings(new_per_day=1))

    def forget_learnt(card) -> Rating:  # type: ignore[no-untyped-def]
        return Rating.Again if card.stored is not None and card.stored.card.state == State.Review else Rating.Good

    play_days(session, clock, 45, forget_learnt)
    lapses = Counter(
        r.card_id for r in session.store.reviews() if r.state_before == int(State.Review) and r.rating == Rating.Again
    )
    leeches = compute_stats(session).leeches
    expected = {cid for cid, n in lapses.items() if n >= 8}
    assert expected, "the simulation should have produced a leech"
    stored = session.store.cards()
    assert {(leech.entry_id, leech.kind) for leech in leeches} == {
        (stored[cid].entry_id, stored[cid].kind) for cid in expected
    }
    assert all(leech.lapses >= 8 for leech in leeches)
    # A leech is set aside: it is not shown when due...
    leech_card = stored[next(iter(expected))]
    clock.set(leech_card.card.due)
    shown = session.next_card()
    assert shown is None or shown.card_id != leech_card.card_id
    # ...until the user restores it; shown again, it says so on the card.
    session.store.restore(leech_card.entry_id)
    shown = session.next_card()
    assert shown is not None and shown.stored is not None and shown.stored.lapses >= 8
    assert shown.leech and shown.label.endswith(" · leech")  # set aside at its last lapse: relearning


def test_a_new_cards_sibling_waits_for_the_next_day(make_session, clock) -> None:
    session = make_session(settings=StudySettings(new_per_day=100))
    day1 = play_day(session, clock, always(Rating.Good))
    entries_day1 = {s.card.entry.id for s in day1}
    assert {s.card.kind for s in day1} <= {"recognition", "cloze"}  # cloze only for cloze-only entries
    assert all(s.card.kind != "production" for s in day1)
    clock.advance(days=1)
    day2 = play_day(session, clock, always(Rating.Good))
    new_day2 = [s for s in day2 if s.card.is_new]
    assert {s.card.kind for s in new_day2} == {"production"} | ({"cloze"} & {s.card.kind for s in new_day2})
    assert {s.card.entry.id for s in new_day2 if s.card.kind == "production"} <= entries_day1
    # The new-card count in the log matches what the session showed.
    today_new = {
        r.card_id
        for r in session.store.reviews(since_day=UTC_BOUNDARY.study_day(clock.now()))
        if r.state_before == NEW_STATE
    }
    assert today_new == {s.card.card_id for s in new_day2}
