"""Undo, bury, suspend, "I know this" and leeches set aside: the study session keeps what the user decided."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import START
from fsrs import Rating

from reader.study.session import StudySession
from reader.study.store import StudyStore


def _answer(session: StudySession, rating: Rating = Rating.Good):  # type: ignore[no-untyped-def]
    card = session.next_card()
    assert card is not None
    session.answer(card, rating)
    return card


def test_undo_takes_back_the_last_answer_and_the_card_comes_back(make_session) -> None:  # type: ignore[no-untyped-def]
    session = make_session()
    before_log = session.store.review_count()
    first = _answer(session, Rating.Easy)
    remaining_after = session.due_today()
    again = session.undo()
    assert again is not None and (again.entry.id, again.kind) == (first.entry.id, first.kind)
    assert again.is_new  # its only review is gone: the card is new again
    assert session.store.review_count() == before_log and session.summary.reviewed == 0
    assert session.due_today().new == remaining_after.new + 1
    assert session.undo() is None  # nothing more of this session to undo


def test_undo_of_a_later_answer_rebuilds_the_card_from_the_rest_of_its_log(make_session, clock) -> None:  # type: ignore[no-untyped-def]
    session = make_session()
    card = _answer(session, Rating.Good)
    clock.set(START + timedelta(minutes=11))
    while (due := session.next_card()) is not None and due.card_id != card.card_id:
        session.answer(due, Rating.Good)
    assert due is not None
    stored_before = session.store.cards()[card.card_id]
    session.answer(due, Rating.Again)
    restored = session.undo()
    assert restored is not None and restored.stored == stored_before


def test_buried_cards_come_back_the_next_day_suspended_and_known_do_not(make_session, clock) -> None:  # type: ignore[no-untyped-def]
    session = make_session()
    buried, suspended = session.next_card(), None
    assert buried is not None
    session.bury(buried)
    suspended = session.next_card()
    assert suspended is not None and suspended.entry.id != buried.entry.id
    session.suspend(suspended)
    known = session.next_card()
    assert known is not None
    session.know(known.entry.id)
    shown_today = set()
    while (card := session.next_card()) is not None:
        shown_today.add(card.entry.id)
        session.answer(card, Rating.Easy)
    assert {buried.entry.id, suspended.entry.id, known.entry.id}.isdisjoint(shown_today)

    clock.set(START + timedelta(days=1))
    tomorrow = StudySession(session.store, session.sources, clock, settings=session.settings, boundary=session.boundary)
    seen = set()
    while (card := tomorrow.next_card()) is not None:
        seen.add((card.entry.id, card.kind))
        tomorrow.answer(card, Rating.Easy)
    assert (buried.entry.id, buried.kind) in seen
    assert (suspended.entry.id, suspended.kind) not in seen
    assert all(entry_id != known.entry.id for entry_id, _ in seen)


def test_a_card_becomes_a_leech_is_set_aside_and_undo_brings_it_back(make_session, clock) -> None:  # type: ignore[no-untyped-def]
    from reader.study.scheduling import StudySettings

    session = make_session(settings=StudySettings(leech_lapses=2, new_per_day=1))
    card = _answer(session, Rating.Easy)  # straight to review
    lapses = 0
    day = 0
    while session.new_leech is None:
        day += 1
        assert day < 60, "the card never became a leech"
        clock.set(START + timedelta(days=day * 30))
        due = session.next_card()
        if due is None or due.card_id != card.card_id:
            continue
        session.answer(due, Rating.Again if due.stored and due.stored.card.state.name == "Review" else Rating.Easy)
        lapses = session.store.cards()[card.card_id].lapses
    assert session.new_leech.id == card.entry.id and lapses == 2
    day_of = session.boundary.study_day(clock.now())
    assert session.store.set_aside_on(day_of)[(card.entry.id, card.kind)] == "leech"
    session.undo()
    assert (card.entry.id, card.kind) not in session.store.set_aside_on(day_of)


def test_reader_study_aside_and_restore(seeded_template, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    import json
    import shutil

    from reader.commands.reader import main
    from reader.paths import store_path
    from reader.store.db import open_store

    store_path().parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(seeded_template, store_path())
    StudyStore(open_store(store_path())).set_aside("wpk", "*", "known", START)
    assert main(["study", "aside", "--json"]) == 0
    assert {"entry_id": "wpk", "kind": "*", "reason": "known"} in json.loads(capsys.readouterr().out)
    assert main(["study", "restore", "WPK"]) == 0
    assert "Restored 1 set-aside card(s) of Workers' Party of Korea." in capsys.readouterr().out
    assert main(["study", "restore", "wpk"]) == 1
    assert main(["study", "aside"]) == 0
    assert "No cards are set aside." in capsys.readouterr().out
