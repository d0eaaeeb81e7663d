"""What a card asks: recognition (English -> Korean), production (Korean -> English), cloze (a read sentence).

A card is identified by (entry id, kind); its scheduling lives in the store, its text is built from the glossary
and the library each time it is shown, so an edited glossary entry shows its new text on the next review.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from glossary.model import Entry, Span

if TYPE_CHECKING:
    from glossary.match import Matcher
    from reader.library.store import Library, LibraryItem

KINDS: tuple[str, ...] = ("recognition", "production", "cloze")
BLANK = "＿＿＿"
# A cloze sentence is easiest to read when it is a real sentence but not a paragraph.
_CLOZE_MIN_WORDS = 6
_CLOZE_MAX_WORDS = 45


def card_id_for(entry_id: str, kind: str) -> int:
    """A stable positive 63-bit id for (entry, kind), the same on every machine and in every export."""
    digest = hashlib.sha256(f"{entry_id}\0{kind}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def has_words(form: str) -> bool:
    """Whether a form has a letter to learn: KCNA's end mark ``-0-`` and punctuation-only forms have none."""
    return any(char.isalpha() for char in form)


def kinds_for(entry: Entry) -> tuple[str, ...]:
    """The kinds of card an entry can make: no Korean, no recognition/production; a pattern is only clozed;
    a mark or punctuation (``-0-``, the end of every item) makes none: it is not a term to learn."""
    if not has_words(entry.en):
        return ()
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


@dataclass(frozen=True)
class _Candidate:
    """A sentence of a library article that could hold a cloze, with the terms the matcher links in it."""

    sentence: str
    words: int
    spans: tuple[Span, ...]


class ClozeIndex:
    """Cloze sentences for many entries, each library article matched once (not once per entry).

    Finding a cloze for every entry of an export used to match the same opened articles again for each entry
    (about 313k matcher calls for 252 notes, 5 s); here an article's eligible sentences are matched the first
    time any entry asks for it and kept for the rest of the session.
    """

    def __init__(self, library: Library, matcher: Matcher, max_articles: int = 5) -> None:
        self.library = library
        self.matcher = matcher
        self.max_articles = max_articles
        self._articles: dict[int, tuple[str, list[_Candidate]]] = {}

    def _article(self, library_id: int) -> tuple[str, list[_Candidate]]:
        if library_id not in self._articles:
            article = self.library.article(library_id)
            candidates = []
            for sentence in article.sentences:
                words = len(sentence.split())
                if _CLOZE_MIN_WORDS <= words <= _CLOZE_MAX_WORDS:
                    candidates.append(_Candidate(sentence, words, tuple(self.matcher.match_en(sentence))))
            self._articles[library_id] = (article.title, candidates)
        return self._articles[library_id]

    def find(self, entry_id: str) -> Cloze | None:
        """The best sentence for a cloze of ``entry_id``: from the articles the user opened when one of them has
        a usable sentence (the sentence was read), else from the rest of the library.

        Deterministic: among the sentences of up to ``max_articles`` articles (most uses of the entry first)
        where the matcher links the entry, the one nearest 20 words wins (ties: earlier article, earlier
        sentence); sentences that repeat the term outside the blank are skipped. Example: for ``wpk``, "The WPK
        Central Committee sent a message ..." beats a one-line caption and a 70-word sentence.
        """
        items = self.library.articles_using(entry_id, limit=50)
        opened = [item for item in items if item.opened_at is not None]
        others = [item for item in items if item.opened_at is None]
        return self._best(entry_id, opened) or self._best(entry_id, others)

    def _best(self, entry_id: str, items: list[LibraryItem]) -> Cloze | None:
        best: tuple[int, Cloze] | None = None
        for item in items[: self.max_articles]:
            title, candidates = self._article(item.id)
            for candidate in candidates:
                sentence = candidate.sentence
                span = next((s for s in candidate.spans if s.entry_id == entry_id), None)
                # A sentence that repeats the term elsewhere would show the answer beside the blank.
                if span is None or span.text.lower() in (sentence[: span.start] + sentence[span.end :]).lower():
                    continue
                score = abs(candidate.words - 20)
                if best is None or score < best[0]:
                    korean = self.matcher.korean_for(span)
                    best = (score, Cloze(sentence, span.start, span.end, korean, title))
        return best[1] if best else None


def find_cloze(entry_id: str, library: Library, matcher: Matcher, max_articles: int = 5) -> Cloze | None:
    """The cloze for one entry (``ClozeIndex.find``); a session or an export keeps one ``ClozeIndex`` instead."""
    return ClozeIndex(library, matcher, max_articles).find(entry_id)
