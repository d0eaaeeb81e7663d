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

Raw scraped text glues names to their neighbours ("ComradeKim Jong Uninvited", "H.E.Kim Il Sung"): the
agency's site wraps a leader's name in markup, and the scraper dropped the spaces with it. A multi-word person
name whose hit fails the boundary test is still linked, with its offsets untouched, when (a) every word of it is
capitalized in the text, and (b) the glued side looks like glue, not a longer word: before it a letter or digit
("Comrade" + "Kim"); after it letters that do not, with the name's last word, make one name syllable. "Kim Jong
Uninvited" links "Kim Jong Un" ("Uninvited" is no syllable), but "Kim Jong Suk" never links a listed "Kim Jong
Su" ("Suk" is one). Known limit: a longer unlisted name glued on its right ("Kim Jong Sukvisited") is read as the
listed shorter one plus glue.

False friends, dropped before resolution:
- a prefixed title is not the base title: "Vice Foreign Minister", "deputy premier", "acting chairman",
  "alternate member of ...", "first vice-chairman" never link the base entry (``PREFIXES``). A prefixed title
  links only as its own entry; when there is none, it stays unlinked (a shorter body inside it still links);
- a WPK body or office named for a foreign party ("the Political Bureau of the CPC Central Committee",
  "the Communist Party of Vietnam's Central Committee") does not link the WPK's entry;
- ``FALSE_FRIENDS`` lists English phrases that contain a term but are something else ("Premier League"): they
  compete in resolution like terms and, when chosen, link nothing.

Senses: an entry with ``senses`` gets one picked per span (``Span.sense``, an index into ``entry.senses``) by
the context rule of glossary/README.md; ``Matcher.korean_for`` gives that sense's Korean.

Korean (``match_ko``): every Korean form (``Entry.korean_forms``: ko, ko_rok, ko_variants, the senses' Korean)
through ``glossary.korean_match`` (folded, whitespace-free keys; particles, endings, honorific -시- and unspaced
compounds decided at the edges with mecab-ko's token boundaries); a hit on a sense's Korean carries that sense. A
pattern entry's Korean templates (ko and ko_variants) are all searched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from glossary.data import Glossary
from glossary.folding import FoldedText, fold_both, fold_key, is_word_char, normalize_chars
from glossary.forms import Key, english_keys, exact_tokens_match, inflections
from glossary.korean import korean_boundaries
from glossary.korean_match import KoreanMatcher, mecab_boundaries
from glossary.model import Entry, Span
from glossary.patterns import PATTERN_TIMEOUT, PatternSet, fill_template, korean_template_pattern
from glossary.romanize import name_syllables

# (anchor, start, end, entry index, slots, from a pattern, sense index or -1) in original indices; anchor = start,
# or the position after a leading "the ". Entry index -1 is a false friend: it wins its place and links nothing.
Candidate = tuple[int, int, int, int, tuple[tuple[str, str], ...], bool, int]

FALSE_FRIEND = -1
#: A key whose first (GLUE_LEFT) or last (GLUE_RIGHT) words are a person name may be glued on that side.
GLUE_LEFT, GLUE_RIGHT = 1, 2
#: English phrases that contain a glossary term but mean something else. Listed forms of real entries win.
FALSE_FRIENDS: tuple[str, ...] = ("premier league", "premier football league", "premier division")
#: Words that, directly before an office or body, make a different title (부, 제1부, 대리, 후보).
PREFIXES = ("vice", "deputy", "acting", "alternate")
#: "first" makes a different title only before a prefixed one ("first vice-chairman"): "first secretary" is
#: an entry of its own and links as one.
_PREFIX_BEFORE = re.compile(rf"(?:^|[^\w-])(?:{'|'.join(PREFIXES)})[- ]$", re.IGNORECASE)
_FIRST_BEFORE = re.compile(r"(?:^|\W)first[- ]$", re.IGNORECASE)
#: The last two letters of every prefix word and of "first".
_PREFIX_ENDINGS = frozenset({"ce", "ty", "ng", "te", "st"})
_PREFIXED_HIT = re.compile(rf"(?:{'|'.join(PREFIXES)})\b", re.IGNORECASE)
#: Categories whose entries are offices or bodies, the ones a prefix turns into another title.
OFFICE_CATEGORIES = frozenset({"title", "military", "party-body", "state-body", "organization"})
#: Acronyms that name the DPRK's own bodies: "the KPA Political Bureau" is not a foreign party's.
DPRK_ACRONYMS = frozenset({"WPK", "DPRK", "KPA", "SPA", "KCNA", "SAC", "C.C."})
_OWNER_AFTER = re.compile(r"(?:'s)?,? of the ")
# The clause the owner is named in: up to a sentence end, a semicolon or a comma that does not follow "C.C.".
_CLAUSE_END = re.compile(r"(?<!C\.C\.),|[;:!?]|\.(?:\s|$)|\n")
_WPK_NAMED = re.compile(r"\bWPK\b|Workers' Party of Korea")
_FOREIGN_PARTY = re.compile(r"\b[A-Z][\w'-]* Party\b|\b[A-Z][A-Za-z.]{1,6}\b")
_OWNER_BEFORE = re.compile(r"(?:\b(?P<acronym>[A-Z][A-Z.]{1,6})|(?P<party>\b[A-Z][\w'-]* Party's)) $")
#: Categories a "body" belongs to, for the sense rule: the body named closest after the term picks the sense.
BODY_CATEGORIES = frozenset({"party-body", "state-body", "organization", "military", "media"})
_CLAUSE_MARK = re.compile(r"[.!?](?=\s|$)|\n|[,;:()]")


def _automaton(keys: Iterable[Key], glue_keys: dict[str, int] | None = None) -> ahocorasick.Automaton | None:
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
        # Only multi-word person names (alone, or starting or ending a longer form) may be glued to a neighbour.
        glue = glue_keys.get(folded, 0) if glue_keys else 0
        automaton.add_word(folded, (len(folded), key.entry_index, key.exact_tokens, key.lead, glue))
    automaton.make_automaton()
    return automaton


def _glued_name_keys(entries: list[Entry], keys: list[Key]) -> tuple[list[Key], dict[str, int]]:
    """Keys for forms that hold a person name, with the spaces around the name dropped, and the sides on which
    a key may be glued to a neighbour (``GLUE_LEFT``: it starts with a name; ``GLUE_RIGHT``: it ends with one).

    Scraped text writes "PresidentKim Il Sung" and "the respected ComradeKim Jong Un". Worked example, names
    {"kim il sung"}: key "president kim il sung" -> extra "presidentkim il sung"; both end in the name, so both
    may be glued on the right ("PresidentKim Il Sungand"). "kim il sung university" -> "kim il sunguniversity",
    which starts with the name and so may be glued on the left ("includingKim Il SungUniversity").
    """
    names = sorted({fold_key(f) for e in entries if e.category == "person" for f in e.surface_forms if " " in f.strip()},
                   key=len, reverse=True)
    if not names:
        return [], {}
    name_pattern = _name_pattern(tuple(names))
    # Most keys hold no name: a name's first word must be one of the key's words before the regex runs.
    first_words = {name.split(" ", 1)[0] for name in names}
    extra: list[Key] = []
    glue: dict[str, int] = {}
    for key in keys:
        if key.cased or first_words.isdisjoint(key.folded.replace("-", " ").split(" ")):
            continue
        found = list(name_pattern.finditer(key.folded))
        if not found:
            continue
        folded = key.folded
        # The name starts the form, or ends it (allowing a possessive "'s" or "'").
        sides = (GLUE_LEFT if found[0].start() == 0 else 0) | (GLUE_RIGHT if found[-1].end() >= len(folded) - 2 else 0)
        if sides:
            glue[folded] = sides
        if entries[key.entry_index].category == "person":
            continue
        gaps = sorted({m.start() - 1 for m in found if m.start() > 0 and folded[m.start() - 1] == " "}
                      | {m.end() for m in found if m.end() < len(folded) and folded[m.end()] == " "})
        for dropped in [*([g] for g in gaps), *([gaps] if len(gaps) > 1 else [])]:
            variant = "".join(c for k, c in enumerate(folded) if k not in dropped)
            extra.append(Key(variant, key.entry_index, key.exact_tokens, listed=False))
            if sides:
                glue[variant] = sides
    return extra, glue


@lru_cache(maxsize=4)
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``names`` as whole words of a folded key (compiled once per set of names)."""
    return re.compile(r"(?<![^ -])(?:" + "|".join(re.escape(n) for n in names) + r")(?=$|[ '-])")


def _false_friend_keys() -> list[Key]:
    keys = []
    for phrase in FALSE_FRIENDS:
        folded = fold_key(phrase)
        keys.append(Key(folded, FALSE_FRIEND, (), listed=True))
        keys.extend(Key(f, FALSE_FRIEND, (), listed=False) for f in inflections(folded, False))
    return keys


@dataclass
class _Glued:
    """What one scan learns about glued names: where they start and end, and terms waiting on them."""

    name_starts: set[int] = field(default_factory=set)
    name_ends: set[int] = field(default_factory=set)
    pending: list[tuple] = field(default_factory=list)


def edge_boundaries(text: str, start: int, end: int) -> bool:
    """Word boundaries tested only where the match itself begins or ends with a word character.

    A pattern ending in punctuation ("... (KCNA) --") must still link when the scraper glued the next word to it
    ("(KCNA) --Kim Jong Un"); one ending in a letter must not link inside a longer word.
    """
    return (start == 0 or not is_word_char(text[start - 1]) or not is_word_char(text[start])) and (
        end == len(text) or not is_word_char(text[end]) or not is_word_char(text[end - 1])
    )


def glued_name_ok(text: str, start: int, end: int, glued_before: bool, glued_after: bool) -> bool:
    """A name hit at ``text[start:end]`` that fails the word-boundary test: is what touches it glue?

    See the module docstring. Examples: "ComradeKim Jong Uninvited" -> True for "Kim Jong Un";
    "Kim Jong Suk" -> False for a listed "Kim Jong Su"; "skim jong unit" -> False (not capitalized).
    """
    words = text[start:end].split()
    if (glued_before and not words[0][:1].isupper()) or (glued_after and not words[-1][:1].isupper()):
        return False
    if glued_after:
        if not text[end].isalpha():
            return False
        tail_end = end
        while tail_end < len(text) and text[tail_end].isalpha():
            tail_end += 1
        last = words[-1]
        if (last + text[end:tail_end]).capitalize() in name_syllables():
            return False
    return True


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


def _wpk_bound(entries: list[Entry]) -> frozenset[int]:
    """Entries that name the WPK's own bodies and offices: under ``wpk`` by ``parent``, or an office whose
    English names such a body ("member of the Political Bureau")."""
    by_id = {e.id: e for e in entries}

    def under_wpk(entry: Entry) -> bool:
        seen: set[str] = set()
        current: Entry | None = entry
        while current is not None and current.id not in seen:
            if current.id == "wpk":
                return True
            seen.add(current.id)
            current = by_id.get(current.parent) if current.parent else None
        return False

    bound = {i for i, e in enumerate(entries) if not e.pattern and under_wpk(e)}
    body_forms = {fold_key(form) for i in bound for form in entries[i].surface_forms if entries[i].category == "party-body"}
    body_forms = {form for form in body_forms if " " in form}  # "the party" alone is too loose a sign
    for i, entry in enumerate(entries):
        if entry.category == "title" and not entry.pattern and i not in bound:
            folded = fold_key(entry.en)
            if any(form in folded for form in body_forms):
                bound.add(i)
    return frozenset(bound)


def _foreign_owner(normalized: str, start: int, end: int) -> bool:
    """True when the body at ``normalized[start:end]`` is named as another party's (see the module docstring).

    Examples: "Political Bureau of the CPC Central Committee" and "the Communist Party of Vietnam's Central
    Committee" -> True; "Political Bureau of the Central Committee of the WPK" and "the Party Central
    Committee" -> False.
    """
    after = normalized[end : end + 120]
    owner = _OWNER_AFTER.match(after)
    if owner is not None:
        clause = after[owner.end() :]
        cut = _CLAUSE_END.search(clause)
        clause = clause[: cut.start()] if cut else clause
        if _WPK_NAMED.search(clause):
            return False
        for found in _FOREIGN_PARTY.finditer(clause):
            word = found.group()
            if word.endswith(" Party") or (word.isupper() and word not in DPRK_ACRONYMS and len(word) >= 2):
                return True
    # Headlines in capitals ("THE POLITICAL BUREAU") would read "THE" as an acronym.
    before = None if normalized[start:end].isupper() else _OWNER_BEFORE.search(normalized, max(0, start - 60), start)
    if before is not None:
        if before.group("acronym"):
            return before.group("acronym") not in DPRK_ACRONYMS
        return not normalized[max(0, start - 40) : start].endswith("Workers' Party's ")
    return False


class Matcher:
    """Links glossary terms in English source text and in Korean translations. Build once, reuse for every text."""

    def __init__(self, glossary: Glossary, pattern_timeout: float = PATTERN_TIMEOUT) -> None:
        self.glossary = glossary
        self._entries: list[Entry] = list(glossary.entries.values())
        keys = [k for i, e in enumerate(self._entries) for k in english_keys(e, i)]
        glued_keys, glue = _glued_name_keys(self._entries, keys)
        false_friends = _false_friend_keys()
        # False friends first: a real entry with the same form wins.
        self._english = _automaton([*false_friends, *(k for k in keys if not k.cased), *glued_keys], glue)
        self._english_cased = _automaton((k for k in keys if k.cased), glue)
        self._korean, self._korean_keys = self._korean_matcher()
        self._offices = frozenset(i for i, e in enumerate(self._entries) if e.category in OFFICE_CATEGORIES)
        self._wpk_bound = _wpk_bound(self._entries)
        self._checked = self._offices | self._wpk_bound
        self._with_senses = frozenset(i for i, e in enumerate(self._entries) if e.senses)
        self._english_patterns = PatternSet.english(self._entries, pattern_timeout, glossary.user_entry_ids)
        self._korean_patterns = self._korean_pattern_sets(pattern_timeout)

    def _korean_matcher(self) -> tuple[KoreanMatcher, list[tuple[int, int]]]:
        """Every Korean form of every entry in one ``KoreanMatcher``; its key indexes (entry, sense or -1)."""
        keys: list[tuple[int, int]] = []
        forms: list[tuple[str, int]] = []
        for index, entry in enumerate(self._entries):
            if entry.pattern:
                continue
            sense_of = {sense.ko: k for k, sense in enumerate(entry.senses) if sense.ko}
            for form in entry.korean_forms:
                forms.append((form, len(keys)))
                keys.append((index, sense_of.get(form, -1)))
        return KoreanMatcher(forms, mecab_boundaries()), keys

    def _korean_pattern_sets(self, timeout: float) -> list[PatternSet]:
        """One PatternSet per rank of Korean template (ko, first variant, ...): a set holds one source per entry."""
        ranks: list[list[tuple[int, str, Entry]]] = []
        for index, entry in enumerate(self._entries):
            if not entry.pattern:
                continue
            for rank, template in enumerate(t for t in (entry.ko, *entry.ko_variants) if t):
                while len(ranks) <= rank:
                    ranks.append([])
                ranks[rank].append((index, korean_template_pattern(template), entry))
        return [PatternSet(sources, timeout, self.glossary.user_entry_ids) for sources in ranks]

    @property
    def warnings(self) -> list[str]:
        """Patterns disabled because they timed out, one line each."""
        return [*self._english_patterns.warnings, *(w for p in self._korean_patterns for w in p.warnings)]

    def match_en(self, text: str) -> list[Span]:
        """Glossary terms in English text: leftmost-longest, non-overlapping, ``span.text == text[start:end]``."""
        normalized = normalize_chars(text)
        candidates = self._english_hits(text, normalized)
        candidates += self._pattern_hits(self._english_patterns, normalized, edge_boundaries)
        spans = self._spans(text, resolve(candidates))
        if self._with_senses:
            spans = self._pick_senses(normalized, spans)
        return spans

    def match_ko(self, text: str) -> list[Span]:
        """Glossary terms in Korean text; a form may carry particles (조선로동당의), the span covers the form only."""
        normalized = normalize_chars(text)
        candidates = self._korean_hits(text, normalized)
        for patterns in self._korean_patterns:
            candidates += self._pattern_hits(patterns, normalized, korean_boundaries)
        return self._spans(text, resolve(candidates))

    def korean_for(self, span: Span) -> str:
        """The entry's Korean (DPRK spelling) or the picked sense's, with a pattern entry's slots filled."""
        entry = self.glossary.get(span.entry_id)
        if entry is None:
            return ""
        senses = entry.senses
        korean = senses[span.sense].ko if span.sense is not None and 0 <= span.sense < len(senses) else entry.ko
        if entry.pattern:
            return fill_template(korean, dict(span.slots))
        return korean

    def _false_friend(self, normalized: str, start: int, end: int, index: int) -> bool:
        """A prefixed title, or a WPK body named for a foreign party: see the module docstring.

        Called for every hit of an office or WPK entry, so cheap character tests come first: a prefix ends in
        "ce", "ty", "ng", "te" or "st" and a space or hyphen ("the" and "of" never pass); an owner follows as
        " of the" or precedes as a capital or "'s".
        """
        if (
            start > 2
            and normalized[start - 1] in " -"
            and normalized[start - 3 : start - 1].lower() in _PREFIX_ENDINGS
            and index in self._offices
        ):
            before = normalized[max(0, start - 12) : start]
            if _PREFIX_BEFORE.search(before):
                return True
            if _FIRST_BEFORE.search(before) and _PREFIXED_HIT.match(normalized, start):
                return True
        if index not in self._wpk_bound:
            return False
        owner_follows = normalized.startswith((" of the ", "'s of the ", ", of the "), end)
        owner_precedes = start > 2 and (normalized[start - 2].isupper() or normalized[start - 3 : start] == "'s ")
        return (owner_follows or owner_precedes) and _foreign_owner(normalized, start, end)

    def _english_hits(self, text: str, normalized: str) -> list[Candidate]:
        candidates: list[Candidate] = []
        if not text:
            return candidates
        folded, cased = fold_both(text, normalized)
        glued = _Glued()
        if self._english is not None:
            self._scan(self._english, text, folded, candidates, glued, normalized)
        if self._english_cased is not None:
            self._scan(self._english_cased, text, cased, candidates, glued, normalized)
        if glued.pending and glued.name_starts:
            self._glued_neighbours(text, glued, candidates, normalized)
        return candidates

    def _scan(
        self, automaton: ahocorasick.Automaton, text: str, folded_text: FoldedText, out: list[Candidate], glued: _Glued,
        normalized: str,
    ) -> None:
        checked = self._checked
        folded = folded_text.folded
        size = len(folded)
        for last, (length, entry_index, exact_tokens, lead, glue) in automaton.iter(folded):
            start, end = last - length + 1, last + 1
            # The (?<!\w)...(?!\w) test, inline: this loop runs for every raw hit in every article.
            if (end < size and is_word_char(folded[end])) or (start > 0 and is_word_char(folded[start - 1])):
                glued_after = end < size and is_word_char(folded[end])
                glued_before = start > 0 and is_word_char(folded[start - 1])
                orig_start, orig_end = folded_text.to_original(start, end)
                if (glued_before and not glue & GLUE_LEFT) or (glued_after and not glue & GLUE_RIGHT):
                    # Maybe the neighbour of a glued name ("the respected Comrade" + "Kim Jong Un"): kept aside
                    # until the names are known. Only a capital can start a glued name after a term.
                    if glued_after and not glued_before and text[orig_end].isupper():
                        glued.pending.append((orig_start, orig_end, entry_index, exact_tokens, lead, start, end,
                                              folded_text, False))
                    elif glued_before and not glued_after and folded[start - 1].isalpha():
                        glued.pending.append((orig_start, orig_end, entry_index, exact_tokens, lead, start, end,
                                              folded_text, True))
                    continue
                if not glued_name_ok(text, orig_start, orig_end, glued_before, glued_after):
                    continue
                glued.name_starts.add(orig_start)
                glued.name_ends.add(orig_end)
            else:
                orig_start, orig_end = folded_text.to_original(start, end)
            if exact_tokens and not exact_tokens_match(text[orig_start:orig_end], exact_tokens):
                continue
            if entry_index in checked and self._false_friend(normalized, orig_start, orig_end, entry_index):
                continue
            anchor = folded_text.to_original(start + lead, end)[0] if lead else orig_start
            out.append((anchor, orig_start, orig_end, entry_index, (), False, -1))

    def _glued_neighbours(self, text: str, glued: _Glued, out: list[Candidate], normalized: str) -> None:
        """Terms whose only failed boundary touches a name found glued: "the respected Comrade" in
        "the respected ComradeKim Jong Un", "Marshal" in "MarshalKim Jong Un"."""
        for orig_start, orig_end, entry_index, exact_tokens, lead, start, end, folded_text, before in glued.pending:
            touches = orig_start in glued.name_ends if before else orig_end in glued.name_starts
            if not touches:
                continue
            if exact_tokens and not exact_tokens_match(text[orig_start:orig_end], exact_tokens):
                continue
            if entry_index in self._checked and self._false_friend(normalized, orig_start, orig_end, entry_index):
                continue
            anchor = folded_text.to_original(start + lead, end)[0] if lead else orig_start
            out.append((anchor, orig_start, orig_end, entry_index, (), False, -1))

    def _korean_hits(self, text: str, normalized: str) -> list[Candidate]:
        candidates: list[Candidate] = []
        if not text:
            return candidates
        for start, end, key in self._korean.hits(text):
            entry_index, sense = self._korean_keys[key]
            candidates.append((start, start, end, entry_index, (), False, sense))
        return candidates

    @staticmethod
    def _pattern_hits(
        patterns: PatternSet, normalized: str, on_boundaries: Callable[[str, int, int], bool]
    ) -> list[Candidate]:
        """Patterns run on the normalized text (straight apostrophes, plain spaces): same length, same indices."""
        if not len(patterns):
            return []
        return [
            (h.start, h.start, h.end, h.entry_index, h.slots, True, -1)
            for h in patterns.search(normalized, on_boundaries)
        ]

    def _spans(self, text: str, chosen: list[Candidate]) -> list[Span]:
        spans = []
        for _, start, end, entry_index, slots, _, sense in chosen:
            if entry_index == FALSE_FRIEND:
                continue
            entry = self._entries[entry_index]
            spans.append(
                Span(start, end, text[start:end], entry.id, entry.category, slots, sense if sense >= 0 else None)
            )
        return spans

    def _pick_senses(self, normalized: str, spans: list[Span]) -> list[Span]:
        """Give every span of an entry with senses the sense its context picks (see ``pick_sense``)."""
        picked: list[Span] = []
        for k, span in enumerate(spans):
            entry = self.glossary.get(span.entry_id)
            if entry is None or not entry.senses or span.sense is not None:
                picked.append(span)
                continue
            sense = pick_sense(entry, normalized, span, spans[k + 1 :], self.glossary)
            picked.append(Span(span.start, span.end, span.text, span.entry_id, span.category, span.slots, sense))
        return picked


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: from the last , ; : ( ) or sentence end before it to the next one."""
    begin = 0
    for found in _CLAUSE_MARK.finditer(text, 0, start):
        begin = found.end()
    after = _CLAUSE_MARK.search(text, end)
    return begin, after.start() if after else len(text)


def _mentions(text: str, word: str, last: bool = False) -> int:
    """Where ``word`` first (or ``last``) occurs in ``text`` as whole words (exact case for acronyms), or -1."""
    flags = 0 if word.isupper() else re.IGNORECASE
    where = -1
    for found in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, flags):
        where = found.start()
        if not last:
            break
    return where


def pick_sense(entry: Entry, text: str, span: Span, later_spans: list[Span], glossary: Glossary) -> int | None:
    """The index of the sense of ``entry`` that the context of ``span`` picks (README: senses).

    Rule, within the span's clause (up to a comma, semicolon, colon, bracket or sentence end on either side):
    the body named closest after the term decides: the first later span of a body category; the sense whose
    ``context`` words name it wins, and when no sense does, the default sense. With no body after the term, the
    context word nearest the term in the clause decides ("the SPA chairman"); with none, the default.

    Worked example (senses 위원장 default; 의장 context [Supreme People's Assembly, SPA]):
    "Choe Ryong Hae, chairman of the Standing Committee of the SPA, ..." -> the first body after "chairman" is
    "Standing Committee of the SPA", which names "SPA" -> 의장. "Kim, chairman of the Korean Football
    Association, met SPA deputies" -> no body in the clause after "chairman", no context word in it -> 위원장.
    """
    senses = entry.senses
    default = next((k for k, s in enumerate(senses) if s.default), 0)
    begin, finish = _clause_bounds(text, span.start, span.end)
    for later in later_spans:
        if later.start >= finish:
            break
        if later.category in BODY_CATEGORIES:
            for k, sense in enumerate(senses):
                if any(_mentions(later.text, word) >= 0 for word in sense.context):
                    return k
            return default
    best: tuple[int, int] | None = None
    for k, sense in enumerate(senses):
        for word in sense.context:
            for part, offset, last in ((text[span.end : finish], span.end, False), (text[begin : span.start], begin, True)):
                where = _mentions(part, word, last)
                if where < 0:
                    continue
                position = offset + where
                distance = position - span.end if position >= span.end else span.start - position
                if best is None or distance < best[0]:
                    best = (distance, k)
    return best[1] if best else default
