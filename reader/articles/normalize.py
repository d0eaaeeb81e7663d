"""Repair the flaws scraping leaves in KCNA text, and strip what a terminal would execute.

Two jobs, kept apart because they run at different times:

- ``strip_controls`` runs on every input at import: the text is later drawn in a terminal, where an
  escape sequence could move the cursor, retitle the window or hide text.
- ``normalize_text`` repairs scraped flaws and only those; text without flaws comes back unchanged.
  Curly double quotes, dashes and symbols stay as printed (they are what the reader shows); curly
  apostrophes become ``'`` so "Workers’ Party" and "Workers' Party" compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from reader.articles.names import BUILTIN_PERSON_NAMES

# Terminal escape sequences, longest forms first: CSI (ESC [ ... final byte), OSC (ESC ] ... BEL or ST),
# string commands DCS/SOS/PM/APC (ESC P/X/^/_ ... ST), their 8-bit C1 forms, then two-byte escapes.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 and C1 controls except tab and newline, DEL, and the bidirectional overrides that reorder what a
# terminal draws; zero-width characters and the byte-order mark carry nothing a reader needs.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters; keep newlines, turn tabs into spaces.

    >>> strip_controls("Kim\\x1b[31m Jong\\x1b[0m Un\\x07\\r\\n")
    'Kim Jong Un\\n'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    # Every escape sequence starts with a control character, so clean text (nearly all of it) is one scan of the
    # single character class, not a scan of the escape alternation (0.04 s against 0.2 s on a 4.8 MB article).
    # Tabs become spaces only after the escapes are gone: "ESC TAB" is a lone ESC, "ESC SPACE x" a sequence.
    if _CONTROL.search(text) is None:
        return text.replace("\t", " ")
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text).replace("\t", " "))


_ODD_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
#: Curly and modifier apostrophes, primes: all read as "'". (Replaced one by one: ``str.translate`` with a
#: table costs a dictionary lookup per character, 1.6 s on a 4.8 MB article against 0.04 s.)
_APOSTROPHES = ("\u2019", "\u2018", "\u02bc", "\u2032")
# Fullwidth ASCII ("Aalam－Party") and Roman numeral letters ("Carl ⅩⅥ Gustaf") read as plain ASCII.
_COMPATIBILITY_FORMS = "\uff01-\uff5e\u2160-\u217f"
# Both kinds in one pass over the text (each pass over 4.8 MB costs about 0.07 s).
_ODD_CHARACTER = re.compile(f"[{_ODD_SPACES}{_COMPATIBILITY_FORMS}]")
_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")
# "(KCNA) --Kim Jong Un": the dash lost its following space with the markup around the name.
_DATELINE_DASH = re.compile(r"\((KCNA)\) ?--(?=\S)")
# Characters that, directly before a name, mean the space was lost ("ofKim", "H.E.Kim", "4Kim", ",Kim").
_GLUE_BEFORE = re.compile(r"[A-Za-z0-9.,;:]")


@lru_cache(maxsize=8)
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    # Longest first, so "Kim Jong Un" is never cut to a shorter listed name it starts with.
    ordered = sorted(set(names), key=len, reverse=True)
    if not ordered:
        return None
    return re.compile("|".join(re.escape(name) for name in ordered))


def deglue_names(text: str, names: Iterable[str]) -> str:
    """Put back the spaces the agency's markup swallowed around person names.

    A listed name directly after a letter, digit or ``. , ; :`` gets a space before it; a letter directly
    after it gets a space after it. Names are whole multi-word names, so a letter after the last word can
    only be a glued neighbour ("Kim Jong Un" + "told" is "Kim Jong Untold", not the word "untold").

    >>> deglue_names("the respected ComradeKim Jong Uninvited H.E.Kim Il Sungand", ["Kim Jong Un", "Kim Il Sung"])
    'the respected Comrade Kim Jong Un invited H.E. Kim Il Sung and'
    """
    pattern = _name_pattern(tuple(names))
    if pattern is None:
        return text
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        pieces.append(text[last:start])
        if start > 0 and _GLUE_BEFORE.match(text[start - 1]):
            pieces.append(" ")
        pieces.append(match.group())
        if end < len(text) and text[end].isalpha():
            pieces.append(" ")
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


# A line that ends like this finished its sentence (or is the end mark); anything else may be broken off.
_LINE_ENDINGS = (".", "?", "!", ":", ";", '"', "”", "'", ")", "]", "…", "-0-")
#: A line this long that ends mid-sentence is body text, not a heading such as "Rodong Sinmun".
_MIN_BROKEN_LINE_WORDS = 7


def rejoin_broken_lines(text: str, names: Iterable[str]) -> str:
    r"""Join lines the scraper broke mid-sentence, where the markup around a name became a line break.

    A line that does not end a sentence is joined to the next when that one starts in lower case, or
    starts with a listed name and the line before is long or ends in a comma (so headings stay apart).

    >>> rejoin_broken_lines("The speakers noted that the respected fatherly Marshal\nKim Jong Unput forward",
    ...                     ["Kim Jong Un"])
    'The speakers noted that the respected fatherly Marshal Kim Jong Unput forward'
    >>> rejoin_broken_lines("Rodong Sinmun\nKim Jong Un visited a farm.", ["Kim Jong Un"])
    'Rodong Sinmun\nKim Jong Un visited a farm.'
    """
    name_starts = tuple(names)
    joined: list[str] = []
    for line in text.split("\n"):
        previous = joined[-1].rstrip() if joined else ""
        current = line.lstrip()
        broken_off = (
            previous
            and current
            and not previous.endswith(_LINE_ENDINGS)
            and (
                current[0].islower()
                or (
                    current.startswith(name_starts)
                    and (len(previous.split()) >= _MIN_BROKEN_LINE_WORDS or previous.endswith(","))
                )
            )
        )
        if broken_off:
            joined[-1] = f"{previous} {current}"
        else:
            joined.append(line)
    return "\n".join(joined)


def _plain_character(match: re.Match[str]) -> str:
    """An odd space as a space; a fullwidth or Roman-numeral form as its plain ASCII (NFKC)."""
    character = match.group()
    return " " if _ODD_SPACE.match(character) else unicodedata.normalize("NFKC", character)


def _drop_spaces_before_punctuation(text: str) -> str:
    """Drop the spaces between a word and the punctuation after it ("Kim Jong Un ," -> "Kim Jong Un,").

    Punctuation counts when whitespace, the end of the text or a closing quote follows it; the spaces go only
    when a word character (letter, digit, ``_``) precedes them. Candidates are found with ``str.find`` for
    " ," " ." and so on, which is fast, instead of trying a pattern at each of a long article's spaces (0.15 s
    on 4.8 MB).

    >>> _drop_spaces_before_punctuation('He left , she stayed  . "Yes" .')
    'He left, she stayed. "Yes" .'
    """
    cuts: list[tuple[int, int]] = []
    for mark in ",.;:!?":
        position = text.find(" " + mark)
        while position >= 0:
            after = position + 2
            if after == len(text) or text[after].isspace() or text[after] in "\"”')":
                start = position
                while start > 0 and text[start - 1] == " ":
                    start -= 1
                before = text[start - 1] if start else ""
                if before and (before.isalnum() or before == "_"):
                    cuts.append((start, position + 1))
            position = text.find(" " + mark, after - 1)
    if not cuts:
        return text
    cuts.sort()
    pieces, last = [], 0
    for start, end in cuts:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _collapse_space_runs(text: str) -> str:
    """Runs of spaces as one space; ``str.replace`` passes (each halves the longest run) beat a pattern tried at
    every space of a long text."""
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def normalize_text(text: str, names: Iterable[str] = BUILTIN_PERSON_NAMES) -> str:
    """Repair scraped flaws; ``names`` are the person names to de-glue (``names.degluing_names``).

    Odd spaces become spaces, curly apostrophes ``'``, fullwidth forms ASCII; lines broken before a name
    are rejoined; glued names, the dateline dash and spaces before punctuation are fixed; runs of spaces
    collapse; lines are trimmed. Other newlines (paragraph breaks) are kept.

    >>> normalize_text("(KCNA) --Kim Jong Un , general secretary of the Workers’ Party", ["Kim Jong Un"])
    "(KCNA) -- Kim Jong Un, general secretary of the Workers' Party"
    """
    text = _ODD_CHARACTER.sub(_plain_character, text)
    for apostrophe in _APOSTROPHES:
        text = text.replace(apostrophe, "'")
    text = _DATELINE_DASH.sub(r"(\1) -- ", text)
    names = tuple(names)
    text = rejoin_broken_lines(text, names)
    text = deglue_names(text, names)
    text = _drop_spaces_before_punctuation(text)
    text = _collapse_space_runs(text)
    return "\n".join(line.strip() for line in text.split("\n"))
