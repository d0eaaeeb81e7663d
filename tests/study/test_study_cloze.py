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


def test_export_clozes_match_each_library_sentence_at_most_once(conn, glossary, matcher, monkeypatch) -> None:
    """``reader study export`` took 5 s for 252 notes: every entry matched its articles' sentences again
    (about 313k matcher calls). A session's clozes now match each article once, however many entries ask."""
    from collections import Counter

    from reader.study.cards import ClozeIndex
    from reader.study.export import exportable

    library = Library(conn)
    counts = entry_counts_with(matcher)
    ids = [library.add(article, counts(article))[0] for article in iter_corpus(SAMPLE)]
    for article_id in ids[:20]:
        library.mark_opened(article_id)
    entries = exportable(deck_entries(glossary, library.entry_counts_of_opened(), "opened", None))
    assert len(entries) > 60
    calls: Counter[str] = Counter()
    real_match = type(matcher).match_en

    def counting(self, text):  # type: ignore[no-untyped-def]
        calls[text] += 1
        return real_match(self, text)

    monkeypatch.setattr(type(matcher), "match_en", counting)
    index = ClozeIndex(library, matcher)
    clozes = {entry.id: index.find(entry.id) for entry in entries}
    eligible = sum(
        1
        for article_id in ids
        for sentence in library.article(article_id).sentences
        if 6 <= len(sentence.split()) <= 45
    )
    # At most every eligible sentence of the library once (before: each entry matched its five articles again).
    assert 0 < sum(calls.values()) <= eligible
    monkeypatch.setattr(type(matcher), "match_en", real_match)
    # The same clozes as looking each entry up on its own.
    assert clozes == {entry.id: find_cloze(entry.id, library, matcher) for entry in entries}


def test_a_cloze_comes_from_an_opened_article_when_one_has_a_sentence(conn, glossary, matcher) -> None:
    library = Library(conn)
    counts = entry_counts_with(matcher)
    ids = [library.add(article, counts(article))[0] for article in iter_corpus(SAMPLE)]
    opened_id = ids[5]
    library.mark_opened(opened_id)
    opened_title = library.article(opened_id).title
    made = 0
    for entry_id in library.entry_counts_of_opened():
        cloze = find_cloze(entry_id, library, matcher)
        if cloze is not None and cloze.sentence in library.article(opened_id).sentences:
            made += 1
        if cloze is not None and any(cloze.sentence == s for s in library.article(opened_id).sentences):
            assert cloze.article_title == opened_title
    assert made > 0
