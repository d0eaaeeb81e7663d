"""Glossary entries and the spans the matcher links. Plain data: no I/O, no matching."""

from __future__ import annotations

import re
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


#: A ``{slot}`` field of a pattern entry's Korean template.
_TEMPLATE_FIELD = re.compile(r"\{([^{}]*)\}")
#: The letters a template's slots are shown as, in order of first appearance: 제N기 제M차.
_SLOT_LETTERS = "NMKLPQRS"

#: What a ``sources`` item can support (its ``for:`` list).
SUPPORTABLE_FIELDS: tuple[str, ...] = ("ko", "en", "pairing", "dates", "romanization", "holder")
#: The register of a form: whom it may be said of, and in what tone.
REGISTERS: tuple[str, ...] = ("leader-honorific", "neutral", "hostile")


@dataclass(frozen=True)
class Romanization:
    """``kcna``: the DPRK's 1992 system as KCNA prints names (Joson, Rodong, Kim Jong Un);
    ``rr``: the ROK's Revised Romanization (Joseon, Rodong, Gim Jeong-eun)."""

    kcna: str = ""
    rr: str = ""


@dataclass(frozen=True)
class Source:
    """One provenance claim: ``supports`` (the YAML ``for:``) names the fields this source backs.

    Exactly one of ``ref`` (a key of ``glossary/data/sources.yaml``) and ``attested`` (a file of the DPRK Korean
    corpus in which the Korean form occurs) is set.
    """

    supports: tuple[str, ...]
    ref: str | None = None
    attested: str | None = None
    note: str = ""
    line: int = 0  # the line of the item in its file, for messages

    @property
    def label(self) -> str:
        """How the source is named on screen: ``dprk-terms`` or ``attested in 2019.txt``."""
        return self.ref if self.ref else f"attested in {self.attested}"


@dataclass(frozen=True)
class Holder:
    """Who a title or epithet is reserved for, and when: ``who`` is a person entry id or a plain name."""

    who: str
    since: str | None = None
    until: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Sense:
    """One Korean rendering of an entry's English; ``context`` words pick it (see glossary/README.md)."""

    ko: str
    default: bool = False
    context: tuple[str, ...] = ()
    note: str = ""


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
    ko_variants: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    romanization: Romanization = field(default_factory=Romanization)
    note: str = ""
    since: str | None = None
    until: str | None = None
    parent: str | None = None
    related: tuple[str, ...] = ()
    example: Example | None = None
    sources: tuple[Source, ...] = ()
    register: str | None = None
    holder: tuple[Holder, ...] = ()
    senses: tuple[Sense, ...] = ()
    #: "inferred" when a person's hangul was inferred from KCNA's romanization, not found in a Korean source.
    hangul: str | None = None
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
        """Every Korean form the Korean matcher links: DPRK spelling first, then ROK spelling, then the variants
        and the senses' Korean, each once."""
        forms = (self.ko, self.ko_rok, *self.ko_variants, *(sense.ko for sense in self.senses))
        return tuple(dict.fromkeys(k for k in forms if k))

    @property
    def readable_ko(self) -> str:
        """The Korean as a reader sees it: a template's ``{slot}`` fields as N, M, ... in order of appearance.

        ``조선로동당 제{term}기 중앙위원회 제{meeting}차 전원회의`` -> ``조선로동당 제N기 중앙위원회 제M차 전원회의``;
        a slot used twice keeps its letter.
        """
        letters: dict[str, str] = {}

        def letter(found: re.Match[str]) -> str:
            name = found.group(1)
            if name not in letters:
                letters[name] = _SLOT_LETTERS[len(letters)] if len(letters) < len(_SLOT_LETTERS) else "N"
            return letters[name]

        return _TEMPLATE_FIELD.sub(letter, self.ko)

    @property
    def verified(self) -> bool:
        """Derived, never set by hand: some source supports the Korean form (``for: [ko]``)."""
        return any("ko" in source.supports for source in self.sources)

    def sources_for(self, field_name: str) -> tuple[Source, ...]:
        """The sources that support ``field_name`` (one of ``SUPPORTABLE_FIELDS``)."""
        return tuple(source for source in self.sources if field_name in source.supports)


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
    #: For entries with senses: the index into ``entry.senses`` of the sense the context picked.
    sense: int | None = None

    def to_json(self) -> dict:
        found = {"start": self.start, "end": self.end, "text": self.text, "id": self.entry_id, "category": self.category}
        if self.sense is not None:
            found["sense"] = self.sense
        return found


@dataclass(frozen=True)
class Reference:
    """One bibliography item of ``glossary/data/sources.yaml``, named by its key in ``ref:``."""

    key: str
    cite: str
    kind: str
    url: str = ""
    note: str = ""
