"""Glossary statistics and corpus coverage: which recurring names in real KCNA text the glossary links.

Capitalized multi-word n-gram (the unit of coverage), defined on each article text:
- a word is a run of letters, digits, apostrophes and hyphens starting with a letter or digit;
- a capitalized word starts with an upper-case letter ("Party", "WPK", "Kim");
- a run is a maximal sequence of capitalized words separated by single spaces only (no punctuation between), in
  which the lower-case connectors "of", "the", "and", "for", "on", "to" may stand between two capitalized words;
- a leading sentence starter ("The", "A", "In", "This", "He", ...), month or weekday is stripped, because
  those words are capitalized by position or name a date, not part of a term;
- a trailing month or weekday is stripped too, with any connector it leaves at the end: a date follows a name
  without punctuation ("the Rodong Sinmun Monday said", "an exhibition opened by the Ministry of Culture on
  August 3") but never ends one, so "Rodong Sinmun Monday" counts as "Rodong Sinmun";
- what remains counts when it has at least two capitalized words.

So "The Political Bureau of the C.C., WPK" gives "Political Bureau of the C.C." and "WPK" is cut off by the
comma; "Kim Jong Un inspected" gives "Kim Jong Un"; "Present there were" gives nothing.

This module reads no file and repairs no text: the caller hands it the texts, already read and de-glued by the
reader's one corpus reader (``reader.articles.corpus.iter_corpus``, which splits "ComradeKim Jong Unreceived"
with the glossary's person names), so the gap list shows missing terms rather than scraping flaws.

Counts are over distinct article texts (the agency files one story under several sections; duplicates would
inflate counts). An occurrence is linked when each of its capitalized words lies inside a matched span (the
connectors between them may fall outside: "State Affairs of the Democratic People's Republic of Korea" is
linked by two entries); an n-gram type is linked when most of its occurrences are.

The time split (``split_by_time``): distinct texts, each kept with its smallest (date, id), sorted by (date, id);
the newest fifth is HELD OUT, the rest is the CURATION part. Curate from the curation part only; the held-out
figure tells how well the glossary holds on text it was not fitted to. For the dev corpus's 571 distinct texts:
457 curation (2023-12-24 .. 2024-09-04), 114 held out (2024-09-04 ..).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import regex

from glossary.data import Glossary
from glossary.match import Matcher
from glossary.model import CATEGORIES

MIN_OCCURRENCES = 5
#: One text in this many, the newest, is held out.
HELD_OUT_FRACTION = 5

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-.]*")
CONNECTORS = frozenset({"of", "the", "and", "for"})
#: Dates are not names: "May Juche 113" is a date line, "the Rodong Sinmun Monday" a paper and its day.
DATE_WORDS = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
SENTENCE_STARTERS = DATE_WORDS | frozenset(
    "The A An In On At As By For From This That These Those It Its He She They We Our His Her Their But And Also "
    "When While After Before During Under With Speaking Present There Such Today Now".split()
)


@dataclass(frozen=True)
class Occurrence:
    text: str
    start: int
    end: int
    #: (start, end) of each capitalized word: what the glossary must cover.
    words: tuple[tuple[int, int], ...]


def _clean(word: str) -> str:
    # A sentence-final period belongs to the sentence, not the name; inner periods ("C.C.") stay.
    return word[:-1] if word.endswith(".") and word.count(".") == 1 else word


def capitalized_ngrams(text: str) -> Iterator[Occurrence]:
    """Every capitalized multi-word n-gram of ``text`` (definition in the module docstring)."""
    run: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []
    previous_end = -1

    def flush() -> Iterator[Occurrence]:
        words = list(run)
        while words and words[0][2] in SENTENCE_STARTERS:
            words.pop(0)
        # A trailing date word goes, and with it a connector it leaves dangling ("Exhibition of August").
        while words and (words[-1][2] in DATE_WORDS or words[-1][2] in CONNECTORS):
            words.pop()
        if sum(1 for w in words if w[2][0].isupper()) >= 2:
            start, end = words[0][0], words[-1][1]
            capitalized = tuple((w[0], w[1]) for w in words if w[2][0].isupper())
            yield Occurrence(" ".join(w[2] for w in words).replace("’", "'"), start, end, capitalized)

    for found in _WORD.finditer(text):
        word = _clean(found.group())
        start, end = found.start(), found.start() + len(word)
        joined = previous_end >= 0 and text[previous_end:start] == " "
        if word[0].isupper():
            if run and joined:
                run.extend(pending)
            else:
                yield from flush()
                run = []
            pending = []
            run.append((start, end, word))
        elif run and joined and word in CONNECTORS and len(pending) < 2 and not (
            word == "the" and pending and pending[-1][2] == "and"
        ):
            pending.append((start, end, word))
        else:
            yield from flush()
            run, pending = [], []
        # A period that ended a word ends the sentence: the next capitalized word starts a new run.
        previous_end = end if end == found.end() else -1
    yield from flush()


@dataclass(frozen=True)
class DatedText:
    """One article's text with what orders it in time: its date (ISO, "" when unknown) and its id."""

    id: str
    date: str
    text: str


@dataclass(frozen=True)
class TimeSplit:
    """The curation part and the held-out newest fifth, each sorted by (date, id)."""

    curation: tuple[DatedText, ...]
    held_out: tuple[DatedText, ...]


def split_by_time(documents: Iterable[DatedText], fraction: int = HELD_OUT_FRACTION) -> TimeSplit:
    """Distinct texts (each with its smallest (date, id)), oldest first; the newest ``1/fraction`` held out.

    Worked example: records a (2024-01-02) and b (2024-01-01) carry one text, kept once, as b (the smaller date);
    with c, d, e, f (2024-01-03 .. 06) five distinct texts remain, and 5 // 5 = 1 is held out: f. Curation: b c d e.
    """
    first: dict[str, DatedText] = {}
    for document in documents:
        kept = first.get(document.text)
        if kept is None or (document.date, document.id) < (kept.date, kept.id):
            first[document.text] = document
    ordered = sorted(first.values(), key=lambda d: (d.date, d.id))
    held = len(ordered) // fraction
    return TimeSplit(tuple(ordered[: len(ordered) - held]), tuple(ordered[len(ordered) - held :]))


@dataclass
class Coverage:
    articles: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    covered: Counter[str] = field(default_factory=Counter)

    def frequent(self, min_count: int = MIN_OCCURRENCES) -> list[str]:
        return [k for k, n in self.counts.items() if n >= min_count]

    def linked(self, ngram: str) -> bool:
        return self.covered[ngram] * 2 > self.counts[ngram]

    def missing(self, min_count: int = MIN_OCCURRENCES) -> list[tuple[str, int]]:
        """Frequent n-grams the glossary does not link, most frequent first."""
        rows = [(k, self.counts[k]) for k in self.frequent(min_count) if not self.linked(k)]
        return sorted(rows, key=lambda r: (-r[1], r[0]))


def corpus_coverage(matcher: Matcher, texts: Iterable[str]) -> Coverage:
    """Which capitalized n-grams of ``texts`` (distinct, already de-glued by the caller) the matcher links."""
    coverage = Coverage()
    for text in texts:
        coverage.articles += 1
        spans = matcher.match_en(text)
        starts = [s.start for s in spans]
        for occurrence in capitalized_ngrams(text):
            coverage.counts[occurrence.text] += 1
            if all(_inside_span(spans, starts, start, end) for start, end in occurrence.words):
                coverage.covered[occurrence.text] += 1
    return coverage


def _inside_span(spans: list, starts: list[int], start: int, end: int) -> bool:
    # Spans do not overlap and are sorted, so only the last span starting at or before ``start`` can hold it.
    k = bisect_right(starts, start) - 1
    return k >= 0 and spans[k].end >= end


def glossary_summary(glossary: Glossary) -> dict:
    per_category = Counter(e.category for e in glossary)
    total = len(glossary)
    verified = sum(1 for e in glossary if e.verified)
    return {
        "entries": total,
        "verified": verified,
        "verified_share": verified / total if total else 0.0,
        "per_category": {c: per_category.get(c, 0) for c in CATEGORIES},
        "patterns": sum(1 for e in glossary if e.pattern),
    }


def coverage_summary(coverage: Coverage, min_count: int, missing: int) -> dict:
    """Figures of one coverage run; ``missing``: how many of the most frequent unlinked n-grams to list."""
    frequent = coverage.frequent(min_count)
    linked = [k for k in frequent if coverage.linked(k)]
    occurrences = sum(coverage.counts[k] for k in frequent)
    linked_occurrences = sum(coverage.counts[k] for k in linked)
    return {
        "articles": coverage.articles,
        "min_occurrences": min_count,
        "ngrams": len(frequent),
        "linked": len(linked),
        "linked_share": len(linked) / len(frequent) if frequent else 0.0,
        "occurrence_share": linked_occurrences / occurrences if occurrences else 0.0,
        "missing": [{"ngram": k, "count": n} for k, n in coverage.missing(min_count)[:missing]],
    }


def _date_range(part: tuple[DatedText, ...]) -> dict:
    dates = [d.date for d in part if d.date]
    return {"first_date": min(dates) if dates else None, "last_date": max(dates) if dates else None}


def held_out_min_count(min_count: int, curation: int, held_out: int) -> int:
    """The held-out part's recurrence threshold: the same rate per article as the curation part's, at least 2.

    An n-gram seen 5 times in 457 texts recurs as often as one seen about 1.25 times in 114, so the held-out part
    counts n-grams seen at least twice (once is not recurring). Without the scaling, the small part would count
    only its few most frequent names and say little about unseen text.
    """
    if curation <= 0:
        return max(2, min_count)
    return max(2, round(min_count * held_out / curation))


def split_coverage(matcher: Matcher, documents: Iterable[DatedText], min_count: int, missing: int) -> dict:
    """Coverage of the curation part and of the held-out newest fifth, side by side (the held-out part with
    the recurrence threshold of ``held_out_min_count``).

    Only the curation part lists its unlinked n-grams: the held-out part gives figures, never the gaps to fill,
    so curating from this report cannot fit the glossary to the texts that measure it.
    """
    split = split_by_time(documents)
    parts: dict = {}
    held_min = held_out_min_count(min_count, len(split.curation), len(split.held_out))
    for name, part, least, listed in (("curation", split.curation, min_count, missing),
                                      ("held_out", split.held_out, held_min, 0)):
        summary = coverage_summary(corpus_coverage(matcher, (d.text for d in part)), least, listed)
        if name == "held_out":
            del summary["missing"]
        parts[name] = {**_date_range(part), **summary}
    return {"articles": len(split.curation) + len(split.held_out), **parts}
