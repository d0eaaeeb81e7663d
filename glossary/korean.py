"""Korean term boundaries: a glossary form followed by a particle is a match; followed by other Hangul it is not.

Korean writes particles (조사) onto the noun: 조선로동당은, 조선로동당의, 국무위원회에서. Python's ``\\w`` counts
Hangul as a word character, so the English rule ``(?!\\w)`` would miss all of these, while plain substring
search would find 당 ("Party") inside 당국 ("the authorities"). The rule here: the form must not be preceded by
a word character, and what follows it must be, optionally, an address suffix (동지, 님, 들) and up to two
particles, then a non-word character or the end of the text. The span covers the form only.

Worked examples (form 당): 당의 -> match (particle 의); 당중앙위원회 -> no (중 is not a particle); 당국은 -> no
(국 is not a particle). Form 김정은: 김정은동지께서 -> match (suffix 동지, particle 께서).
Known limit: a compound written without spaces (로동당중앙위원회) does not link its first part.
"""

from __future__ import annotations

import regex

from glossary.folding import is_word_char

PARTICLES: tuple[str, ...] = (
    "은", "는", "이", "가", "의", "을", "를", "에", "에서", "와", "과", "으로", "로", "도", "만", "께서", "께", "에게",
    "이며", "이신", "이다", "이였다", "였다", "이자", "이고", "까지", "부터", "에게서", "한테", "으로서", "로서",
    "으로써", "로써", "이나", "나", "이란", "란", "이라는", "라는", "이라고", "라고", "마저", "조차", "처럼", "보다",
    "에로", "에서도", "에서는", "에는", "에도", "이요", "요",
)
ADDRESS_SUFFIXES: tuple[str, ...] = ("동지", "동무", "님", "들")


def _alternation(words: tuple[str, ...]) -> str:
    # Longest first, so 에서 is tried before 에.
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_TAIL = regex.compile(rf"(?:{_alternation(ADDRESS_SUFFIXES)})?(?:{_alternation(PARTICLES)}){{0,2}}(?!\w)")


def korean_boundaries(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` stands alone or carries only particles: see the module docstring."""
    if start > 0 and is_word_char(text[start - 1]):
        return False
    if end == len(text) or not is_word_char(text[end]):
        return True
    return _TAIL.match(text, end) is not None


def strip_particles(word: str, known: set[str]) -> str | None:
    """The longest prefix of ``word`` that is in ``known`` and is followed only by a suffix and particles."""
    for cut in range(len(word), 0, -1):
        if word[:cut] in known and korean_boundaries(word, 0, cut):
            return word[:cut]
    return None
