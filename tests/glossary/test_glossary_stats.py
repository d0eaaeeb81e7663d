from __future__ import annotations

from glossary.match import Matcher
from glossary.stats import capitalized_ngrams, corpus_coverage


def ngrams(text: str) -> list[str]:
    return [o.text for o in capitalized_ngrams(text)]


def test_ngrams_strip_sentence_starters_and_stop_at_punctuation() -> None:
    text = "The Political Bureau of the C.C., WPK met. Kim Jong Un inspected the Korean People's Army."
    assert ngrams(text) == ["Political Bureau of the C.C.", "Kim Jong Un", "Korean People's Army"]


def test_ngrams_do_not_join_two_names_with_and_the() -> None:
    assert ngrams("talks between the U.S. and the ROK ended") == []
    assert ngrams("the Ministry of Culture and Arts said") == ["Ministry of Culture and Arts"]


def test_single_capitalized_words_are_not_ngrams() -> None:
    assert ngrams("Present there were officials. Pyongyang, December 24 (KCNA) -- Japan said") == []


def test_coverage_counts_linked_and_missing(matcher: Matcher) -> None:
    texts = ["Kim Jong Un met the Rodong Sinmun staff."] * 5
    coverage = corpus_coverage(matcher, iter(texts))
    assert coverage.linked("Kim Jong Un")
    assert not coverage.linked("Rodong Sinmun")
    assert coverage.missing() == [("Rodong Sinmun", 5)]


def test_glued_known_names_are_split_before_counting(matcher: Matcher) -> None:
    from glossary.stats import name_splitter

    split = name_splitter(["Kim Jong Un", "Ri"])
    assert split("the respectedComradeKim Jong Unreceived him") == "the respectedComrade Kim Jong Un received him"
    assert split("Ring road") == "Ring road"  # one-word names are never split off
    texts = ["Pyongyang, May 5 -- Respected ComradeKim Jong Unvisited the Rodong Sinmun."] * 5
    coverage = corpus_coverage(matcher, iter(texts))
    assert coverage.counts["Respected Comrade Kim Jong Un"] == 5
    assert coverage.missing() == [("Respected Comrade Kim Jong Un", 5), ("Rodong Sinmun", 5)]


def test_dates_are_not_ngrams() -> None:
    assert ngrams("on May Juche 113 (2024) and Friday Prayers") == []
