"""Glossary statistics and corpus coverage: which recurring names in real KCNA text the glossary links.

Capitalized multi-word n-gram (the unit of coverage), defined on each article text:
- a word is a run of letters, digits, apostrophes and hyphens starting with a letter or digit;
- a capitalized word starts with an upper-case letter ("Party", "WPK", "Kim");
- a run is a maximal sequence of capitalized words separated by single spaces only (no punctuation between), in
  which the lower-case connectors "of", "the", "and", "for", "on", "to" may stand between two capitalized words;
- a leading sentence starter ("The", "A", "In", "This", "He", ...), month or weekday is stripped, because
  those words are capitalized by position or name a date, not part of a term;
- what remains counts when it has at least two capitalized words.

So "The Political Bureau of the C.C., WPK" gives "Political Bureau of the C.C." and "WPK" is cut off by the
comma; "Kim Jong Un inspected" gives "Kim Jong Un"; "Present there were" gives nothing.

The scraped corpus glues names to their neighbours ("ComradeKim Jong Unreceived"); before counting, the
multi-word person names the glossary knows are split off ("Comrade Kim Jong Un received"), as the reader's
importer does, so the gap list shows missing terms rather than scraping flaws.

Counts are over distinct article texts (the agency files one story under several sections; duplicates would
inflate counts). An occurrence is linked when each of its capitalized words lies inside a matched span (the
connectors between them may fall outside: "State Affairs of the Democratic People's Republic of Korea" is
linked by two entries); an n-gram type is linked when most of its occurrences are.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import regex

from glossary.data import Glossary
from glossary.match import Matcher
from glossary.model import CATEGORIES

REPO_DIR = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_DIR.parent / "shared" / "corpus" / "kcna-en-2024-dev.jsonl"
MIN_OCCURRENCES = 5

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-.]*")
CONNECTORS = frozenset({"of", "the", "and", "for"})
SENTENCE_STARTERS = frozenset(
    "The A An In On At As By For From This That These Those It Its He She They We Our His Her Their But And Also "
    "When While After Before During Under With Speaking Present There Such Today Now "
    # Dates are not names: "May Juche 113" is a date line, not a term.
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
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


def iter_corpus_texts(path: Path) -> Iterator[str]:
    """Distinct article texts of a corpus JSONL file (field ``text``) or of a plain text file."""
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        if path.suffix != ".jsonl":
            yield handle.read()
            return
        for line in handle:
            if not line.strip():
                continue
            text = json.loads(line).get("text", "")
            if text and text not in seen:
                seen.add(text)
                yield text


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


def name_splitter(names: list[str]) -> Callable[[str], str]:
    """A function that puts a space between a known multi-word name and a word glued to either side of it."""
    multi_word = sorted((n for n in names if " " in n), key=len, reverse=True)
    if not multi_word:
        return lambda text: text
    alternation = "|".join(regex.escape(n) for n in multi_word)
    glued = regex.compile(rf"(?<=\p{{L}})(?=(?:{alternation}))|(?<=(?:{alternation}))(?=\p{{L}})")
    return lambda text: glued.sub(" ", text)


def corpus_coverage(matcher: Matcher, texts: Iterator[str]) -> Coverage:
    coverage = Coverage()
    split_names = name_splitter(matcher.glossary.person_names())
    for text in texts:
        text = split_names(text)
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
