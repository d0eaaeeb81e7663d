"""Evidence over time from the library: a person's appearances and title history, a term's concordance and its
frequency per month. Every query starts from the library's term index, so only articles that link the entry are read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from glossary.model import Span
from reader.evidence.people import mentions
from reader.library.store import Library


class SpanMatcher(Protocol):
    def match_en(self, text: str) -> list[Span]: ...


@dataclass(frozen=True)
class Appearance:
    """A person in one library article: the post the article gives them there and their place in a list."""

    date: str | None
    article_id: int
    article_title: str
    post: str | None
    list_position: int | None

    def to_json(self) -> dict[str, object]:
        return {
            "date": self.date,
            "article_id": self.article_id,
            "article_title": self.article_title,
            "post": self.post,
            "list_position": self.list_position,
        }


def person_appearances(library: Library, matcher: SpanMatcher, entry_id: str) -> list[Appearance]:
    """Every library article naming the person, oldest first; post and list position from its first mention
    that gives them."""
    found: list[Appearance] = []
    for item in library.articles_linking(entry_id):
        article = library.article(item.id)
        named = mentions(((s, matcher.match_en(s)) for s in [article.title, *article.sentences]), entry_id)
        if not named:
            continue
        post = next((m.post for m in named if m.post), None)
        position = next((m.list_position for m in named if m.list_position), None)
        found.append(Appearance(item.date, item.id, item.title, post, position))
    return found


APPEARANCE_COLUMNS = ("date", "article_id", "article_title", "post", "list_position")


def appearances_csv(appearances: list[Appearance]) -> str:
    """The appearances as CSV, one row each (empty cells where the article gives no date, post or list place)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(APPEARANCE_COLUMNS)
    for row in appearances:
        writer.writerow([row.date or "", row.article_id, row.article_title, row.post or "", row.list_position or ""])
    return buffer.getvalue()


@dataclass(frozen=True)
class TitleChange:
    """From ``since`` (the first article giving it), the person was called ``post``."""

    since: str | None
    post: str
    article_id: int


def post_key(matcher: SpanMatcher, post: str) -> object:
    """What a post is, for telling when it changed: the glossary entries it links ("member of the Presidium of the
    Political Bureau of the Central Committee of the WPK" and "... of the WPK Central Committee" are one post), or
    its folded text when it links none."""
    ids = frozenset(span.entry_id for span in matcher.match_en(post))
    return ids or " ".join(post.lower().split())


def title_history(appearances: list[Appearance], key: Callable[[str], object] = str) -> list[TitleChange]:
    """The posts in date order, one row each time the post given changes (appearances without a post skipped);
    ``key`` says when two wordings are the same post (``post_key``).

    >>> rows = [Appearance("2024-01-02", 1, "a", "vice-minister", None), Appearance("2024-02-01", 2, "b", None, 3),
    ...         Appearance("2024-03-01", 3, "c", "vice-minister", None), Appearance("2024-06-01", 4, "d", "minister", 1)]
    >>> [(c.since, c.post) for c in title_history(rows)]
    [('2024-01-02', 'vice-minister'), ('2024-06-01', 'minister')]
    """
    changes: list[TitleChange] = []
    last_key: object = None
    for appearance in appearances:
        if appearance.post and (not changes or key(appearance.post) != last_key):
            changes.append(TitleChange(appearance.date, appearance.post, appearance.article_id))
            last_key = key(appearance.post)
    return changes


@dataclass(frozen=True)
class Occurrence:
    """One linked occurrence of a term with its context, as a concordance line."""

    date: str | None
    article_id: int
    article_title: str
    left: str
    text: str
    right: str

    def to_json(self) -> dict[str, object]:
        return {
            "date": self.date,
            "article_id": self.article_id,
            "article_title": self.article_title,
            "left": self.left,
            "text": self.text,
            "right": self.right,
        }


def concordance(library: Library, matcher: SpanMatcher, entry_id: str, width: int = 60) -> list[Occurrence]:
    """Every occurrence of ``entry_id`` in the library, oldest article first, with ``width`` characters of context
    on each side (within its sentence)."""
    lines: list[Occurrence] = []
    for item in library.articles_linking(entry_id):
        for sentence in library.article(item.id).sentences:
            for span in matcher.match_en(sentence):
                if span.entry_id == entry_id:
                    left = sentence[max(0, span.start - width) : span.start]
                    right = sentence[span.end : span.end + width]
                    lines.append(Occurrence(item.date, item.id, item.title, left, span.text, right))
    return lines


def monthly_frequency(library: Library, entry_id: str) -> list[tuple[str, int]]:
    """Occurrences per month from the first to the last month the term appears, months without it as 0."""
    counts = dict(library.monthly_occurrences(entry_id))
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:7])
    series: list[tuple[str, int]] = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        series.append((key, counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return series


SPARK_LEVELS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[int]) -> str:
    """One block character per value, scaled to the largest; zero is the lowest block.

    >>> sparkline([0, 1, 4, 8, 2])
    '▁▁▄█▂'
    """
    top = max(values, default=0)
    if top <= 0:
        return SPARK_LEVELS[0] * len(values)
    return "".join(SPARK_LEVELS[min(len(SPARK_LEVELS) - 1, value * (len(SPARK_LEVELS) - 1) // top)] for value in values)
