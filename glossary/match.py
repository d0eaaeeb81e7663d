"""The inline matcher: every glossary term in a text, as spans into the text exactly as given.

English (``match_en``): every surface form of every entry (plus generated plurals and possessives, see
``glossary.forms``) is one key of an Aho-Corasick automaton (pyahocorasick: a C automaton that finds all keys
in one pass, about 45x faster than one big regex alternation on this workload). The text is folded first (NFC,
case-folded, one apostrophe, one hyphen, single spaces; ``glossary.folding``) and every hit maps back to the
original indices. Pattern entries (``glossary.patterns``) add their regex matches to the same candidate list.

Resolution, in this order:
1. take every overlapping hit;
2. drop hits that do not stand on word boundaries (``(?<!\\w)...(?!\\w)``), and acronym hits whose case differs;
3. sort by start, longest first, and keep each hit that starts at or after the end of the last kept one.

One refinement: a leading "the" in a form ("the Party") is context, not an anchor: such a hit competes as if it
started after "the". So in "the Party Central Committee" the hit "Party Central Committee" (same anchor, longer)
beats "the Party"; alone, "the Party's" still links with its "the".

Boundaries are tested BEFORE choosing, so a longer key that fails its boundary never hides a shorter good one.
Worked example, keys "central committee", "central committee of the wpk", "wpk", "committee of the":

    text:  "the Central Committee of the WPKs office"
    hits:  "Central Committee" 4..21, "Central Committee of the WPK" 4..32, "Committee of the" 12..28, "WPK" 29..32
    step 2 drops 4..32 and 29..32 (followed by "s", a word character); the others pass
    step 3 keeps 4..21 ("Central Committee"), skips 12..28 (starts inside it) -> one span, 4..21

Had the automaton been asked for leftmost-longest directly, it would have chosen 4..32, the boundary test would
then have rejected it, and "Central Committee" would have been lost.

Korean (``match_ko``): ``glossary.korean_match`` (folded, whitespace-free keys; particles, endings, honorific -시-
and unspaced compounds decided at the edges with mecab-ko's token boundaries); Korean pattern entries as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import ahocorasick

from glossary.data import Glossary
from glossary.folding import FoldedText, fold_both, is_word_char, normalize_chars
from glossary.forms import Key, english_keys, exact_tokens_match
from glossary.korean import korean_boundaries
from glossary.korean_match import KoreanMatcher, korean_forms_of, mecab_boundaries
from glossary.model import Entry, Span
from glossary.patterns import PATTERN_TIMEOUT, PatternSet, english_boundaries, fill_template

# (anchor, start, end, entry index, slots, from a pattern) in original indices; anchor = start, or the position
# after a leading "the ".
Candidate = tuple[int, int, int, int, tuple[tuple[str, str], ...], bool]


def _automaton(keys: Iterable[Key]) -> ahocorasick.Automaton | None:
    chosen: dict[str, Key] = {}
    for key in keys:
        current = chosen.get(key.folded)
        # A listed form beats a generated inflection; otherwise the later entry (a user override) wins.
        if current is None or key.listed or not current.listed:
            chosen[key.folded] = key
    if not chosen:
        return None
    automaton = ahocorasick.Automaton()
    for folded, key in chosen.items():
        automaton.add_word(folded, (len(folded), key.entry_index, key.exact_tokens, key.lead))
    automaton.make_automaton()
    return automaton


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Leftmost-longest by anchor, non-overlapping; at equal anchor and end a pattern hit (it has slots) wins."""
    candidates.sort(key=lambda c: (c[0], c[0] - c[2], not c[5]))
    kept: list[Candidate] = []
    last_end = -1
    for candidate in candidates:
        if candidate[1] >= last_end:
            kept.append(candidate)
            last_end = candidate[2]
    return kept


class Matcher:
    """Links glossary terms in English source text and in Korean translations. Build once, reuse for every text."""

    def __init__(self, glossary: Glossary, pattern_timeout: float = PATTERN_TIMEOUT) -> None:
        self.glossary = glossary
        self._entries: list[Entry] = list(glossary.entries.values())
        keys = [k for i, e in enumerate(self._entries) for k in english_keys(e, i)]
        self._english = _automaton(k for k in keys if not k.cased)
        self._english_cased = _automaton(k for k in keys if k.cased)
        # Korean: folded whitespace-free keys, morphology at the edges (glossary.korean_match).
        self._korean = KoreanMatcher(
            ((form, i) for i, e in enumerate(self._entries) if not e.pattern for form in korean_forms_of(e)),
            mecab_boundaries(),
        )
        self._english_patterns = PatternSet.english(self._entries, pattern_timeout, glossary.user_entry_ids)
        self._korean_patterns = PatternSet.korean(self._entries, pattern_timeout, glossary.user_entry_ids)

    @property
    def warnings(self) -> list[str]:
        """Patterns disabled because they timed out, one line each."""
        return [*self._english_patterns.warnings, *self._korean_patterns.warnings]

    def match_en(self, text: str) -> list[Span]:
        """Glossary terms in English text: leftmost-longest, non-overlapping, ``span.text == text[start:end]``."""
        normalized = normalize_chars(text)
        candidates = self._english_hits(text, normalized)
        candidates += self._pattern_hits(self._english_patterns, normalized, english_boundaries)
        return self._spans(text, resolve(candidates))

    def match_ko(self, text: str) -> list[Span]:
        """Glossary terms in Korean text; a form may carry particles (조선로동당의), the span covers the form only."""
        normalized = normalize_chars(text)
        candidates = self._korean_hits(text, normalized)
        candidates += self._pattern_hits(self._korean_patterns, normalized, korean_boundaries)
        return self._spans(text, resolve(candidates))

    def korean_for(self, span: Span) -> str:
        """The entry's Korean (DPRK spelling), with a pattern entry's slots filled from the span."""
        entry = self.glossary.get(span.entry_id)
        if entry is None:
            return ""
        if entry.pattern:
            return fill_template(entry.ko, dict(span.slots))
        return entry.ko

    def _english_hits(self, text: str, normalized: str) -> list[Candidate]:
        candidates: list[Candidate] = []
        if not text:
            return candidates
        folded, cased = fold_both(text, normalized)
        if self._english is not None:
            self._scan(self._english, text, folded, candidates)
        if self._english_cased is not None:
            self._scan(self._english_cased, text, cased, candidates)
        return candidates

    @staticmethod
    def _scan(automaton: ahocorasick.Automaton, text: str, folded_text: FoldedText, out: list[Candidate]) -> None:
        folded = folded_text.folded
        size = len(folded)
        for last, (length, entry_index, exact_tokens, lead) in automaton.iter(folded):
            start, end = last - length + 1, last + 1
            # The (?<!\w)...(?!\w) test, inline: this loop runs for every raw hit in every article.
            if (end < size and is_word_char(folded[end])) or (start > 0 and is_word_char(folded[start - 1])):
                continue
            orig_start, orig_end = folded_text.to_original(start, end)
            if exact_tokens and not exact_tokens_match(text[orig_start:orig_end], exact_tokens):
                continue
            anchor = folded_text.to_original(start + lead, end)[0] if lead else orig_start
            out.append((anchor, orig_start, orig_end, entry_index, (), False))

    def _korean_hits(self, text: str, normalized: str) -> list[Candidate]:
        return [(start, start, end, entry_index, (), False) for start, end, entry_index in self._korean.hits(text)]

    @staticmethod
    def _pattern_hits(
        patterns: PatternSet, normalized: str, on_boundaries: Callable[[str, int, int], bool]
    ) -> list[Candidate]:
        """Patterns run on the normalized text (straight apostrophes, plain spaces): same length, same indices."""
        if not len(patterns):
            return []
        return [(h.start, h.start, h.end, h.entry_index, h.slots, True) for h in patterns.search(normalized, on_boundaries)]

    def _spans(self, text: str, chosen: list[Candidate]) -> list[Span]:
        spans = []
        for _, start, end, entry_index, slots, _ in chosen:
            entry = self._entries[entry_index]
            spans.append(Span(start, end, text[start:end], entry.id, entry.category, slots))
        return spans
