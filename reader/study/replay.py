"""One answer applied to a card, and the whole card table rebuilt from the review log with it.

The session and the rebuild share ``apply_answer``, so a rebuilt card is the stored card exactly; after
``reader study optimize`` the same replay reschedules every card with the fitted parameters.
"""

from __future__ import annotations

from datetime import date, datetime

from fsrs import Rating, State

from reader.study.scheduling import StudyScheduler
from reader.study.store import NEW_STATE, Review, StoredCard, new_fsrs_card


def apply_answer(
    before: StoredCard | None,
    entry_id: str,
    kind: str,
    card_id: int,
    rating: Rating,
    reviewed_at: datetime,
    study_day: date,
    scheduler: StudyScheduler,
) -> StoredCard:
    """The card after one answer; ``before`` is None for a new card.

    A lapse is Again on a card in Review (forgetting something learnt), not Again while still learning.
    Example: Good, Good (now Review), Again -> lapses 1, state Relearning.
    """
    card = before.card if before is not None else new_fsrs_card(card_id, reviewed_at)
    after = scheduler.review(card, rating, reviewed_at)
    lapsed = before is not None and before.card.state == State.Review and rating == Rating.Again
    return StoredCard(
        entry_id=entry_id,
        kind=kind,
        card=after,
        reps=(before.reps if before else 0) + 1,
        lapses=(before.lapses if before else 0) + int(lapsed),
        first_day=before.first_day if before else study_day,
    )


def state_before(before: StoredCard | None) -> int:
    return int(before.card.state) if before is not None else NEW_STATE


def rebuild_cards(reviews: list[Review], scheduler: StudyScheduler) -> dict[int, StoredCard]:
    """Every card as the log says it should be, replaying each review in order."""
    cards: dict[int, StoredCard] = {}
    for review in reviews:
        cards[review.card_id] = apply_answer(
            cards.get(review.card_id),
            review.entry_id,
            review.kind,
            review.card_id,
            review.rating,
            review.reviewed_at,
            review.study_day,
            scheduler,
        )
    return cards
