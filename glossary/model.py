"""Glossary entries and the spans the matcher links. Plain data: no I/O, no matching."""

from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES: tuple[str, ...] = (
    "title",
    "party-body",
    "state-body",
    "military",
    "organization",
    "media",
    "person",
    "place",
    "phrase",
    "ideology",
    "event",
)


@dataclass(frozen=True)
class Romanization:
    """``mr``: the DPRK's McCune-Reischauer-style form as KCNA prints it; ``rr``: Revised Romanization."""

    mr: str = ""
    rr: str = ""


@dataclass(frozen=True)
class Example:
    """One corpus sentence that uses the entry, with the corpus article id it comes from."""

    text: str
    article: str


@dataclass(frozen=True)
class Entry:
    """One glossary entry; ``glossary/README.md`` documents every field."""

    id: str
    category: str
    en: str
    ko: str = ""
    ko_rok: str = ""
    variants: tuple[str, ...] = ()
    romanization: Romanization = field(default_factory=Romanization)
    note: str = ""
    since: str | None = None
    until: str | None = None
    parent: str | None = None
    related: tuple[str, ...] = ()
    example: Example | None = None
    sources: tuple[str, ...] = ()
    verified: bool = False
    # Pattern entries (formulas with slots): a regex with named groups, the Korean with {slot} fields,
    # and what each slot means.
    pattern: str | None = None
    slots: tuple[tuple[str, str], ...] = ()
    origin: str = ""  # "file:line" where the entry was defined, for messages

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Every English form the matcher links: the canonical form first, then the variants."""
        return (self.en, *self.variants)

    @property
    def korean_forms(self) -> tuple[str, ...]:
        """Every Korean form the Korean matcher links: DPRK spelling first, then ROK spelling."""
        return tuple(k for k in (self.ko, self.ko_rok) if k)


@dataclass(frozen=True)
class Span:
    """A linked term: ``text == source[start:end]`` with Python string indices into the text as given."""

    start: int
    end: int
    text: str
    entry_id: str
    category: str
    # For pattern entries: the slot values matched, e.g. {"term": "8", "meeting": "9"}.
    slots: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "id": self.entry_id, "category": self.category}
