"""Text folding for matching: NFC, case-folded, one apostrophe, one hyphen, single spaces; with a map back.

The matcher searches the folded text, but every span it returns must index the text exactly as given. So the
folded text carries its segments: runs where folded and original advance together (the common case: ASCII
text, or any text whose case folding keeps lengths) and single folded characters that stand for several
original ones (a run of whitespace, a decomposed "e" + combining accent, a "ß" that folded to "ss").

Worked example: ``"Workers’  Party"`` (curly apostrophe, two spaces) folds to ``"workers' party"``. Segments:
folded 0..8 = original 0..8 one to one, folded 8 (one space) = original 8..10, folded 9.. = original 10.. one to
one. A match of ``"party"`` at folded 9..14 maps back to original 10..15, which is ``"Party"``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

import regex

APOSTROPHES = "\u2019\u2018\u02bc\u2032\u00b4`"
HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2212\u00ad"
# Every character str.isspace() accepts, so the translate step turns all of them into one plain space.
WHITESPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace() and chr(c) != " ")

#: 1:1 character table: curly apostrophes, hyphen variants and all whitespace to their plain ASCII form.
EQUIVALENCES = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(HYPHENS, "-"),
                              **dict.fromkeys(WHITESPACE, " ")})
_EQUIVALENT_CHARS = {chr(k): v for k, v in EQUIVALENCES.items()}
# str.translate looks every character up in a dict once the text has any non-ASCII character (about 0.1 us a
# character); a regex scan for the few characters that change is ten times faster on article text.
_NEEDS_TRANSLATION = re.compile("[" + re.escape("".join(_EQUIVALENT_CHARS)) + "]")
_SPACE_RUN = re.compile(r" {2,}")
_GRAPHEME = regex.compile(r"\X")


def is_word_char(char: str) -> bool:
    """Python's ``\\w``: letters and digits of any script (Hangul included), and the underscore."""
    return char.isalnum() or char == "_"


def _equivalent(found: re.Match[str]) -> str:
    return _EQUIVALENT_CHARS[found.group()]


def normalize_chars(text: str) -> str:
    """One apostrophe, one hyphen, every whitespace character a plain space; same length as ``text``."""
    return _NEEDS_TRANSLATION.sub(_equivalent, text)


def fold_key(form: str, casefold: bool = True) -> str:
    """The folded form of a glossary term, comparable with ``fold_text(...).folded``."""
    text = unicodedata.normalize("NFC", form)
    if casefold:
        text = text.casefold()
    return _SPACE_RUN.sub(" ", normalize_chars(text)).strip()


@dataclass
class FoldedText:
    """``folded`` plus the segments that map its indices back to the original text."""

    original: str
    folded: str
    # Parallel lists, one item per segment, sorted by folded start.
    fold_starts: list[int]
    orig_starts: list[int]
    orig_lengths: list[int]
    one_to_one: list[bool]
    #: Folded and original are the same length with no merged runs: ``to_original`` is the identity.
    identity: bool = field(init=False)

    def __post_init__(self) -> None:
        self.identity = len(self.fold_starts) == 1 and self.one_to_one[0] and len(self.folded) == len(self.original)

    def with_folded(self, folded: str) -> FoldedText:
        """The same segments over another string of the same length (the case-folded twin of a cased fold)."""
        return FoldedText(self.original, folded, self.fold_starts, self.orig_starts, self.orig_lengths, self.one_to_one)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` for the folded half-open range ``start..end`` (end > start)."""
        if self.identity:
            return start, end
        k = bisect_right(self.fold_starts, start) - 1
        orig_start = self.orig_starts[k] + (start - self.fold_starts[k]) if self.one_to_one[k] else self.orig_starts[k]
        k = bisect_right(self.fold_starts, end - 1) - 1
        if self.one_to_one[k]:
            orig_end = self.orig_starts[k] + (end - self.fold_starts[k])
        else:
            orig_end = self.orig_starts[k] + self.orig_lengths[k]
        return orig_start, orig_end


def _fast_fold(text: str, base: str) -> FoldedText:
    """``base`` has one folded character per original character; only whitespace runs shrink."""
    # The substring test is C-fast; the regex would stop at every one of the text's spaces.
    runs = list(_SPACE_RUN.finditer(base)) if "  " in base else []
    if not runs:
        return FoldedText(text, base, [0], [0], [len(text)], [True])
    pieces: list[str] = []
    fold_starts: list[int] = []
    orig_starts: list[int] = []
    orig_lengths: list[int] = []
    one_to_one: list[bool] = []
    folded_pos = orig_pos = 0
    for run in runs:
        if run.start() > orig_pos:
            fold_starts.append(folded_pos)
            orig_starts.append(orig_pos)
            orig_lengths.append(run.start() - orig_pos)
            one_to_one.append(True)
            pieces.append(base[orig_pos : run.start()])
            folded_pos += run.start() - orig_pos
        fold_starts.append(folded_pos)
        orig_starts.append(run.start())
        orig_lengths.append(run.end() - run.start())
        one_to_one.append(False)
        pieces.append(" ")
        folded_pos += 1
        orig_pos = run.end()
    if orig_pos < len(text):
        fold_starts.append(folded_pos)
        orig_starts.append(orig_pos)
        orig_lengths.append(len(text) - orig_pos)
        one_to_one.append(True)
        pieces.append(base[orig_pos:])
    return FoldedText(text, "".join(pieces), fold_starts, orig_starts, orig_lengths, one_to_one)


def _slow_fold(text: str, casefold: bool) -> FoldedText:
    """Grapheme by grapheme, for text that is not NFC or whose case folding changes lengths (rare)."""
    pieces: list[str] = []
    fold_starts: list[int] = []
    orig_starts: list[int] = []
    orig_lengths: list[int] = []
    one_to_one: list[bool] = []
    folded_pos = 0
    previous_space = False
    for cluster in _GRAPHEME.finditer(text):
        original = cluster.group()
        piece = unicodedata.normalize("NFC", original)
        piece = normalize_chars(piece.casefold() if casefold else piece)
        if piece == " " and previous_space:
            orig_lengths[-1] += len(original)  # swallow the run into the previous space
            one_to_one[-1] = False
            continue
        exact = len(piece) == len(original)
        # A space always opens its own segment, so swallowing a run later never spoils a one-to-one run.
        mergeable = exact and not previous_space and piece != " " and one_to_one and one_to_one[-1]
        if mergeable and orig_starts[-1] + orig_lengths[-1] == cluster.start():
            orig_lengths[-1] += len(original)  # extend the current one-to-one run
        else:
            fold_starts.append(folded_pos)
            orig_starts.append(cluster.start())
            orig_lengths.append(len(original))
            one_to_one.append(exact)
        previous_space = piece == " "
        pieces.append(piece)
        folded_pos += len(piece)
    if not fold_starts:
        return FoldedText(text, "", [0], [0], [0], [True])
    return FoldedText(text, "".join(pieces), fold_starts, orig_starts, orig_lengths, one_to_one)


def fold_both(text: str, normalized: str) -> tuple[FoldedText, FoldedText]:
    """(case-folded, case-kept) folds of ``text``, sharing one segment map whenever case folding keeps lengths."""
    cased = fold_text(text, casefold=False, normalized=normalized)
    if text.isascii():
        return cased.with_folded(cased.folded.lower()), cased
    lowered = cased.folded.casefold()
    if len(lowered) == len(cased.folded) and unicodedata.is_normalized("NFC", text):
        return cased.with_folded(lowered), cased
    return fold_text(text, normalized=normalized), cased


def fold_text(text: str, casefold: bool = True, normalized: str | None = None) -> FoldedText:
    """Fold ``text`` for matching; ``casefold=False`` keeps case (for exact-case checks and Korean).

    ``normalized`` is ``normalize_chars(text)`` when the caller has it already.
    """
    if normalized is None:
        normalized = normalize_chars(text)
    if text.isascii():
        return _fast_fold(text, normalized.lower() if casefold else normalized)
    if unicodedata.is_normalized("NFC", text):
        base = normalized.casefold() if casefold else normalized
        # Case folding never shortens a character, so equal total length means every character stayed one.
        if len(base) == len(text):
            return _fast_fold(text, base)
    return _slow_fold(text, casefold)
