"""Sentence splitting: each KCNA hard case, and the hand-checked gold set from the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.articles.segment import split_sentences

GOLD = Path(__file__).resolve().parent.parent / "data" / "segmentation_gold.jsonl"


@pytest.mark.parametrize(
    "sentence",
    [
        "Some days ago, the U.S. Senate passed a bill on aid of more than 14 billion U.S. dollars to Israel.",
        "It was pioneered in Mt. Paektu by the great leader.",
        "The workteam No. 2 of the Songdong Farm won the title.",
        "He received Sergei Lavrov on Oct. 19 at the office building.",
        "They were members of the Political Bureau of the C.C., WPK and other officials.",
        "The meeting was held on Jan. 1 in Pyongyang.",
        "He visited St. Petersburg and met Dr. Ivanov there.",
        "Headed by its Executive Chairman N. Dorjsuren, the delegation arrived.",
        "A letter was sent by J. Smith to the association.",
        "The defence fund is 16.9 percent up, and 3.5 tons were scattered.",
        "The ceremony began at 10 a.m. and ended at 3 p.m. in the square.",
        "He met Lin Bin, manager of the Hengfeng Trade Co. Ltd. in Dandong.",
        "They marched with placards reading \"Impeachment brings peace!\", \"Yoon out\", etc., and chanted.",
        "All the participants broke into cheers of \"Hurrah!\" looking up to him.",
        "They extended solidarity to H.E. Kim Jong Un who is defending peace.",
    ],
)
def test_abbreviations_initials_and_decimals_do_not_end_a_sentence(sentence: str) -> None:
    assert split_sentences(sentence) == [sentence]


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        (
            'The envoy had better be a true "human rights champion." Then the envoy may get "actual results."',
            ['The envoy had better be a true "human rights champion."', 'Then the envoy may get "actual results."'],
        ),
        (
            "It was a murder premeditated by the U.S. And this clearly proves their hysteria.",
            ["It was a murder premeditated by the U.S.", "And this clearly proves their hysteria."],
        ),
        (
            "Is there a guarantee of success? Is it possible? It is possible.",
            ["Is there a guarantee of success?", "Is it possible?", "It is possible."],
        ),
        (
            "I courteously seek the ROK government's consent. …\" The ROK clans cannot deprive us.",
            ["I courteously seek the ROK government's consent. …\"", "The ROK clans cannot deprive us."],
        ),
        (
            "The \"imperial army”. No matter how hard Japan tries, it fails.",
            ["The \"imperial army”.", "No matter how hard Japan tries, it fails."],
        ),
    ],
)
def test_sentence_ends_are_found_after_closing_quotes_and_initialisms(paragraph: str, sentences: list[str]) -> None:
    assert split_sentences(paragraph) == sentences


def test_empty_paragraph_has_no_sentences() -> None:
    assert split_sentences("   ") == []


def test_gold_set_is_large_varied_and_well_formed() -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert sum(len(row["sentences"]) for row in rows) >= 150
    assert len({row["article"] for row in rows}) >= 40
    for row in rows:
        assert " ".join(row["sentences"]) == row["paragraph"], row["article"]


def test_splitter_gets_at_least_98_percent_of_the_gold_sentences_right() -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    total = sum(len(row["sentences"]) for row in rows)
    right = 0
    wrong_paragraphs = []
    for row in rows:
        got = split_sentences(row["paragraph"])
        right += sum(1 for sentence in row["sentences"] if sentence in got)
        if got != row["sentences"]:
            wrong_paragraphs.append(row["article"])
    assert right / total >= 0.98, (right, total, wrong_paragraphs)


def test_a_sentence_ending_in_a_word_like_art_still_ends() -> None:
    assert split_sentences("He visited the Museum of Fine Art. The museum is new.") == [
        "He visited the Museum of Fine Art.",
        "The museum is new.",
    ]


def test_gold_paragraphs_are_real_corpus_paragraphs(corpus_path) -> None:
    from reader.articles.corpus import iter_corpus

    paragraphs = {(a.article_id, i): " ".join(p) for a in iter_corpus(corpus_path) for i, p in enumerate(a.paragraphs)}
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert [row["article"] for row in rows if paragraphs.get((row["article"], row["index"])) != row["paragraph"]] == []
