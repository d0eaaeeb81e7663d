"""Corpus JSONL records as Articles, on the fixed 60-article sample (flawed records included)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.articles.corpus import find_corpus_article, iter_corpus
from reader.errors import InputError

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "corpus-sample.jsonl"


def test_every_sample_record_becomes_an_article_with_its_record_fields(sample_articles) -> None:
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    assert len(sample_articles) == len(records) >= 50
    for article, record in zip(sample_articles, records, strict=True):
        assert article.article_id == record["id"]
        assert article.date == record["date"]
        assert article.topic == record["topic"]
        assert article.url == record["url"]
        assert article.source == f"corpus:{record['id']}"
        assert article.sentences, record["id"]
        assert "-0-" not in article.text
        assert "\xa0" not in article.text and "’" not in article.text
        if record["text"].startswith("Pyongyang, "):
            assert article.place == "Pyongyang" and article.agency == "KCNA"
            assert not article.sentences[0].startswith(("Pyongyang", "--"))
        else:
            assert article.place is None


def test_a_glued_dateline_record_reads_cleanly(sample_articles) -> None:
    article = next(a for a in sample_articles if a.article_id == "6ec1ed417adc")
    assert article.title == "Respected Comrade Kim Jong Un Receives Greetings from Kuwaiti Emir"
    assert article.dateline_date == "January 12"
    assert article.sentences[0].startswith("Kim Jong Un, president of the State Affairs")
    assert article.sentences[-1] == (
        "He wished Kim Jong Un good health and the friendly relations between the peoples of the two "
        "countries further strengthened."
    )


def test_find_by_id_and_missing_id() -> None:
    assert find_corpus_article(SAMPLE, "6ec1ed417adc").date == "2024-01-12"
    with pytest.raises(InputError, match="no article with id 'ffffffffffff'"):
        find_corpus_article(SAMPLE, "ffffffffffff")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"id": "a", "text": "Pyongyang, May 1 (KCNA) -- One."}\nnot json\n', "line 2: not valid JSON"),
        ('["a list"]\n', "line 1: not a JSON object"),
        ('{"id": "a", "title": "No text"}\n', "line 1: record has no text"),
    ],
)
def test_broken_corpus_lines_are_named(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        list(iter_corpus(path))


def test_whole_dev_corpus_parses(corpus_path) -> None:
    articles = list(iter_corpus(corpus_path))
    assert len(articles) == 943
    assert sum(a.place == "Pyongyang" for a in articles) == 896
    assert all(a.sentences and a.title for a in articles)
    # Lines the scraper broke before a name are rejoined: no paragraph starts mid-sentence.
    assert [p[0][:40] for a in articles for p in a.paragraphs if p[0][0].islower()] == []
