"""Fitting FSRS parameters to the log (fsrs-rs-python, offline) and rescheduling every card from it."""

from __future__ import annotations

import random
from datetime import UTC

from fsrs import Rating
from sim import play_days

from reader.study.optimize import optimize, training_histories
from reader.study.replay import rebuild_cards
from reader.study.scheduling import StudyScheduler, StudySettings


def test_optimize_fits_new_parameters_and_reschedules_from_the_log(make_session, clock) -> None:
    settings = StudySettings(new_per_day=20)
    session = make_session(settings=settings)
    chance = random.Random(7)
    # A learner who forgets a quarter of the time: the fit should move the defaults.
    play_days(session, clock, 60, lambda _c: Rating.Again if chance.random() < 0.25 else Rating.Good)
    before = session.store.cards()
    assert training_histories(session.store.reviews())

    result = optimize(session.store, settings)
    assert result.changed and result.after != result.before
    assert session.store.parameters() == list(result.after)
    after = session.store.cards()
    assert set(after) == set(before) and result.due_moved > 0
    # The stored cards are exactly the log replayed with the new parameters.
    assert after == rebuild_cards(session.store.reviews(), StudyScheduler(settings, result.after))
    # A new session schedules with them.
    assert make_session(settings=settings).scheduler.parameters == result.after


def test_training_histories_cut_after_each_later_day() -> None:
    from datetime import date, datetime

    from reader.study.store import Review

    def review(day: int, rating: Rating) -> Review:
        moment = datetime(2026, 1, day, 9, tzinfo=UTC)
        return Review(1, "wpk", "recognition", rating, moment, date(2026, 1, day), 1000, 0)

    log = [review(1, Rating.Good), review(1, Rating.Good), review(4, Rating.Again), review(10, Rating.Good)]
    assert training_histories(log) == [[(3, 0), (3, 0), (1, 3)], [(3, 0), (3, 0), (1, 3), (3, 6)]]
