"""Cutting a sentence too long for the model into clauses that fit, so nothing is silently dropped.

A translation model reads at most so many pieces (CTranslate2 truncates the rest without a word). KCNA's lists
of delegations and well-wishers run to thousands of characters in one sentence. Such a sentence is cut at
clause boundaries, translated piece by piece, and the translations are joined back in order, so the sentence
keeps its one translation (the alignment the app and the cache rely on).

Boundaries, in order of preference: semicolons, then commas, then " and "; a clause still too long is cut
between words, and a word too long between characters. Worked example, with a limit of 6 pieces where a piece is
a word: "Present were the delegation of A, the delegation of B and the delegation of C." is 14 pieces; there is
no semicolon, so it is cut at commas into "Present were the delegation of A," (6) and "the delegation of B and
the delegation of C." (8); the second is still too long and has no comma, so it is cut before " and " into
"the delegation of B" (4) and "and the delegation of C." (5). Three pieces go to the model; their translations
are joined with the whitespace that separated them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: Clause boundaries, most preferred first: the cut comes after the match, so the mark stays with its clause,
#: except " and ", which starts the next clause.
_BOUNDARIES = (re.compile(r"(?<=;)\s+"), re.compile(r"(?<=,)\s+"), re.compile(r"\s+(?=and\s)"), re.compile(r"\s+"))


def split_to_fit(sentence: str, count: Callable[[str], int], limit: int) -> list[tuple[str, str]]:
    """``sentence`` as (clause, whitespace after it) pairs, each clause at most ``limit`` pieces by ``count``.

    ``"".join(clause + space for clause, space in result) == sentence`` always holds. A sentence that fits comes
    back whole: ``[(sentence, "")]``. See the module docstring for a worked example.
    """
    if count(sentence) <= limit:
        return [(sentence, "")]
    return _split(sentence, "", count, limit, 0)


def _split(text: str, after: str, count: Callable[[str], int], limit: int, level: int) -> list[tuple[str, str]]:
    if level >= len(_BOUNDARIES):
        return _split_characters(text, after, count, limit)
    segments = _segments(text, after, _BOUNDARIES[level])
    if len(segments) == 1:
        return _split(text, after, count, limit, level + 1)
    # Pack whole segments greedily by the sum of their own counts (each counted once, so this stays linear);
    # a join may tokenize a piece differently, hence the check of every packed piece below.
    pieces: list[tuple[str, str]] = []
    current, current_after, current_count = "", "", 0
    for segment, space in segments:
        segment_count = count(segment)
        if current and current_count + segment_count + 1 > limit:
            pieces.append((current, current_after))
            current, current_count = "", 0
        current = current + current_after + segment if current else segment
        current_count += segment_count + (1 if current_count else 0)
        current_after = space
    pieces.append((current, current_after))
    result: list[tuple[str, str]] = []
    for piece, space in pieces:
        if count(piece) <= limit:
            result.append((piece, space))
        else:
            result.extend(_split(piece, space, count, limit, level + 1))
    return result


def _segments(text: str, after: str, boundary: re.Pattern[str]) -> list[tuple[str, str]]:
    segments: list[tuple[str, str]] = []
    position = 0
    for match in boundary.finditer(text):
        if match.start() > position:
            segments.append((text[position : match.start()], match.group()))
            position = match.end()
    segments.append((text[position:], after))
    return segments


def _split_characters(text: str, after: str, count: Callable[[str], int], limit: int) -> list[tuple[str, str]]:
    """A single word longer than the limit: the longest prefixes that fit (binary search on the length)."""
    pieces: list[tuple[str, str]] = []
    while text:
        # A model piece is a few characters at most (SentencePiece's default cap is 16), so no prefix longer than
        # this can fit: the search, and each count, stay proportional to the limit, not to the word.
        low, high = 1, min(len(text), 16 * limit)
        while low < high:
            middle = (low + high + 1) // 2
            if count(text[:middle]) <= limit:
                low = middle
            else:
                high = middle - 1
        pieces.append((text[:low], ""))
        text = text[low:]
    pieces[-1] = (pieces[-1][0], after)
    return pieces


def join_translations(translations: list[str], spaces: list[str]) -> str:
    """The translations of a sentence's clauses, joined with the whitespace that separated the clauses."""
    last = len(translations) - 1
    return "".join(
        translation + (space if index < last else "")
        for index, (translation, space) in enumerate(zip(translations, spaces, strict=True))
    )
