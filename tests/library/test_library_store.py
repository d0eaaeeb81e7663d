"""The library's tables: duplicates by content, FTS search that survives any user input, term index."""

from __future__ import annotations

import pytest

from reader.articles.model import Article
from reader.library.store import Library, to_fts_query
from reader.store.db import open_store


def _article(title: str, body: str, date: str = "2024-01-02") -> Article:
    return Article(title=title, date=date, place="Pyongyang", paragraphs=[[body]], source=f"{title}.txt")


@pytest.fixture
def library(tmp_path):
    return Library(open_store(tmp_path / "store.sqlite3"))


def test_adding_the_same_content_twice_keeps_one(library: Library) -> None:
    first, added = library.add(_article("Plenary Meeting Opens", "The plenary meeting opened."), {"plenary-meeting": 1})
    again, added_again = library.add(_article("Plenary Meeting Opens", "The plenary meeting opened."), {})
    assert added and not added_again and first == again
    assert library.count() == 1


def test_search_finds_text_and_prefixes_best_first(library: Library) -> None:
    library.add(_article("Kim Yo Jong Issues Press Statement", "Kim Yo Jong, vice department director, said."), {})
    library.add(_article("Harvest Report", "Farmers in South Hwanghae Province reaped rice."), {})
    assert [item.title for item in library.items("hwang")] == ["Harvest Report"]
    assert [item.title for item in library.items("kim yo")] == ["Kim Yo Jong Issues Press Statement"]
    assert len(library.items("")) == 2


@pytest.mark.parametrize("query", ['"', "AND", "NEAR(", "*", "kim:", "-", "'", "((", "Workers' Party"])
def test_search_never_fails_on_fts_syntax(library: Library, query: str) -> None:
    library.add(_article("Workers' Party Meeting", "The Workers' Party of Korea met."), {})
    library.items(query)  # must not raise


def test_fts_query_quotes_every_word() -> None:
    assert to_fts_query('kim "yo" jo') == '"kim" "yo" "jo"*'
    assert to_fts_query("  ") == ""


def test_round_trip_keeps_paragraphs_and_fields(library: Library) -> None:
    article = Article(
        title="T", date="2024-03-01", place="Pyongyang", agency="KCNA", keywords=["Respected Comrade"],
        paragraphs=[["One.", "Two."], ["Three."]], source="x.txt", topic="Top News",
    )
    article_id, _ = library.add(article, {})
    restored = library.article(article_id)
    assert restored.paragraphs == article.paragraphs
    assert (restored.title, restored.date, restored.place, restored.agency, restored.topic) == ("T", "2024-03-01", "Pyongyang", "KCNA", "Top News")
    assert restored.keywords == ["Respected Comrade"]


def test_articles_using_an_entry_and_opened_counts(library: Library) -> None:
    a, _ = library.add(_article("A", "alpha"), {"wpk": 3, "kim-jong-un": 1})
    b, _ = library.add(_article("B", "beta"), {"wpk": 1})
    assert [item.id for item in library.articles_using("wpk")] == [a, b]
    assert [item.id for item in library.articles_using("wpk", exclude=a)] == [b]
    assert library.entry_counts_of_opened() == {}
    library.mark_opened(a)
    assert library.entry_counts_of_opened() == {"wpk": 3, "kim-jong-un": 1}
