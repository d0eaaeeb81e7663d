"""Sentence splitting tuned for KCNA English.

A boundary is a ``.``, ``?``, ``!`` or ``…`` (with any closing quotes or brackets after it) followed by
a space and a token that can start a sentence. KCNA sentences never start in lower case, so that case is
never a boundary. The rest is about abbreviations:

- titles and counters that always take a following word or number ("Mt. Paektu", "No. 1", "Oct. 19",
  "Dr.", "St.", "Co. Ltd.") and single initials ("N. Dorjsuren", "J. Smith") never end a sentence;
- dotted initialisms ("U.S.", "C.C.", "a.m.", "H.E.") and "Ltd." end one only when the next word is one
  that starts sentences ("...premeditated by the U.S. And this..."), not a name ("the U.S. Department");
- before a number, only an abbreviation that counts ("No.", "Sept.") joins the sentences.

Worked example::

    >>> split_sentences('Hostile acts of the U.S. Air Force went on. "It is a crime." He left on Oct. 19.')
    ['Hostile acts of the U.S. Air Force went on.', '"It is a crime."', 'He left on Oct. 19.']
"""

from __future__ import annotations

import re

# Abbreviations that always take a following word or number: never a sentence end.
_ALWAYS_JOIN = frozenset(
    "Mt Mts St Dr Mr Mrs Ms Messrs Prof Gen Lt Col Maj Capt Sgt Adm Gov Sen Rep Rev Jr Sr Hon "
    "No Nos Vol Vols pp vs Co Corp Dept Univ approx "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
# Abbreviations that end a sentence only before a word that usually starts one.
_JOIN_UNLESS_STARTER = frozenset("Ltd Inc etc".split())
# Words that start sentences; after "U.S." they mean a new sentence, after "U.S. Department" they don't appear.
_SENTENCE_STARTERS = frozenset(
    "A An The This That These Those It Its He His She Her They Their Them We Our I You Your "
    "In On At As By For From With Without To Of After Before During Since Until While When Whenever Where "
    "What Which Who Whom Whose Why How If Unless Although Though Even Because So Then Thus Therefore Hence "
    "But And Or Nor Yet Also However Moreover Furthermore Meanwhile Now Today Yesterday Tomorrow Recently "
    "Such All Any Each Every No Not None Some Many Much Most More Few Both Either Neither One Other Another "
    "There Here Let Never Only Just Still Already Last Next Earlier Later Instead Indeed Besides Nevertheless "
    "Present Speakers Participants Attending".split()
)
_TERMINATOR = re.compile(r"[.?!…]+[\"”’')\]]*(?=\s)")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}$")


def _word_before(text: str, end: int) -> str:
    """The token ending at ``end`` (the terminator's first character), without leading quotes/brackets."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip("\"“‘'([")


def _is_boundary(text: str, terminator_start: int, next_token: str) -> bool:
    first = next_token[0]
    if first.islower() or first in ",;:-–—)…":
        return False
    if not any(ch.isalnum() for ch in next_token.split(" ")[0]):
        return False  # a lone closing quote or dash belongs to the sentence before it
    word = _word_before(text, terminator_start + 1)  # includes the first terminator character
    if text[terminator_start] != ".":
        return True
    bare = word[:-1].split("-")[-1]  # "anti-U.S." -> "U.S"; "DPRK-U.S." -> "U.S"
    starts_sentence = next_token.strip("\"“‘'(").split(" ")[0].rstrip(",.;:") in _SENTENCE_STARTERS
    if bare in _ALWAYS_JOIN:
        return False
    if first.isdigit():
        return True
    if len(bare) == 1 and bare.isupper():
        return False  # an initial: "N. Dorjsuren"
    if _INITIALISM.search(bare + ".") or bare in _JOIN_UNLESS_STARTER:
        return starts_sentence
    return True


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences; whitespace inside a sentence is kept as given."""
    text = paragraph.strip()
    if not text:
        return []
    sentences: list[str] = []
    start = 0
    for match in _TERMINATOR.finditer(text):
        after = match.end()
        next_start = after
        while next_start < len(text) and text[next_start].isspace():
            next_start += 1
        if next_start >= len(text):
            break
        next_token = text[next_start : next_start + 40]
        if _is_boundary(text, match.start(), next_token):
            sentences.append(text[start:after].strip())
            start = next_start
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences
