"""Korean term matching with morphology: particles, endings, honorific -시-, unspaced compounds, DPRK spellings.

DPRK text writes compounds without spaces (조선로동당중앙위원회), fuses particles and endings onto the stem
(당중앙위원회는, 현지지도하시였다, 김정은동지께서) and keeps spellings a South Korean analyser does not know (로동, 령도).
The glossary's own forms therefore lead, and the analyser (mecab-ko, optional) only arbitrates the edges:

1. **Fold** text and forms alike (``fold_map``): NFKC per character (full-width ``７``, ``！`` become ASCII; the
   compatibility jamo ㄱ-ㆎ are kept as they are), ≪≫ become 《》, and every whitespace character (U+3000 too) is
   dropped. ``index[j]`` is the original index of folded character ``j``, so every hit maps back exactly.
2. **One Aho-Corasick automaton** over the folded, whitespace-free keys of every ``ko``, ``ko_rok`` and
   ``ko_variants`` form. A verb form (시찰하시였다, 동행하였다) is keyed by its stem (시찰하, 동행하) and then needs a
   verbal ending after it. So 조선로동당 중앙위원회 (a form) also links 조선로동당중앙위원회 (text), and the other
   way round.
3. **Edges.** A hit may start at an eojeol start, right after a hit already accepted (a compound chain:
   조선로동당|중앙위원회), or at an analyser token boundary. It may end at the eojeol end, before a tail that is only
   particles, a copula, address suffixes (동지, 님, 들), 하/되 with honorific -시- and endings (``TAIL``), before
   another glossary key, or at an analyser token boundary. A hit that crosses a space the form does not have must
   begin its eojeol (so 로동 does not link ``우리로 동원``).
4. **Leftmost-longest** among the hits whose edges pass: edges are tested before choosing, so a longer key that
   fails never hides a shorter good one.

Worked example, keys 당중앙위원회 (e1), 김정은 (e2), 현지지도 (e3)::

    >>> m = KoreanMatcher([("당중앙위원회", 0), ("김정은", 1), ("현지지도", 2)])
    >>> [(s, e, i) for s, e, i in m.hits("당 중앙위원회는 김정은동지께서 현지지도하시였다.")]
    [(0, 7, 0), (9, 12, 1), (17, 21, 2)]

Offsets are ``str`` indices into the text as given (``text[0:7] == "당 중앙위원회"``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import accumulate
from typing import Any

import ahocorasick

#: The analyser's view of a stretch of text: the original indices where a token starts or ends.
Boundaries = Callable[[str], 'set[int] | frozenset[int]']

_SPACE = re.compile(r"\s")
_BRACKETS = str.maketrans({"≪": "《", "≫": "》"})
#: Verb forms are keyed by stem: the ending cut here (시찰하시였다 -> 시찰하, 자리잡았다 -> 자리잡).
_VERB_ENDING = re.compile(r"(?:시였|시었|셨|였|었|았)?다$")

# What may follow a term inside its eojeol. Syllables, not jamo: 한 = 하+ㄴ, 됩니다 = 되+ㅂ니다.
_ADDRESS = r"(?:동지들|동지|동무|님들|님|들|께서는|께서|께)"
_PARTICLE = (
    r"(?:께서는|께서도|께서|에게서|으로서|으로써|으로는|으로도|으로의|으로|에서는|에서도|에서의|에서|에게|에는|에도|에로의|에로|에의|"
    r"와의|과의|과는|와는|까지|부터|처럼|보다|마저|조차|만큼|이라는|라는|이라고|라고|이란|란|로서|로써|로는|로도|로의|"
    r"이나|나|이며|며|이고|이자|이요|은|는|이|가|의|을|를|에|와|과|로|도|만|야|께)"
)
_VERB_BASE = r"(?:하|되|시키|받|드리|이|한|된|할|될|함|됨|합|됩|해|돼|했|됐)"
_HONORIFIC_TENSE = r"(?:시|신|실|십|셨|으시|였|었|았|겠|셔|시여|시었|시였)*"
_ENDING = (
    r"(?:습니다|ㅂ니다|니다|습니까|시다|다|고|며|면|여|어|야|서|는|ㄴ|은|을|ㄹ|기|게|지|도록|자|라|니|므로|면서|"
    r"였으며|으며|였고|던|든|도|ㅁ|음|과|의|에|라는|다는|데|나|려|러|거나|기에|기로|기를|게도|면서도)*"
)
#: The remainder of an eojeol after a term that keeps the term whole. Only a full match counts.
TAIL = re.compile(
    rf"(?:{_ADDRESS}?(?:{_PARTICLE}{{1,2}}|{_VERB_BASE}{_HONORIFIC_TENSE}{_ENDING}{_PARTICLE}?)?|{_ADDRESS})"
)
#: After a verb stem key only a verbal continuation is accepted (honorific, tense, ending).
VERB_TAIL = re.compile(rf"{_HONORIFIC_TENSE}{_ENDING}")


def fold_char(ch: str) -> str:
    """One character as the matcher sees it: NFKC except compatibility jamo, 《》 for ≪≫, nothing for a space."""
    if _SPACE.match(ch):
        return ""
    if "\u3130" <= ch <= "\u318f":
        return ch
    return unicodedata.normalize("NFKC", ch).translate(_BRACKETS)




@lru_cache(maxsize=65536)
def _one_to_one(ch: str) -> str:
    """``fold_char`` when it gives exactly one character; otherwise the character itself.

    Expansions (… -> ..., ㎡ -> m2) are left alone: no glossary form contains them, and keeping one character for
    one character lets the whole text fold with ``str.translate``.
    """
    folded = fold_char(ch)
    return folded if len(folded) == 1 else ch


class IndexMap:
    """``index_map[j]``: the index in the original text of folded character ``j``, without a list per character.

    The folded text is the original's non-space runs joined; ``run_folded[k]`` and ``run_original[k]`` are where
    run ``k`` starts in each, so a look-up is one bisection.
    """

    __slots__ = ("run_folded", "run_original")

    def __init__(self, run_folded: list[int], run_original: list[int]) -> None:
        self.run_folded = run_folded
        self.run_original = run_original

    def __getitem__(self, j: int) -> int:
        k = bisect_right(self.run_folded, j) - 1
        return self.run_original[k] + j - self.run_folded[k]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IndexMap) and list(self) == list(other)

    def __len__(self) -> int:
        return self.run_folded[-1] if self.run_folded else 0

    def __iter__(self) -> Iterator[int]:
        return (self[j] for j in range(len(self)))

    def __repr__(self) -> str:
        return repr(list(self))


_SPACE_RUN = re.compile(r"\s+")


def fold_map(text: str) -> tuple[str, IndexMap]:
    """The folded, whitespace-free text and the map from each folded character to its index in ``text``.

    Every character folds to one character (``_one_to_one``), so one ``str.translate`` folds the text and the
    map needs only the start of each non-space run (all computed by C loops: split, findall, accumulate).

    >>> folded, index = fold_map("제７기 당！")
    >>> folded, list(index)
    ('제7기당!', [0, 1, 2, 4, 5])
    """
    table = {ord(ch): folded for ch in set(text) if (folded := _one_to_one(ch)) != ch}
    translated = text.translate(table) if table else text
    pieces = translated.split()
    gaps = list(map(len, _SPACE_RUN.findall(translated)))
    lengths = list(map(len, pieces))
    leading = gaps.pop(0) if translated[:1].isspace() else 0
    # run k starts after the first k pieces and k gaps (plus any leading space).
    run_folded = [0, *accumulate(lengths)]
    run_original = [leading, *(leading + x for x in accumulate(a + b for a, b in zip(lengths, gaps, strict=False)))]
    return "".join(pieces), IndexMap(run_folded, run_original[: len(run_folded)])


def fold_form(form: str) -> tuple[str, frozenset[int]]:
    """A glossary form as a key, and the folded positions where the form itself has a space."""
    folded, index = fold_map(form)
    key = "".join(fold_char(ch) for ch in folded)  # forms are short: fold them fully
    spaces = frozenset(j for j in range(1, len(folded)) if index[j] - index[j - 1] > 1)
    return key, spaces


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _is_word(ch: str) -> bool:
    return ch.isalnum()


class KoreanMatcher:
    """Glossary forms in Korean text. ``forms`` are ``(form, entry index)``; build once, reuse for every text."""

    def __init__(self, forms: Iterable[tuple[str, int]], boundaries: Boundaries | None = None) -> None:
        self._boundaries = boundaries
        chosen: dict[str, tuple[int, bool, frozenset[int]]] = {}
        for form, entry_index in forms:
            is_verb = bool(_VERB_ENDING.search(form)) and len(form) > 3 and form.endswith(("였다", "었다", "았다"))
            stem = _VERB_ENDING.sub("", form) if is_verb else form
            key, spaces = fold_form(stem)
            if len(key) < 1:
                continue
            current = chosen.get(key)
            # A noun form beats a verb stem with the same key; otherwise the later entry (a user override) wins.
            if current is None or not is_verb or current[1]:
                chosen[key] = (entry_index, is_verb, spaces)
        self.keys = frozenset(chosen)
        self._automaton: ahocorasick.Automaton | None = None
        if chosen:
            self._automaton = ahocorasick.Automaton()
            for key, (entry_index, is_verb, spaces) in chosen.items():
                self._automaton.add_word(key, (len(key), entry_index, is_verb, spaces))
            self._automaton.make_automaton()

    def hits(self, text: str) -> list[tuple[int, int, int]]:
        """``(start, end, entry index)`` per linked term, original indices, leftmost-longest, non-overlapping."""
        if self._automaton is None or not text:
            return []
        if not unicodedata.is_normalized("NFC", text):
            # Decomposed Hangul (NFD input) is composed first; other combining marks stay as they are.
            composed, starts, ends = _compose(text)
            return [(starts[s], ends[e - 1], i) for s, e, i in self._hits(composed)]
        return self._hits(text)

    def _hits(self, text: str) -> list[tuple[int, int, int]]:
        folded, index = fold_map(text)
        automaton = self._automaton
        if automaton is None or not folded:
            return []
        raw: dict[int, list[tuple[int, int, bool, frozenset[int]]]] = {}
        for last, (length, entry_index, is_verb, spaces) in automaton.iter(folded):
            raw.setdefault(last - length + 1, []).append((last + 1, entry_index, is_verb, spaces))
        analysed: dict[int, set[int]] = {}
        key_starts = set(raw)
        accepted_ends: set[int] = set()
        result: list[tuple[int, int, int]] = []
        last_end = 0
        for start in sorted(raw):
            if start < last_end:
                continue
            for end, entry_index, is_verb, spaces in sorted(raw[start], key=lambda hit: -hit[0]):
                if not self._crossings_ok(text, index, start, end, spaces):
                    continue
                # One syllable (당, 상) is too short to trust the analyser inside a compound (당국, 당중앙).
                trust_analyser = end - start >= 2
                if not self._start_ok(text, index, start, accepted_ends, analysed if trust_analyser else None):
                    continue
                if not self._end_ok(text, folded, index, end, is_verb, key_starts, analysed if trust_analyser else None):
                    continue
                orig_start, orig_end = index[start], index[end - 1] + 1
                result.append((orig_start, orig_end, entry_index))
                accepted_ends.add(end)
                last_end = end
                break
        return result

    # -- edges --------------------------------------------------------------------------------------------------

    @staticmethod
    def _eojeol_end(text: str, index: IndexMap, folded: str, j: int) -> int:
        """The folded position where the eojeol containing folded position ``j - 1`` ends."""
        k = j
        while k < len(folded) and index[k] == index[k - 1] + 1 and _is_hangul(folded[k]):
            k += 1
        return k

    @staticmethod
    def _crossings_ok(text: str, index: IndexMap, start: int, end: int, spaces: frozenset[int]) -> bool:
        """A hit that crosses a space its form lacks must begin its eojeol (not 로동 in ``우리로 동원``)."""
        i = index[start]
        begins_eojeol = i == 0 or not _is_hangul(text[i - 1])
        return begins_eojeol or all(
            index[j] - index[j - 1] == 1 or (j - start) in spaces for j in range(start + 1, end)
        )

    def _start_ok(
        self, text: str, index: IndexMap, start: int, accepted_ends: set[int], analysed: dict[int, set[int]] | None
    ) -> bool:
        """At an eojeol start, right after an accepted hit (a compound chain), or at an analyser boundary."""
        i = index[start]
        if start in accepted_ends or i == 0 or not (_is_hangul(text[i - 1]) and _is_hangul(text[i])):
            return True
        return i in self._analysed_boundaries(text, i, analysed)

    def _end_ok(
        self,
        text: str,
        folded: str,
        index: IndexMap,
        end: int,
        is_verb: bool,
        key_starts: set[int],
        analysed: dict[int, set[int]] | None,
    ) -> bool:
        if end == len(folded) or index[end] != index[end - 1] + 1 or not _is_hangul(text[index[end]]):
            return not is_verb  # the eojeol ends with the hit: fine for a noun, a verb stem needs its ending
        eojeol_end = self._eojeol_end(text, index, folded, end)
        tail = folded[end:eojeol_end]
        if (VERB_TAIL if is_verb else TAIL).fullmatch(tail):
            return True
        if is_verb:
            return False
        if end in key_starts:
            return True
        i = index[end]
        edges = self._analysed_boundaries(text, i, analysed)
        if i in edges:
            return True
        return self._missplit(text, i, edges, index[eojeol_end - 1] + 1, analysed)

    def _missplit(
        self, text: str, i: int, edges: set[int] | frozenset[int], eojeol_end: int, analysed: dict[int, set[int]] | None
    ) -> bool:
        """The analyser cut one syllable past the term, and the rest, read alone, starts with a word.

        A South Korean analyser reads DPRK compounds it does not know one syllable off: 로동당시대의 as 로동/당시/대의,
        선군조선의 as 선/군조/선의. Read alone, 시대의 is 시대/의 and 조선의 is 조선/의, so the term ends at 로동당, 선군.
        미제국주의자들 (미/제국주의자) is not such a cut: the analyser's word runs far past 미제.
        """
        if self._boundaries is None or analysed is None or i + 1 not in edges or not edges:
            return False
        rest = self._boundaries(text[i:eojeol_end])
        first = min((b for b in rest if b > 0), default=0)
        return first >= 2

    def _analysed_boundaries(
        self, text: str, position: int, analysed: dict[int, set[int]] | None
    ) -> set[int] | frozenset[int]:
        """Token boundaries of the eojeol around original index ``position`` (analysed once per eojeol)."""
        if self._boundaries is None or analysed is None:
            return set()
        left = position
        while left > 0 and not text[left - 1].isspace():
            left -= 1
        if left not in analysed:
            right = position
            while right < len(text) and not text[right].isspace():
                right += 1
            analysed[left] = {left + b for b in self._boundaries(text[left:right])}
        return analysed[left]


_JAMO_SYLLABLE = re.compile("[\u1100-\u1112][\u1161-\u1175][\u11a8-\u11c2]?|.", re.DOTALL)


def _compose(text: str) -> tuple[str, list[int], list[int]]:
    """NFC-composed Hangul with, per composed character, its start and end index in ``text`` (NFD input)."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in _JAMO_SYLLABLE.finditer(text):
        composed = unicodedata.normalize("NFC", match.group())
        pieces = [composed] if len(composed) == 1 else list(match.group())
        for k, piece in enumerate(pieces):
            out.append(piece)
            starts.append(match.start() if len(pieces) == 1 else match.start() + k)
            ends.append(match.end() if len(pieces) == 1 else match.start() + k + 1)
    return "".join(out), starts, ends


def korean_forms_of(entry: object) -> tuple[str, ...]:
    """Every Korean form of an entry the matcher links: ``ko``, ``ko_rok``, then ``ko_variants`` when present."""
    forms = [getattr(entry, "ko", ""), getattr(entry, "ko_rok", ""), *getattr(entry, "ko_variants", ())]
    return tuple(dict.fromkeys(f for f in forms if f))


def mecab_boundaries() -> Boundaries | None:
    """Token boundaries from mecab-ko (python-mecab-ko), or None when it is not installed.

    Nothing is imported here (``find_spec`` only looks): the module and its tagger load on the first eojeol that
    needs them (about 15 ms, then a millisecond), so an English session never pays for them. Results are cached
    per eojeol: the same inflected words recur throughout political text. python-mecab-ko ignores leading
    whitespace in its spans, so the eojeol given here never has any. Its lattice is read directly: building a
    ``Morpheme`` per token (``MeCab.parse``) costs three times the analysis itself.
    """
    from importlib.util import find_spec

    if find_spec("mecab") is None:
        return None
    taggers: list[Any] = []
    lattices: list[Callable[[str], Any]] = []

    @lru_cache(maxsize=65536)
    def boundaries_of(eojeol: str) -> frozenset[int]:
        if not taggers:
            import mecab  # type: ignore[import-not-found,import-untyped,unused-ignore]
            from mecab.utils import create_lattice  # type: ignore[import-not-found,import-untyped,unused-ignore]

            taggers.append(mecab.MeCab()._tagger)
            lattices.append(create_lattice)
        lattice = lattices[0](eojeol)
        if not taggers[0].parse(lattice):
            return frozenset()
        edges: set[int] = set()
        for span, _node in lattice:
            edges.update(span)
        return frozenset(edges)

    return boundaries_of
