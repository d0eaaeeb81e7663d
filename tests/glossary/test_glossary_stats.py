from __future__ import annotations

from glossary.match import Matcher
from glossary.stats import (
    DatedText,
    capitalized_ngrams,
    corpus_coverage,
    held_out_min_count,
    split_by_time,
    split_coverage,
)


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
    coverage = corpus_coverage(matcher, texts)
    assert coverage.linked("Kim Jong Un")
    assert not coverage.linked("Rodong Sinmun")
    assert coverage.missing() == [("Rodong Sinmun", 5)]


def test_stats_takes_the_texts_as_given_and_repairs_nothing(matcher: Matcher) -> None:
    # De-gluing is the corpus reader's job (reader.articles.corpus); stats counts exactly what it is handed.
    coverage = corpus_coverage(matcher, ["Respected ComradeKim Jong Unvisited the Rodong Sinmun."] * 5)
    assert "Respected Comrade Kim Jong Un" not in coverage.counts
    assert coverage.counts["Respected ComradeKim Jong Unvisited the Rodong Sinmun"] == 5


def test_time_split_keeps_each_text_once_at_its_earliest_and_holds_out_the_newest_fifth() -> None:
    docs = [
        DatedText("a", "2024-01-02", "same story"),
        DatedText("b", "2024-01-01", "same story"),  # filed again earlier: the earliest record counts
        *(DatedText(k, f"2024-01-0{n}", f"story {k}") for n, k in ((3, "c"), (4, "d"), (5, "e"), (6, "f"))),
    ]
    split = split_by_time(reversed(docs))
    assert [d.id for d in split.curation] == ["b", "c", "d", "e"]
    assert [d.id for d in split.held_out] == ["f"]


def test_held_out_coverage_lists_no_gaps(matcher: Matcher) -> None:
    docs = [DatedText(f"{i:02}", f"2024-01-{i:02}", f"Kim Jong Un met Rodong Sinmun staff {i}.") for i in range(1, 11)]
    result = split_coverage(matcher, docs, min_count=2, missing=5)
    assert result["articles"] == 10
    assert result["curation"]["missing"] == [{"ngram": "Rodong Sinmun", "count": 8}]
    assert result["curation"]["linked_share"] == 0.5
    assert "missing" not in result["held_out"]  # the measure must not become the to-do list
    assert (result["held_out"]["articles"], result["held_out"]["first_date"]) == (2, "2024-01-09")
    assert result["held_out"]["min_occurrences"] == held_out_min_count(2, 8, 2) == 2


def test_dates_are_not_ngrams() -> None:
    assert ngrams("on May Juche 113 (2024) and Friday Prayers") == []


def test_a_date_after_a_name_is_not_part_of_it() -> None:
    # KCNA writes "Rodong Sinmun Monday said" with no comma: the weekday is a date, the name is the paper's.
    assert ngrams("The Rodong Sinmun Monday said in an article") == ["Rodong Sinmun"]
    assert ngrams("the National Exhibition of August 2024 opened") == ["National Exhibition"]
    assert ngrams("Kim Jong Un Sunday inspected") == ["Kim Jong Un"]
    # Only at the ends: a month inside a name stays ("Great October Socialist Revolution").
    assert ngrams("the Great October Socialist Revolution") == ["Great October Socialist Revolution"]
