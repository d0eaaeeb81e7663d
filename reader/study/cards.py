"""What a card asks: recognition (English -> Korean), production (Korean -> English), cloze (a read sentence).

A card is identified by (entry id, kind); its scheduling lives in the store, its text is built from the glossary
and the library each time it is shown, so an edited glossary entry shows its new text on the next review.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from glossary.model import Entry

if TYPE_CHECKING:
    from glossary.match import Matcher
    from reader.library.store import Library

KINDS: tuple[str, ...] = ("recognition", "production", "cloze")
BLANK = "＿＿＿"
# A cloze sentence is easiest to read when it is a real sentence but not a paragraph.
_CLOZE_MIN_WORDS = 6
_CLOZE_MAX_WORDS = 45


def card_id_for(entry_id: str, kind: str) -> int:
    """A stable positive 63-bit id for (entry, kind), the same on every machine and in every export."""
    digest = hashlib.sha256(f"{entry_id}\0{kind}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def kinds_for(entry: Entry) -> tuple[str, ...]:
    """The kinds of card an entry can make: no Korean, no recognition/production; a pattern is only clozed."""
    if entry.pattern:
        return ("cloze",) if entry.ko else ()
    return KINDS if entry.ko else ("cloze",)


@dataclass(frozen=True)
class Cloze:
    """A sentence from the library with the term's place: ``sentence[start:end]`` is the blanked text."""

    sentence: str
    start: int
    end: int
    korean: str
    article_title: str

    @property
    def blanked(self) -> str:
        return self.sentence[: self.start] + BLANK + self.sentence[self.end :]


@dataclass(frozen=True)
class CardFaces:
    """What the screen shows. Plain strings: the app and the terminal style them, nothing here is markup."""

    prompt: str  # what the card asks, e.g. "Korean for:"
    front: str
    hint: str
    back: str
    detail: str  # romanization, category, note
    source: str  # where a cloze sentence comes from


def romanization_of(entry: Entry) -> str:
    parts = [p for p in (entry.romanization.mr, entry.romanization.rr) if p]
    return " / ".join(dict.fromkeys(parts))


def faces_for(entry: Entry, kind: str, cloze: Cloze | None) -> CardFaces:
    """The card's text; raises ValueError when the kind cannot be made (cloze without a sentence)."""
    roman = romanization_of(entry)
    detail = " · ".join(p for p in (roman, entry.category, entry.note) if p)
    if kind == "recognition":
        return CardFaces("Korean for:", entry.en, "", f"{entry.ko}", detail, "")
    if kind == "production":
        return CardFaces("English for:", entry.ko, roman, entry.en, detail, "")
    if kind == "cloze":
        if cloze is None:
            raise ValueError(f"no sentence in the library uses {entry.id}")
        hint = cloze.korean or entry.category
        back = (
            f"{cloze.sentence[cloze.start : cloze.end]}  ({entry.en})"
            if cloze.sentence[cloze.start : cloze.end] != entry.en
            else entry.en
        )
        return CardFaces("Fill the blank:", cloze.blanked, hint, back, detail, cloze.article_title)
    raise ValueError(f"unknown card kind {kind!r}")


def find_cloze(entry_id: str, library: Library, matcher: Matcher, max_articles: int = 5) -> Cloze | None:
    """The best sentence for a cloze of ``entry_id`` from the library, preferring articles the user opened.

    Deterministic: among the sentences where the matcher links the entry, the one nearest 20 words wins
    (ties: earlier article, earlier sentence); sentences that repeat the term outside the blank are skipped.
    Example: for ``wpk``, "The WPK Central Committee sent a message ..." beats a one-line caption and a
    70-word sentence.
    """
    items = library.articles_using(entry_id, limit=50)
    items.sort(key=lambda item: item.opened_at is None)  # opened first, otherwise in the library's order
    best: tuple[int, Cloze] | None = None
    for item in items[:max_articles]:
        article = library.article(item.id)
        for sentence in article.sentences:
            words = len(sentence.split())
            if not _CLOZE_MIN_WORDS <= words <= _CLOZE_MAX_WORDS:
                continue
            span = next((s for s in matcher.match_en(sentence) if s.entry_id == entry_id), None)
            # A sentence that repeats the term elsewhere would show the answer beside the blank.
            if span is None or span.text.lower() in (sentence[: span.start] + sentence[span.end :]).lower():
                continue
            score = abs(words - 20)
            if best is None or score < best[0]:
                korean = matcher.korean_for(span)
                best = (score, Cloze(sentence, span.start, span.end, korean, article.title))
    return best[1] if best else None
