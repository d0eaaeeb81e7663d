"""A study session: what to show next (queues, daily limits, siblings, learn-ahead) and recording answers.

Order, as in Anki: learning cards due now, then reviews due today, then new cards; when none is left,
learning cards due within 20 minutes are shown early rather than making the user wait.
Siblings (the cards of one entry) never meet on one study day: once one is answered, the others wait.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from fsrs import Rating, State

from glossary.model import Entry
from reader.study.cards import CardFaces, Cloze, ClozeIndex, card_id_for, faces_for, kinds_for
from reader.study.clock import Clock, DayBoundary
from reader.study.deck import deck_entries, new_card_keys
from reader.study.replay import apply_answer, rebuild_cards, state_before
from reader.study.scheduling import StudyScheduler, StudySettings
from reader.study.store import NEW_STATE, Review, StoredCard, StudyStore, new_fsrs_card

if TYPE_CHECKING:
    from glossary.data import Glossary
    from glossary.match import Matcher
    from reader.library.store import Library

LEARN_AHEAD = timedelta(minutes=20)
#: Answer time is capped like Anki's timer, so a card left on screen over lunch does not skew the stats.
MAX_ANSWER_MS = 60_000


@dataclass(frozen=True)
class DueCard:
    """The card on screen, with what each button would do."""

    entry: Entry
    kind: str
    card_id: int
    stored: StoredCard | None  # None: a new card
    faces: CardFaces
    intervals: dict[Rating, timedelta]
    shown_at: datetime
    shown_monotonic: float

    leech: bool = False  # lapsed at least ``leech_lapses`` times: the user may want to rewrite or drop it

    @property
    def is_new(self) -> bool:
        return self.stored is None

    @property
    def label(self) -> str:
        """``new``, ``learning``, ``review`` or ``relearning``, with ``leech`` when it is one."""
        state = "new" if self.stored is None else self.stored.card.state.name.lower()
        return f"{state} · leech" if self.leech else state


@dataclass
class Summary:
    reviewed: int = 0
    correct: int = 0
    seconds: float = 0.0
    ratings: dict[Rating, int] = field(default_factory=dict)

    @property
    def correct_share(self) -> float:
        return self.correct / self.reviewed if self.reviewed else 0.0


@dataclass(frozen=True)
class Remaining:
    learning: int
    review: int
    new: int


@dataclass
class StudySources:
    """Where card text comes from."""

    glossary: Glossary
    library: Library
    matcher: Matcher


class StudySession:
    def __init__(
        self,
        store: StudyStore,
        sources: StudySources,
        clock: Clock,
        *,
        settings: StudySettings | None = None,
        boundary: DayBoundary | None = None,
        deck: str = "opened",
        category: str | None = None,
    ) -> None:
        self.store = store
        self.sources = sources
        self.clock = clock
        self.settings = settings or StudySettings()
        self.boundary = boundary or DayBoundary()
        self.scheduler = StudyScheduler(self.settings, store.parameters())
        self.category = category
        self.entries = deck_entries(sources.glossary, sources.library.entry_counts_of_opened(), deck, category)
        self.summary = Summary()
        #: The entry whose card the last answer made a leech (and so set aside), for the screen to say so.
        self.new_leech: Entry | None = None
        self._clozes: dict[str, Cloze | None] = {}
        self._cloze_index = ClozeIndex(sources.library, sources.matcher)

    # -- choosing ------------------------------------------------------------------------------------------

    def next_card(self) -> DueCard | None:
        """The card to show now, or None when the session is over for today."""
        for queue in self._queues(self.clock.now()):
            if queue:
                return self._prepare(*queue[0])
        return None

    def due_today(self) -> Remaining:
        """What is still due on the current study day: the one count every view shows (the study screen's header
        and its end, the plain session, ``reader study stats``), so they cannot disagree.

        ``learning``: learning and relearning cards due before the day ends (those coming back later today too);
        ``review``: review cards due today, within the daily limit; ``new``: new cards still allowed today.
        Cards held back because a sibling was answered today are not counted: they are not shown today either.
        Example: three new cards answered Good at 09:00 leave ``Remaining(learning=3, review=0, new=17)``
        with the default limit of 20 new cards, the three coming back at 09:10.
        """
        now = self.clock.now()
        day_end = self.boundary.day_end(self.boundary.study_day(now))
        learning, review, new, _early = self._queues(now, learn_ahead=False, learning_until=day_end)
        return Remaining(len(learning), len(review), len(new))

    def _queues(
        self, now: datetime, learn_ahead: bool = True, learning_until: datetime | None = None
    ) -> list[list[tuple[Entry, str, StoredCard | None]]]:
        """The learning (due by ``learning_until``, default now), review, new and learn-ahead queues, in order."""
        day = self.boundary.study_day(now)
        day_end = self.boundary.day_end(day)
        learning_until = learning_until or now
        today = self.store.reviews(since_day=day)
        touched: dict[str, set[int]] = {}
        for review in today:
            touched.setdefault(review.entry_id, set()).add(review.card_id)
        new_today = len({r.card_id for r in today if r.state_before == NEW_STATE})
        reviews_today = len({r.card_id for r in today if r.state_before == int(State.Review)})

        horizon = max(day_end, now + LEARN_AHEAD)
        aside = self.store.set_aside_on(day)

        def shown(entry_id: str, kind: str) -> bool:
            return (entry_id, kind) not in aside and (entry_id, "*") not in aside and self._usable(entry_id, kind)

        stored = [c for c in self.store.cards_due_before(horizon) if shown(c.entry_id, c.kind)]

        def allowed(card: StoredCard) -> bool:
            return card.entry_id not in touched or card.card_id in touched[card.entry_id]

        learning = sorted(
            (c for c in stored if c.card.state != State.Review and c.card.due <= learning_until and allowed(c)),
            key=lambda c: c.card.due,
        )
        claimed = {c.entry_id for c in learning}
        reviews: list[StoredCard] = []
        reviews_left = self.settings.reviews_per_day - reviews_today
        for card in (c for c in stored if c.card.state == State.Review):  # in due order
            if len(reviews) >= reviews_left or card.card.due >= day_end:
                break
            if allowed(card) and card.entry_id not in claimed:
                reviews.append(card)
                claimed.add(card.entry_id)

        new_left = min(
            self.settings.new_per_day - new_today,
            self.settings.reviews_per_day - reviews_today - new_today - len(reviews),
        )
        new: list[tuple[Entry, str, StoredCard | None]] = []
        if new_left > 0:
            introduced = self.store.introduced()
            for entry, kind in new_card_keys(self.entries, introduced):
                if len(new) >= new_left:
                    break
                if entry.id not in touched and entry.id not in claimed and shown(entry.id, kind):
                    new.append((entry, kind, None))

        early: list[StoredCard] = []
        if learn_ahead and not (learning or reviews or new):
            early = sorted(
                (c for c in stored if c.card.state != State.Review and c.card.due <= now + LEARN_AHEAD and allowed(c)),
                key=lambda c: c.card.due,
            )
        glossary = self.sources.glossary.entries

        def with_entries(cards: list[StoredCard]) -> list[tuple[Entry, str, StoredCard | None]]:
            return [(glossary[c.entry_id], c.kind, c) for c in cards]

        return [with_entries(learning), with_entries(reviews), new, with_entries(early)]

    def _usable(self, entry_id: str, kind: str) -> bool:
        """Whether the card can be shown: its entry is still in the glossary (and category), a cloze has a sentence."""
        entry = self.sources.glossary.get(entry_id)
        if entry is None or (self.category is not None and entry.category != self.category):
            return False
        if kind not in kinds_for(entry):  # e.g. a card made for a mark such as "-0-" before marks made none
            return False
        return kind != "cloze" or self.cloze_for(entry_id) is not None

    def _prepare(self, entry: Entry, kind: str, stored: StoredCard | None) -> DueCard:
        cloze = self.cloze_for(entry.id) if kind == "cloze" else None
        now = self.clock.now()
        card_id = card_id_for(entry.id, kind)
        base = stored.card if stored is not None else new_fsrs_card(card_id, now)
        intervals = self.scheduler.preview(base, now)
        leech = stored is not None and stored.is_leech(self.settings.leech_lapses)
        faces = faces_for(entry, kind, cloze)
        return DueCard(entry, kind, card_id, stored, faces, intervals, now, time.monotonic(), leech)

    def cloze_for(self, entry_id: str) -> Cloze | None:
        """The cloze sentence for an entry (found once per session)."""
        if entry_id not in self._clozes:
            self._clozes[entry_id] = self._cloze_index.find(entry_id)
        return self._clozes[entry_id]

    # -- answering -----------------------------------------------------------------------------------------

    def answer(self, due: DueCard, rating: Rating) -> StoredCard:
        """Schedule and store the answer at once (committed before this returns)."""
        now = self.clock.now()
        # The wall clock measures thinking time; the injected clock may be frozen in tests.
        duration_ms = min(int((time.monotonic() - due.shown_monotonic) * 1000), MAX_ANSWER_MS)
        day = self.boundary.study_day(now)
        after = apply_answer(due.stored, due.entry.id, due.kind, due.card_id, rating, now, day, self.scheduler)
        review = Review(due.card_id, due.entry.id, due.kind, rating, now, day, duration_ms, state_before(due.stored))
        self.store.record_answer(review, after)
        before_lapses = due.stored.lapses if due.stored is not None else 0
        self.new_leech = None
        if after.lapses >= self.settings.leech_lapses > before_lapses:
            # A card forgotten this often needs rewriting, not more reviews: set it aside and say so (Anki's rule).
            self.store.set_aside(due.entry.id, due.kind, "leech", now)
            self.new_leech = due.entry
        self.summary.reviewed += 1
        self.summary.correct += int(rating != Rating.Again)
        self.summary.seconds += duration_ms / 1000
        self.summary.ratings[rating] = self.summary.ratings.get(rating, 0) + 1
        return after

    def undo(self) -> DueCard | None:
        """Take back the last answer of this session: the review leaves the log, its card is rebuilt from the rest
        of the log (or becomes new again), and the card comes back to be answered again. None: nothing to undo."""
        last = self.store.last_review()
        if last is None or self.summary.reviewed == 0:
            return None
        row_id, review = last
        entry = self.sources.glossary.get(review.entry_id)
        earlier = [r for r in self.store.reviews_of(review.card_id) if r != review]
        restored = rebuild_cards(earlier, self.scheduler).get(review.card_id)
        self.store.undo_review(row_id, review.card_id, restored)
        if restored is None or restored.lapses < self.settings.leech_lapses:
            self.store.unset_aside(review.entry_id, review.kind, reason="leech")  # the answer that made it one is gone
        self.summary.reviewed -= 1
        self.summary.correct -= int(review.rating != Rating.Again)
        self.summary.seconds -= (review.duration_ms or 0) / 1000
        self.summary.ratings[review.rating] = max(self.summary.ratings.get(review.rating, 1) - 1, 0)
        if entry is None:
            return None
        return self._prepare(entry, review.kind, restored)

    def suspend(self, due: DueCard) -> None:
        """Keep this card out of every session until it is restored."""
        self.store.set_aside(due.entry.id, due.kind, "suspended", self.clock.now())

    def bury(self, due: DueCard) -> None:
        """Keep this card out until the next study day."""
        today = self.boundary.study_day(self.clock.now())
        self.store.set_aside(due.entry.id, due.kind, "buried", self.clock.now(), until_day=today + timedelta(days=1))

    def know(self, entry_id: str) -> None:
        """ "I know this": no card of the entry is shown any more (from a card, or from the reader's panel)."""
        self.store.set_aside(entry_id, "*", "known", self.clock.now())

    def next_due_day(self) -> tuple[date, int] | None:
        """The next study day after today with cards due, and how many (for "what is next" after a session)."""
        today = self.boundary.study_day(self.clock.now())
        days: Counter[date] = Counter()
        for card in self.store.cards().values():
            day = self.boundary.study_day(card.card.due)
            if day > today and self._usable(card.entry_id, card.kind):
                days[day] += 1
        if not days:
            return None
        first = min(days)
        return first, days[first]

    def next_learning_due(self) -> datetime | None:
        """When the next learning card of today comes back (for "come back at ..." after the session)."""
        now = self.clock.now()
        day_end = self.boundary.day_end(self.boundary.study_day(now))
        times = [c.card.due for c in self.store.cards_due_before(day_end) if c.card.state != State.Review]
        return min(times) if times else None
