"""Study both ways: Korean terms met in a Korean article make cards, a Korean cloze, and share siblings."""

from __future__ import annotations

from fsrs import Rating

from reader.articles.load import load_article
from reader.library.store import Library
from reader.paths import SEEDS_DIR
from reader.study.cards import BLANK, ClozeIndex, card_id_for, faces_for, kinds_for
from reader.study.deck import deck_entries

KOREAN_SEED = SEEDS_DIR / "2019-01-01-kim-jong-un-new-year-address-ko.txt"


def _add_korean_seed(library: Library, matcher) -> int:  # type: ignore[no-untyped-def]
    """The Korean seed, opened (the study template imported the seed folder, Korean terms counted by match_ko)."""
    article = load_article(KOREAN_SEED)
    counts: dict[str, int] = {}
    for sentence in article.sentences:
        for span in matcher.match_ko(sentence):
            counts[span.entry_id] = counts.get(span.entry_id, 0) + 1
    library_id, _ = library.add(article, counts)
    library.mark_opened(library_id)
    return library_id


def test_korean_terms_met_in_a_korean_article_make_cards_with_a_korean_cloze(conn, glossary, matcher) -> None:
    library = Library(conn)
    _add_korean_seed(library, matcher)
    entries = deck_entries(glossary, library.entry_counts_of_opened(), "opened", None)
    korean_only = [e for e in entries if e.ko and not e.pattern]
    assert len(korean_only) >= 10
    index = ClozeIndex(library, matcher)
    made = 0
    for entry in korean_only[:30]:
        assert "cloze-ko" in kinds_for(entry) and "recognition" in kinds_for(entry)
        cloze = index.find(entry.id, "ko")
        if cloze is None:
            continue
        made += 1
        blanked = cloze.sentence[cloze.start : cloze.end]
        assert any(s.entry_id == entry.id and s.text == blanked for s in matcher.match_ko(cloze.sentence))
        assert cloze.blanked.count(BLANK) == 1 and blanked not in cloze.blanked
        faces = faces_for(entry, "cloze-ko", cloze)
        assert faces.hint == entry.en  # Korean sentence, English hint
        assert faces.back.startswith(blanked)
        # Recognition (English -> Korean) and production (Korean -> English) are the English side's own cards.
        assert faces_for(entry, "production", None).front == entry.ko
        assert faces_for(entry, "production", None).back == entry.en
        # No English article in this library uses the entry: the English cloze has no sentence.
    assert made >= 5


def test_a_korean_cloze_never_comes_from_an_english_article_and_siblings_are_shared(
    make_session, conn, glossary, matcher
) -> None:
    library = Library(conn)
    _add_korean_seed(library, matcher)
    session = make_session()
    index = ClozeIndex(library, matcher)
    for entry_id in library.entry_counts_of_opened():
        cloze = index.find(entry_id, "ko")
        if cloze is not None:
            assert any("\uac00" <= ch <= "\ud7a3" for ch in cloze.sentence)
        english = index.find(entry_id, "en")
        if english is not None:
            assert not any("\uac00" <= ch <= "\ud7a3" for ch in english.sentence[english.start : english.end])
    # One card id per (entry, kind) whichever side the entry was met on: the English and Korean sides are siblings.
    assert card_id_for("kim-jong-un", "recognition") != card_id_for("kim-jong-un", "cloze-ko")
    kinds_shown: dict[str, str] = {}
    for _ in range(40):
        due = session.next_card()
        if due is None:
            break
        # A card in learning comes back the same day; a sibling (another kind of the same entry) does not.
        assert kinds_shown.setdefault(due.entry.id, due.kind) == due.kind, "one card per entry per day"
        if due.kind == "cloze-ko":
            assert due.faces.hint == due.entry.en
        session.answer(due, Rating.Good)
