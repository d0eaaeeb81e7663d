"""``glossary lookup``: find entries by any name a reader might have, best first.

Ranking (score, then the reason shown to the user):
  100 id or canonical English form      "Workers' Party of Korea", "wpk"
   95 variant or abbreviation            "WPK", "the Party"
   95 Korean, DPRK or ROK spelling       조선로동당, 조선노동당
   95 Korean variant or sense            당중앙, 북한, 서기장
   90 Korean with particles stripped     조선로동당의
   90 romanization (KCNA or RR)            "Choson Rodongdang", "chosŏn rodongdang", "Joseon Rodongdang"
   90 plural or possessive of a form     "vice-ministers"
 <=85 fuzzy (rapidfuzz WRatio x 0.85)    "Workers Party Korea", "Suprem Peoples Asembly"
Fuzzy matching uses rapidfuzz (C, typo-tolerant partial and token-order scoring we would otherwise hand-roll).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from glossary.data import Glossary
from glossary.folding import fold_key
from glossary.forms import inflections, is_acronym
from glossary.korean import strip_particles
from glossary.model import Entry

FUZZY_CUTOFF = 70.0
FUZZY_CUTOFF_AFTER_EXACT = 90.0
FUZZY_WEIGHT = 0.85


@dataclass(frozen=True)
class LookupHit:
    entry: Entry
    score: float
    reason: str


def romanization_key(text: str) -> str:
    """Letters only, no diacritics, lower case: "Chosŏn Rodongdang" and "choson-rodongdang" compare equal."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c)).casefold()


def lookup_key(text: str) -> str:
    """Folded, and hyphens read as spaces: readers type "vice minister" for "vice-minister"."""
    return fold_key(text).replace("-", " ")


class Index:
    """Every name of every entry, folded, for exact lookup; and the list of names for fuzzy lookup."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.exact: dict[str, list[tuple[Entry, float, str]]] = {}
        self.romanized: dict[str, list[Entry]] = {}
        self.korean: set[str] = set()
        self.fuzzy_names: list[str] = []
        self.fuzzy_owner: list[Entry] = []
        for entry in glossary:
            self._add(entry.en, entry, 100, "English")
            for variant in entry.variants:
                self._add(variant, entry, 95, "abbreviation" if is_acronym(variant) else "variant")
            if entry.ko:
                self._add(entry.ko, entry, 95, "Korean")
                self.korean.add(fold_key(entry.ko))
            if entry.ko_rok:
                self._add(entry.ko_rok, entry, 95, "Korean (ROK spelling)")
                self.korean.add(fold_key(entry.ko_rok))
            for korean in (*entry.ko_variants, *(sense.ko for sense in entry.senses)):
                if korean != entry.ko:
                    self._add(korean, entry, 95, "Korean variant")
                    self.korean.add(fold_key(korean))
            for form in entry.surface_forms:
                tokens = form.split()
                for inflected in inflections(lookup_key(form), bool(tokens) and is_acronym(tokens[-1])):
                    self.exact.setdefault(inflected, []).append((entry, 90, "inflected form"))
            for roman in (entry.romanization.kcna, entry.romanization.rr):
                if roman:
                    self.romanized.setdefault(romanization_key(roman), []).append(entry)
            for name in (entry.en, *entry.variants, entry.ko, entry.ko_rok, *entry.ko_variants,
                         entry.romanization.kcna, entry.romanization.rr):
                if name:
                    self.fuzzy_names.append(lookup_key(name))
                    self.fuzzy_owner.append(entry)

    def _add(self, name: str, entry: Entry, score: float, reason: str) -> None:
        self.exact.setdefault(lookup_key(name), []).append((entry, score, reason))

    def search(self, query: str, limit: int = 10) -> list[LookupHit]:
        folded = lookup_key(query)
        if not folded:
            return []
        best: dict[str, LookupHit] = {}

        def offer(entry: Entry, score: float, reason: str) -> None:
            current = best.get(entry.id)
            if current is None or score > current.score:
                best[entry.id] = LookupHit(entry, score, reason)

        by_id = self.glossary.get(query.strip())
        if by_id is not None:  # ids are exact: "wpk" is the id, "WPK" the abbreviation
            offer(by_id, 100, "id")

        for entry, score, reason in self.exact.get(folded, []):
            offer(entry, score, reason)
        stem = strip_particles(folded, self.korean)
        if stem and stem != folded:
            for entry, _, _ in self.exact.get(stem, []):
                offer(entry, 90, f"Korean ({stem} + particle)")
        roman = romanization_key(query)
        for entry in self.romanized.get(roman, []) if roman else []:
            offer(entry, 90, "romanization")
        # Once a name matched exactly, only near-identical fuzzy neighbours are worth showing beside it.
        cutoff = FUZZY_CUTOFF_AFTER_EXACT if best else FUZZY_CUTOFF
        for _, score, index in process.extract(
            folded, self.fuzzy_names, scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=cutoff
        ):
            offer(self.fuzzy_owner[index], round(score * FUZZY_WEIGHT, 1), f"similar to {self.fuzzy_names[index]!r}")
        hits = sorted(best.values(), key=lambda h: (-h.score, h.entry.id))
        return hits[:limit]


def lookup(glossary: Glossary, query: str, limit: int = 10) -> list[LookupHit]:
    """Entries for ``query``, best first (see the module docstring for the ranking)."""
    return Index(glossary).search(query, limit)


def suggest_ids(glossary: Glossary, wrong_id: str, limit: int = 3) -> list[str]:
    """Ids close to ``wrong_id``, for "did you mean" messages."""
    found = process.extract(wrong_id, list(glossary.entries), scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
    return [name for name, _, _ in found]
