"""Pattern entries: formulas with numbered slots ("the 9th Plenary Meeting of the 8th Central Committee").

An entry's ``pattern`` is a ``regex``-module expression with named groups; its ``ko`` is a template whose
``{slot}`` fields are filled with the numbers matched. Every search runs with a timeout, because a user
glossary may hold a pattern with catastrophic backtracking (``(a|aa)+$``): a pattern that times out is
disabled for the rest of the session and reported once in ``warnings``; matching carries on without it.

Worked example: pattern ``(?P<meeting>\\d+)(?:st|nd|rd|th) Plenary Meeting of the (?P<term>\\d+)(?:st|nd|rd|th)
Central Committee``, ko ``제{term}기 제{meeting}차 전원회의``. In "the 9th Plenary Meeting of the 8th Central
Committee" the slots are meeting=9, term=8 and ``fill_template`` gives 제8기 제9차 전원회의. Ordinal words
count too: "Eighth" fills as 8. On the Korean side the template becomes a search pattern, so
"제8기 제9차 전원회의에서" is found with the same slots.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from glossary.folding import is_word_char
from glossary.model import Entry

#: Seconds one search of one pattern over one text may take before the pattern is disabled.
PATTERN_TIMEOUT = 0.05

TEMPLATE_FIELD = re.compile(r"\{([^{}]*)\}")

_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_UNIT_ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                  "eighteenth", "nineteenth"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_TENS_ORDINALS = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
                  "ninetieth"]


def _number_words() -> dict[str, int]:
    words: dict[str, int] = {}
    for n in range(1, 100):
        tens, unit = divmod(n, 10)
        if n < 20:
            words[_UNITS[n]] = words[_UNIT_ORDINALS[n]] = n
        elif unit == 0:
            words[_TENS[tens]] = words[_TENS_ORDINALS[tens]] = n
        else:
            words[f"{_TENS[tens]}-{_UNITS[unit]}"] = words[f"{_TENS[tens]}-{_UNIT_ORDINALS[unit]}"] = n
    return words


_NUMBER_WORDS = _number_words()
#: Month names fill slots as numbers too: "Pyongyang, August 4 (KCNA)" -> (평양 8월 4일발 조선중앙통신).
_MONTHS = {name: str(number) for number, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december"), start=1)}
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)?", re.IGNORECASE)


def slot_number(value: str) -> str:
    """"8th", "8", "Eighth", "twenty-first", "August" -> "8", "8", "8", "21", "8"; anything else comes back
    unchanged."""
    cleaned = value.strip()
    found = _ORDINAL_DIGITS.fullmatch(cleaned)
    if found:
        return found.group(1)
    if cleaned.lower() in _MONTHS:
        return _MONTHS[cleaned.lower()]
    number = _NUMBER_WORDS.get(cleaned.lower().replace("\u2010", "-").replace(" ", "-"))
    return str(number) if number is not None else cleaned


def fill_template(template: str, slots: dict[str, str]) -> str:
    """The Korean template with each ``{slot}`` replaced by its number (an unknown slot stays visible)."""
    return TEMPLATE_FIELD.sub(lambda m: slot_number(slots[m.group(1)]) if m.group(1) in slots else m.group(0), template)


def korean_template_pattern(template: str) -> str:
    """A search pattern for a Korean template: slots become digit groups; spacing may differ (DPRK spacing)."""
    pattern: list[str] = []
    position = 0
    for field in TEMPLATE_FIELD.finditer(template):
        pattern.append(_spaced_literal(template[position : field.start()]))
        pattern.append(f"(?P<{field.group(1)}>\\d+)")
        position = field.end()
    pattern.append(_spaced_literal(template[position:]))
    return "".join(pattern)


def _spaced_literal(text: str) -> str:
    return r"\s*".join(regex.escape(part) for part in text.split()) if text.strip() else (r"\s*" if text else "")


_GROUP_NAME = re.compile(r"\(\?P<\w+>")


def required_literals(source: str) -> tuple[str, ...]:
    """Literals of which every match of ``source`` contains at least one; ``()`` when none can be proved.

    Lets a pattern be skipped on a text that has none of them: "the (?P<n>\\d+)th Plenary Meeting" needs
    "th Plenary Meeting", so the regex engine never starts at the thousands of "the " in a text without it.
    An alternation counts when every branch requires something: ``(?:Congress of the WPK|WPK Congress)`` needs
    "Congress" (common to both), ``(?:Factory|Mill)`` needs "Factory" or "Mill"; so does what a positive
    look-around looks at. Of the candidates, the one whose shortest literal is longest wins: a long word prunes
    more texts than "he ". The analysis borrows the stdlib parser (``re._parser``); anything it cannot read gets
    no prefilter. A pattern that searches backwards (a leading ``(?r)``, which ``re`` cannot parse) needs the same.

    Worked example: ``Juche (?P<y>\\d{1,3}) \\((?P<x>\\d{4})\\)`` -> runs "Juche ", " (", ")" -> ("Juche ",).
    """
    if source.startswith("(?r)"):
        source = source[4:]
    try:
        from re import _parser  # type: ignore[attr-defined]

        counter = iter(range(10**6))
        # Curators may reuse a group name in alternatives (allowed by ``regex``, not by ``re``): rename for parsing.
        renamed = _GROUP_NAME.sub(lambda _: f"(?P<g{next(counter)}>", source)
        parsed = _parser.parse(renamed)
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
            return ()
    except Exception:
        return ()
    return _best(_requirements(parsed))


def _best(candidates: list[tuple[str, ...]]) -> tuple[str, ...]:
    usable = [c for c in candidates if c and all(c)]
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)), default=())


def _requirements(items: Any) -> list[tuple[str, ...]]:
    """Every requirement a parsed sequence proves: each literal run alone, and each alternation's options."""
    found: list[tuple[str, ...]] = []
    current: list[str] = []

    def close() -> None:
        if current:
            found.append(("".join(current),))
            current.clear()

    def walk(sequence: Any) -> None:
        for op, value in sequence:
            name = str(op)
            if name == "LITERAL":
                current.append(chr(value))
            elif name == "SUBPATTERN" and not (value[1] & re.IGNORECASE):
                walk(value[3])  # a group's content is required where the group is
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and value[0] >= 1:
                close()
                walk(value[2])  # required at least once, but not adjacent to what follows
                close()
            elif name == "ATOMIC_GROUP":
                walk(value)
            elif name == "ASSERT":  # positive look-ahead or look-behind
                close()
                found.extend(_requirements(value[1]))  # what it looks at is in the text, next to the match
            elif name == "BRANCH":
                close()
                branch = _branch_requirement(value[1])
                if branch:
                    found.append(branch)
            else:
                close()

    walk(items)
    close()
    return found


def _branch_requirement(branches: Any) -> tuple[str, ...]:
    """What an alternation needs: a literal common to every branch if there is a long one, else each branch's
    own best requirement side by side (``()`` when some branch requires nothing)."""
    options = [_best(_requirements(branch)) for branch in branches]
    if not options or not all(options):
        return ()
    if all(len(option) == 1 for option in options):
        common = _longest_common_substring([option[0] for option in options])
        if len(common) >= 4:
            return (common,)
    return tuple(dict.fromkeys(literal for option in options for literal in option))


def _longest_common_substring(texts: list[str]) -> str:
    shortest = min(texts, key=len)
    for size in range(len(shortest), 0, -1):
        for start in range(len(shortest) - size + 1):
            piece = shortest[start : start + size]
            if all(piece in text for text in texts):
                return piece
    return ""


@dataclass(frozen=True)
class PatternHit:
    start: int
    end: int
    entry_index: int
    slots: tuple[tuple[str, str], ...]


class PatternSet:
    """The compiled patterns of one side (English or Korean); disables any pattern that times out."""

    def __init__(
        self,
        sources: list[tuple[int, str, Entry]],
        timeout: float = PATTERN_TIMEOUT,
        untrusted_ids: Collection[str] = (),
    ) -> None:
        # Patterns compile on first use: compiling all of them (the regex module is slow to compile) would cost
        # every start of the reader about 50 ms, and most articles need one or two of them. Their prefilter
        # literals are worked out on first use too (parsing every pattern costs about 40 ms), so a side that is
        # never searched (Korean, for an English article without a translation) costs nothing.
        self._compiled = sources
        self._patterns: dict[int, regex.Pattern | None] = {}
        self._required: dict[int, tuple[str, ...]] = {}
        self.timeout = timeout
        # The timeout costs about half the search time, so it guards only user patterns; the curated ones are
        # run over the whole dev corpus in the tests.
        self._untrusted = frozenset(untrusted_ids)
        self.warnings: list[str] = []

    @classmethod
    def english(cls, entries: list[Entry], timeout: float = PATTERN_TIMEOUT, untrusted_ids: Collection[str] = ()
                ) -> PatternSet:
        return cls(_compile_all(entries, lambda e: e.pattern), timeout, untrusted_ids)

    @classmethod
    def korean(cls, entries: list[Entry], timeout: float = PATTERN_TIMEOUT, untrusted_ids: Collection[str] = ()
               ) -> PatternSet:
        compiled = _compile_all(entries, lambda e: korean_template_pattern(e.ko) if e.ko else None)
        return cls(compiled, timeout, untrusted_ids)

    def __len__(self) -> int:
        return len(self._compiled)

    def _pattern(self, index: int, source: str) -> regex.Pattern | None:
        """The compiled pattern, or None when it does not compile (the loader already reported it)."""
        if index not in self._patterns:
            try:
                self._patterns[index] = regex.compile(source)
            except (regex.error, OverflowError, RecursionError):
                self._patterns[index] = None
        return self._patterns[index]

    def search(self, text: str, on_boundaries: Callable[[str, int, int], bool] | None = None) -> Iterator[PatternHit]:
        """Every match of every enabled pattern that stands on word boundaries, in the text's own indices."""
        on_boundaries = on_boundaries or english_boundaries
        for item in list(self._compiled):
            index, source, entry = item
            required = self._required.get(index)
            if required is None:
                required = self._required[index] = required_literals(source)
            if required and not any(literal in text for literal in required):
                continue
            compiled = self._pattern(index, source)
            if compiled is None:
                continue
            timeout = self.timeout if entry.id in self._untrusted else None
            try:
                hits = [
                    PatternHit(m.start(), m.end(), index, tuple((k, v) for k, v in m.groupdict().items() if v))
                    for m in compiled.finditer(text, timeout=timeout)
                    if m.end() > m.start() and on_boundaries(text, m.start(), m.end())
                ]
            except TimeoutError:
                try:
                    self._compiled.remove(item)
                except ValueError:
                    continue  # another thread (the app matches in workers) disabled it first
                self.warnings.append(
                    f"{entry.origin}: pattern of '{entry.id}' took over {self.timeout:g} s on one text"
                    " and is disabled for this session"
                )
                continue
            yield from hits


def english_boundaries(text: str, start: int, end: int) -> bool:
    """``(?<!\\w)...(?!\\w)``: the span neither starts nor ends inside a word."""
    return (start == 0 or not is_word_char(text[start - 1])) and (end == len(text) or not is_word_char(text[end]))


def _compile_all(
    entries: list[Entry], source_of: Callable[[Entry], str | None]
) -> list[tuple[int, str, Entry]]:
    """The pattern source of every pattern entry; ``PatternSet`` compiles each on first use."""
    sources: list[tuple[int, str, Entry]] = []
    for index, entry in enumerate(entries):
        if not entry.pattern:
            continue
        source = source_of(entry)
        if source:
            sources.append((index, source, entry))
    return sources
