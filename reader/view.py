"""The reading view: what the app draws for one article, computed without Textual.

The app asks for a ``ReadingView`` of an article and draws it; it never parses, matches or translates itself.
A view holds, for every sentence, the source text with its linked glossary spans and, once known, the
translation with the Korean spans found in it and the glossary terms the translation is missing.

Worked example of the consistency check (``SentenceView.missing_entry_ids``): the source sentence
"Kim Jong Un, general secretary of the WPK, ..." links ``kim-jong-un``, ``general-secretary`` and ``wpk``.
If the translation's Korean spans link only ``kim-jong-un`` (김정은) and ``wpk`` (조선로동당), then
``general-secretary`` is missing: the app marks the sentence and the panel says the glossary expects 총비서.
Entries without a Korean form are never reported missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from glossary.model import Entry, Span
from reader.articles.model import Article


class TermMatcher(Protocol):
    """What the view needs from ``glossary.match.Matcher``."""

    def match_en(self, text: str) -> list[Span]: ...

    def match_ko(self, text: str) -> list[Span]: ...

    def korean_for(self, span: Span) -> str: ...


class EntryLookup(Protocol):
    def get(self, entry_id: str) -> Entry | None: ...


@dataclass
class SentenceView:
    """One sentence on both sides."""

    index: int
    paragraph: int
    source: str
    source_spans: list[Span]
    translation: str | None = None
    target_spans: list[Span] = field(default_factory=list)
    #: Linked source terms whose Korean form the translation lacks, in source order, one per entry.
    missing_entry_ids: list[str] = field(default_factory=list)

    @property
    def translated(self) -> bool:
        return self.translation is not None


@dataclass
class ReadingView:
    """An article ready to draw: sentences in reading order, grouped by paragraph."""

    article: Article
    sentences: list[SentenceView]
    #: For each paragraph, the indices of its sentences.
    paragraphs: list[list[int]]

    @property
    def translated_count(self) -> int:
        return sum(1 for s in self.sentences if s.translated)

    @property
    def fully_translated(self) -> bool:
        return all(s.translated for s in self.sentences)

    def term_positions(self) -> list[tuple[int, int]]:
        """Every linked source term as (sentence index, span index), in reading order (for Tab cycling)."""
        return [(s.index, k) for s in self.sentences for k in range(len(s.source_spans))]


def build_reading_view(article: Article, matcher: TermMatcher | None) -> ReadingView:
    """Link the glossary terms of every sentence; translations are added later with ``apply_translation``.

    With ``matcher=None`` the sentences come unlinked, to be drawn at once and linked by ``link_terms``.
    """
    sentences: list[SentenceView] = []
    paragraphs: list[list[int]] = []
    for paragraph_number, paragraph in enumerate(article.paragraphs):
        indices: list[int] = []
        for text in paragraph:
            index = len(sentences)
            spans = matcher.match_en(text) if matcher is not None else []
            sentences.append(SentenceView(index=index, paragraph=paragraph_number, source=text, source_spans=spans))
            indices.append(index)
        paragraphs.append(indices)
    return ReadingView(article=article, sentences=sentences, paragraphs=paragraphs)


def link_terms(view: ReadingView, matcher: TermMatcher) -> None:
    """Link the source terms of a view built without a matcher."""
    for sentence in view.sentences:
        sentence.source_spans = matcher.match_en(sentence.source)


def apply_translation(
    view: ReadingView,
    index: int,
    translation: str,
    matcher: TermMatcher,
    entries: EntryLookup,
    target_spans: list[Span] | None = None,
) -> SentenceView:
    """Attach a translation to sentence ``index``: link its Korean terms and check them against the source.

    ``target_spans`` are the translation's Korean terms when the caller matched them already (the app's worker).
    """
    sentence = view.sentences[index]
    sentence.translation = translation
    sentence.target_spans = matcher.match_ko(translation) if target_spans is None else target_spans
    found = {span.entry_id for span in sentence.target_spans}
    missing: list[str] = []
    for span in sentence.source_spans:
        entry = entries.get(span.entry_id)
        if entry is None or not entry.ko or span.entry_id in found or span.entry_id in missing:
            continue
        # A pattern entry's Korean is a template; check the filled-in form literally as well.
        expected = matcher.korean_for(span)
        if expected and expected in translation:
            continue
        missing.append(span.entry_id)
    sentence.missing_entry_ids = missing
    return sentence


def gloss_line(sentence: SentenceView, matcher: TermMatcher) -> list[tuple[str, str, Span]]:
    """The interlinear glossary gloss of a sentence: (English term, Korean form, span) per linked term.

    Shown when no model is installed, labelled as a glossary gloss and never as a translation.
    """
    return [(span.text, matcher.korean_for(span), span) for span in sentence.source_spans]
