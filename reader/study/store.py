"""The study tables: one row per card (its FSRS state) and the append-only review log.

Each answer is one transaction (log row + card row), so a killed session loses at most the card on screen.
Times are integer microseconds since the epoch (UTC): exact round trips, and an index on ``due`` that sorts.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fsrs import Card, Rating, State

from reader.store.migrations import Feature, Migration, migrate

#: The schema as first released (before versions were recorded); idempotent, so such a store records version 1.
_SCHEMA_1 = """
CREATE TABLE IF NOT EXISTS study_cards (
    card_id INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    state INTEGER NOT NULL,
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due_us INTEGER NOT NULL,
    last_review_us INTEGER,
    reps INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    first_day TEXT NOT NULL,
    UNIQUE (entry_id, kind)
);
CREATE INDEX IF NOT EXISTS study_cards_by_due ON study_cards(due_us);
CREATE TABLE IF NOT EXISTS study_reviews (
    id INTEGER PRIMARY KEY,
    card_id INTEGER NOT NULL,
    entry_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    rating INTEGER NOT NULL,
    reviewed_us INTEGER NOT NULL,
    study_day TEXT NOT NULL,
    duration_ms INTEGER,
    state_before INTEGER
);
CREATE INDEX IF NOT EXISTS study_reviews_by_day ON study_reviews(study_day);
CREATE INDEX IF NOT EXISTS study_reviews_by_card ON study_reviews(card_id, reviewed_us);
CREATE TABLE IF NOT EXISTS study_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

#: The study tables' numbered migrations (``reader.store.migrations``); a new one is appended, never edited.
#: Cards the user (or the leech rule) set aside: ``kind`` "*" means every card of the entry; ``until_day`` None
#: means until restored (suspended, known, leech), a date means buried until that study day.
_SCHEMA_2 = """
CREATE TABLE study_set_aside (
    entry_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('suspended', 'known', 'leech', 'buried')),
    until_day TEXT,
    set_us INTEGER NOT NULL,
    PRIMARY KEY (entry_id, kind)
);
"""

STUDY_TABLES = Feature(
    "study",
    (
        Migration(1, "cards, review log, fitted parameters", _SCHEMA_1),
        Migration(2, "cards set aside: suspended, known, leeches, buried", _SCHEMA_2),
    ),
)

#: Why a card is not shown.
SET_ASIDE_REASONS = ("suspended", "known", "leech", "buried")

_CARD_COLUMNS = (
    "entry_id, kind, card_id, state, step, stability, difficulty, due_us, last_review_us, reps, lapses, first_day"
)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: ``state_before`` of a card's first review: it was new.
NEW_STATE = 0


def to_us(moment: datetime) -> int:
    return (moment - _EPOCH) // timedelta(microseconds=1)


def from_us(value: int) -> datetime:
    return _EPOCH + timedelta(microseconds=value)


@dataclass(frozen=True)
class StoredCard:
    """A card that has been answered at least once: its FSRS card plus counts FSRS does not keep."""

    entry_id: str
    kind: str
    card: Card
    reps: int
    lapses: int
    first_day: date

    @property
    def card_id(self) -> int:
        return int(self.card.card_id)

    def is_leech(self, threshold: int) -> bool:
        return self.lapses >= threshold


@dataclass(frozen=True)
class Review:
    """One row of the review log."""

    card_id: int
    entry_id: str
    kind: str
    rating: Rating
    reviewed_at: datetime
    study_day: date
    duration_ms: int | None
    state_before: int


class StudyStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        migrate(conn, STUDY_TABLES)

    # -- cards ---------------------------------------------------------------------------------------------

    def cards(self) -> dict[int, StoredCard]:
        rows = self.conn.execute(f"SELECT {_CARD_COLUMNS} FROM study_cards").fetchall()
        return {row[2]: _card_from_row(row) for row in rows}

    def cards_due_before(self, moment: datetime) -> list[StoredCard]:
        """Cards due before ``moment``, earliest first (the index on ``due_us`` keeps this cheap on a big deck)."""
        rows = self.conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM study_cards WHERE due_us < ? ORDER BY due_us, card_id", (to_us(moment),)
        ).fetchall()
        return [_card_from_row(row) for row in rows]

    def introduced(self) -> set[tuple[str, str]]:
        """(entry id, kind) of every card answered at least once."""
        return {(entry_id, kind) for entry_id, kind in self.conn.execute("SELECT entry_id, kind FROM study_cards")}

    def record_answer(self, review: Review, after: StoredCard) -> None:
        """Log the review and store the card's new state in one transaction."""
        with self.conn:
            self.conn.execute(
                "INSERT INTO study_reviews (card_id, entry_id, kind, rating, reviewed_us, study_day, duration_ms,"
                " state_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    review.card_id,
                    review.entry_id,
                    review.kind,
                    int(review.rating),
                    to_us(review.reviewed_at),
                    review.study_day.isoformat(),
                    review.duration_ms,
                    review.state_before,
                ),
            )
            self._put_card(after)

    def _put_card(self, stored: StoredCard) -> None:
        card = stored.card
        self.conn.execute(
            "INSERT OR REPLACE INTO study_cards (card_id, entry_id, kind, state, step, stability, difficulty, due_us,"
            " last_review_us, reps, lapses, first_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                stored.card_id,
                stored.entry_id,
                stored.kind,
                int(card.state),
                card.step,
                card.stability,
                card.difficulty,
                to_us(card.due),
                to_us(card.last_review) if card.last_review else None,
                stored.reps,
                stored.lapses,
                stored.first_day.isoformat(),
            ),
        )

    # -- set aside -----------------------------------------------------------------------------------------

    def set_aside(self, entry_id: str, kind: str, reason: str, now: datetime, until_day: date | None = None) -> None:
        """Keep a card (``kind`` "*": every card of the entry) out of sessions, until restored or ``until_day``."""
        if reason not in SET_ASIDE_REASONS:
            raise ValueError(f"unknown reason {reason!r}")
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO study_set_aside (entry_id, kind, reason, until_day, set_us) VALUES (?, ?, ?, ?, ?)",
                (entry_id, kind, reason, until_day.isoformat() if until_day else None, to_us(now)),
            )

    def restore(self, entry_id: str) -> int:
        """Bring every set-aside card of ``entry_id`` back; returns how many rows were restored."""
        with self.conn:
            return self.conn.execute("DELETE FROM study_set_aside WHERE entry_id = ?", (entry_id,)).rowcount

    def unset_aside(self, entry_id: str, kind: str, reason: str) -> None:
        """Bring one card back if it was set aside for ``reason``."""
        with self.conn:
            self.conn.execute(
                "DELETE FROM study_set_aside WHERE entry_id = ? AND kind = ? AND reason = ?", (entry_id, kind, reason)
            )

    def set_aside_on(self, day: date) -> dict[tuple[str, str], str]:
        """(entry id, kind or "*") -> reason, for everything set aside on study day ``day``."""
        rows = self.conn.execute(
            "SELECT entry_id, kind, reason FROM study_set_aside WHERE until_day IS NULL OR until_day > ?",
            (day.isoformat(),),
        ).fetchall()
        return {(entry_id, kind): reason for entry_id, kind, reason in rows}

    # -- undo ----------------------------------------------------------------------------------------------

    def last_review(self) -> tuple[int, Review] | None:
        """The newest row of the log with its row id, or None when the log is empty."""
        row = self.conn.execute(
            "SELECT id, card_id, entry_id, kind, rating, reviewed_us, study_day, duration_ms, state_before"
            " FROM study_reviews ORDER BY reviewed_us DESC, id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        row_id, cid, eid, kind, rating, us, day, ms, sb = row
        return row_id, Review(cid, eid, kind, Rating(rating), from_us(us), date.fromisoformat(day), ms, sb)

    def reviews_of(self, card_id: int) -> list[Review]:
        """One card's log in order (the index on card_id keeps this cheap on a long log)."""
        rows = self.conn.execute(
            "SELECT card_id, entry_id, kind, rating, reviewed_us, study_day, duration_ms, state_before"
            " FROM study_reviews WHERE card_id = ? ORDER BY reviewed_us, id",
            (card_id,),
        ).fetchall()
        return [
            Review(cid, eid, kind, Rating(r), from_us(us), date.fromisoformat(day), ms, sb)
            for cid, eid, kind, r, us, day, ms, sb in rows
        ]

    def undo_review(self, row_id: int, card_id: int, restored: StoredCard | None) -> None:
        """Remove one review from the log and put its card back as the rest of the log makes it (or remove the
        card when that review was its first), in one transaction."""
        with self.conn:
            self.conn.execute("DELETE FROM study_reviews WHERE id = ?", (row_id,))
            if restored is None:
                self.conn.execute("DELETE FROM study_cards WHERE card_id = ?", (card_id,))
            else:
                self._put_card(restored)

    # -- the log -------------------------------------------------------------------------------------------

    def reviews(self, since_day: date | None = None) -> list[Review]:
        """The review log in order (optionally from ``since_day`` on)."""
        query = (
            "SELECT card_id, entry_id, kind, rating, reviewed_us, study_day, duration_ms, state_before"
            " FROM study_reviews"
        )
        params: tuple[str, ...] = ()
        if since_day is not None:
            query += " WHERE study_day >= ?"
            params = (since_day.isoformat(),)
        rows = self.conn.execute(query + " ORDER BY reviewed_us, id", params).fetchall()
        return [
            Review(cid, eid, kind, Rating(r), from_us(us), date.fromisoformat(day), ms, sb)
            for cid, eid, kind, r, us, day, ms, sb in rows
        ]

    def review_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM study_reviews").fetchone()[0])

    # -- settings (fitted parameters) ----------------------------------------------------------------------

    def parameters(self) -> list[float] | None:
        row = self.conn.execute("SELECT value FROM study_settings WHERE key = 'fsrs_parameters'").fetchone()
        return [float(x) for x in json.loads(row[0])] if row else None

    def save_parameters_and_cards(self, parameters: list[float], cards: Iterable[StoredCard]) -> None:
        """New parameters and the cards rescheduled with them, together or not at all."""
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO study_settings (key, value) VALUES ('fsrs_parameters', ?)",
                (json.dumps(parameters),),
            )
            self.conn.execute("DELETE FROM study_cards")
            for card in cards:
                self._put_card(card)


def _card_from_row(row: tuple[Any, ...]) -> StoredCard:
    entry_id, kind, card_id, state, step, stability, difficulty, due_us, last_us, reps, lapses, first_day = row
    card = Card(
        card_id=card_id,
        state=State(state),
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=from_us(due_us),
        last_review=from_us(last_us) if last_us is not None else None,
    )
    return StoredCard(entry_id, kind, card, reps, lapses, date.fromisoformat(first_day))


def new_fsrs_card(card_id: int, now: datetime) -> Card:
    return Card(card_id=card_id, state=State.Learning, step=0, due=now)
