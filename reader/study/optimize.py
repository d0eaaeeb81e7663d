"""Fit FSRS parameters to the user's own review log (fsrs-rs-python: Rust, no torch, offline) and reschedule.

py-fsrs's own optimizer needs torch (hundreds of MB); fsrs-rs-python is 1.5 MB and fits in well under a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from reader.study.deck import StudyError
from reader.study.replay import rebuild_cards
from reader.study.scheduling import StudyScheduler, StudySettings
from reader.study.store import Review, StudyStore


@dataclass(frozen=True)
class OptimizeResult:
    items: int  # training items: (card, history up to a review on a later day)
    before: tuple[float, ...]
    after: tuple[float, ...]
    changed: bool
    cards_rescheduled: int
    due_moved: int  # cards whose due date changed


def training_histories(reviews: list[Review]) -> list[list[tuple[int, int]]]:
    """Each card's history cut after every review on a later day: lists of (rating, days since previous).

    FSRS learns from what happened at a review given the history before it, and it counts whole days.
    Example: Good on day 1, Good on day 1 (same day), Again on day 4 -> one item
    [(3, 0), (3, 0), (1, 3)]; the same-day second review alone is not a training item.
    """
    histories: list[list[tuple[int, int]]] = []
    ordered = sorted(reviews, key=lambda r: (r.card_id, r.reviewed_at))
    for _card_id, card_reviews in groupby(ordered, key=lambda r: r.card_id):
        history: list[tuple[int, int]] = []
        previous_day = None
        for review in card_reviews:
            delta = (review.study_day - previous_day).days if previous_day is not None else 0
            history.append((int(review.rating), delta))
            previous_day = review.study_day
            if len(history) > 1 and delta > 0:
                histories.append(list(history))
    return histories


def fit_parameters(histories: list[list[tuple[int, int]]], start: tuple[float, ...]) -> tuple[float, ...]:
    try:
        import fsrs_rs_python as fsrs_rs
    except ImportError:
        raise StudyError("optimizing needs the fsrs-rs-python package: pip install fsrs-rs-python") from None
    items = [fsrs_rs.FSRSItem([fsrs_rs.FSRSReview(rating, delta) for rating, delta in h]) for h in histories]
    return tuple(float(x) for x in fsrs_rs.FSRS(list(start)).compute_parameters(items))


def optimize(store: StudyStore, settings: StudySettings) -> OptimizeResult:
    """Fit, and when the fit moved the parameters, store them and reschedule every card from the log."""
    reviews = store.reviews()
    current = StudyScheduler(settings, store.parameters())
    histories = training_histories(reviews)
    if not histories:
        raise StudyError("nothing to learn from yet: optimizing needs reviews of the same card on different days")
    fitted = fit_parameters(histories, current.parameters)
    changed = any(abs(a - b) > 1e-6 for a, b in zip(fitted, current.parameters, strict=True))
    if not changed:
        return OptimizeResult(len(histories), current.parameters, fitted, False, 0, 0)
    try:
        scheduler = StudyScheduler(settings, fitted)
    except ValueError as exc:
        raise StudyError(f"the fitted parameters are out of FSRS's bounds ({exc}); kept the current ones") from None
    old_cards = store.cards()
    new_cards = rebuild_cards(reviews, scheduler)
    moved = sum(1 for cid, card in new_cards.items() if cid in old_cards and old_cards[cid].card.due != card.card.due)
    store.save_parameters_and_cards(list(fitted), new_cards.values())
    return OptimizeResult(len(histories), current.parameters, fitted, True, len(new_cards), moved)
