"""Which glossary entries a session draws new cards from, in the order they are introduced."""

from __future__ import annotations

from collections.abc import Iterator

from glossary.data import Glossary
from glossary.model import CATEGORIES, Entry
from reader.errors import ReaderError
from reader.study.cards import kinds_for

DECKS: tuple[str, ...] = ("opened", "all")


class StudyError(ReaderError):
    """A study request that cannot be met (unknown category, nothing to export, ...); printed as one line."""


def deck_entries(glossary: Glossary, opened_counts: dict[str, int], deck: str, category: str | None) -> list[Entry]:
    """Entries for new cards: the terms of opened articles, most frequent first (``all``: then the rest).

    Example: opened counts {"wpk": 5, "kpa": 2} with deck "opened" -> [wpk, kpa]; with deck "all" ->
    [wpk, kpa, then every other entry by category and id].
    """
    if deck not in DECKS:
        raise StudyError(f"unknown deck {deck!r}; choose one of: {', '.join(DECKS)}")
    if category is not None and category not in CATEGORIES:
        raise StudyError(f"unknown category {category!r}; choose one of: {', '.join(CATEGORIES)}")
    met = [
        glossary.entries[eid]
        for eid in sorted(opened_counts, key=lambda e: (-opened_counts[e], e))
        if eid in glossary.entries
    ]
    chosen = met
    if deck == "all":
        seen = set(opened_counts)
        chosen = met + sorted((e for e in glossary if e.id not in seen), key=lambda e: (e.category, e.id))
    return [e for e in chosen if (category is None or e.category == category) and kinds_for(e)]


def new_card_keys(entries: list[Entry], introduced: set[tuple[str, str]]) -> Iterator[tuple[Entry, str]]:
    """For each entry in order, its first kind of card not yet introduced (siblings wait for later days)."""
    for entry in entries:
        for kind in kinds_for(entry):
            if (entry.id, kind) not in introduced:
                yield entry, kind
                break
