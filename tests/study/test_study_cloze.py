"""Cloze cards from real corpus sentences: the blank hides exactly the linked term, the hint is its Korean."""

from __future__ import annotations

from pathlib import Path

from conftest import entry_counts_with

from reader.articles.corpus import iter_corpus
from reader.library.store import Library
from reader.study.cards import BLANK, faces_for, find_cloze
from reader.study.deck import deck_entries

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "corpus-sample.jsonl"


def test_clozes_from_the_corpus_sample_blank_the_term(conn, glossary, matcher) -> None:
    library = Library(conn)
    counts = entry_counts_with(matcher)
    ids = [library.add(article, counts(article))[0] for article in iter_corpus(SAMPLE)]
    for article_id in ids[:20]:
        library.mark_opened(article_id)
    entries = deck_entries(glossary, library.entry_counts_of_opened(), "opened", None)
    assert len(entries) > 40

    made = 0
    for entry in entries[:40]:
        cloze = find_cloze(entry.id, library, matcher)
        if cloze is None:
            continue
        made += 1
        blanked_text = cloze.sentence[cloze.start : cloze.end]
        assert [s for s in matcher.match_en(cloze.sentence) if s.entry_id == entry.id and s.text == blanked_text]
        assert cloze.blanked.count(BLANK) == 1
        assert blanked_text.lower() not in cloze.blanked.lower()  # the answer is not shown beside the blank
        assert 6 <= len(cloze.sentence.split()) <= 45
        faces = faces_for(entry, "cloze", cloze)
        assert faces.hint == (cloze.korean or entry.category)
        if entry.ko and not entry.pattern:
            assert faces.hint == entry.ko
    assert made >= 30


def test_a_pattern_entry_cloze_fills_its_slots_in_the_hint(conn, glossary, matcher) -> None:
    library = Library(conn)
    counts = entry_counts_with(matcher)
    for article in iter_corpus(SAMPLE):
        library.add(article, counts(article))
    pattern_ids = [e.id for e in glossary if e.pattern and library.articles_using(e.id)]
    assert pattern_ids, "the corpus sample should use at least one pattern entry"
    cloze = find_cloze(pattern_ids[0], library, matcher)
    assert cloze is not None and cloze.korean and "{" not in cloze.korean
