"""The English keys an entry is matched by: its forms, their plurals and possessives, and the case rule of each.

Case rule: a token written in capitals (two or more letters, none lower-case: ``WPK``, ``SPA``, ``C.C.,``)
is an acronym and must match exactly; everything else matches case-insensitively. So "the party" links the
entry whose variant is "the Party", but "spa" never links "SPA".

Inflections: curators list base forms only. For "vice-minister" the matcher also links "vice-ministers",
"vice-minister's" and "vice-ministers'"; for "WPK" it links "WPK's" (acronyms get no plural).
"""

from __future__ import annotations

from dataclasses import dataclass

from glossary.folding import fold_key
from glossary.model import Entry

_VOWELS = frozenset("aeiou")


@dataclass(frozen=True)
class Key:
    """One folded key of the automaton and what a hit on it means."""

    folded: str
    entry_index: int
    #: (token index, exact token) for every acronym token: the original token must start with it.
    exact_tokens: tuple[tuple[int, str], ...]
    #: Listed by a curator (True) or generated (plural, possessive): a listed form beats a generated one.
    listed: bool
    #: A form made of acronyms only ("WPK", "C.C., WPK"): matched against the case-kept text, so "UN" never
    #: raises a hit inside every "under" (that alone was 60% of the raw hits on the dev corpus).
    cased: bool = False

    @property
    def lead(self) -> int:
        """Characters of a leading "the ": the hit competes for leftmost from after them (see glossary.match)."""
        return 4 if self.folded.startswith("the ") and len(self.folded) > 4 else 0


def is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _plural(word: str) -> str | None:
    """Regular English plural of a folded word, or None when the word looks plural already or is not a word."""
    if not word or not word[-1].isalpha():
        return None
    if word.endswith(("ss", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("s"):
        return None
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def inflections(folded: str, last_token_is_acronym: bool) -> list[str]:
    """Possessive, plural and plural possessive of a folded form (the form itself excluded)."""
    found = [folded + "'s"]
    if folded.endswith("s"):
        found.append(folded + "'")
    if not last_token_is_acronym:
        head, _, last = folded.rpartition(" ")
        plural_word = _plural(last)
        if plural_word:
            plural = f"{head} {plural_word}" if head else plural_word
            found += [plural, plural + "'"]
    return found


def english_keys(entry: Entry, entry_index: int) -> list[Key]:
    """Every key for one entry; pattern entries are matched by their pattern only."""
    if entry.pattern:
        return []
    keys: list[Key] = []
    for form in entry.surface_forms:
        cased = fold_key(form, casefold=False)
        folded = fold_key(form)
        if not folded:
            continue
        tokens = cased.split(" ")
        exact = tuple((i, tok) for i, tok in enumerate(tokens) if is_acronym(tok))
        if len(exact) == len(tokens):
            keys.append(Key(cased, entry_index, (), listed=True, cased=True))
            keys.extend(Key(f, entry_index, (), listed=False, cased=True) for f in inflections(cased, True))
            continue
        keys.append(Key(folded, entry_index, exact, listed=True))
        for inflected in inflections(folded, is_acronym(tokens[-1])):
            keys.append(Key(inflected, entry_index, exact, listed=False))
    return keys


def exact_tokens_match(original_slice: str, exact_tokens: tuple[tuple[int, str], ...]) -> bool:
    """True when every acronym token of the key appears with its exact case in the matched original text."""
    if not exact_tokens:
        return True
    tokens = fold_key(original_slice, casefold=False).split(" ")
    return all(index < len(tokens) and tokens[index].startswith(token) for index, token in exact_tokens)
