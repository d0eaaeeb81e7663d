"""Korean articles as published: language by script, sentences as exact slices of the text as read.

DPRK texts (the New Year addresses in ``shared/corpus/ko-new-year-addresses``) arrive in several shapes: a BOM,
CRLF line ends, full-width digits and punctuation (``제７기``, ``！``), sentences glued after a full stop
(``되였습니다.사회주의에``), and, in copies made by South Korean compilers, a headnote (``해 제``) before the
original text (``원 문`` / ``전문``). Nothing here rewrites the text: every sentence is ``line[a:b]`` of a line of
the decoded input, so term offsets found in a sentence are offsets in the text as read. Folding (full-width to
ASCII, spaces removed) happens only inside the Korean matcher (``glossary.korean_match``).

Sentence rule (measured in the reference note on Korean analysis, §4: it finds every glued boundary Kiwi finds on
1956, 2004 and 2019 and never splits a quoted slogan): split at line breaks and, inside a line, after
``[.?!？！．]+`` that follows one of the sentence-final syllables 다 까 요 라 자, unless a closing quote or
bracket follows. Worked example::

    >>> split_korean_sentences("되였습니다.사회주의에 대하여 말하자! 《승리하자!》, 이것이 구호입니다.")
    ['되였습니다.', '사회주의에 대하여 말하자!', '《승리하자!》, 이것이 구호입니다.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.articles.normalize import strip_controls

#: A text is Korean when Hangul syllables make up at least this share of its letters (Hangul + Latin).
KOREAN_SHARE = 0.3
_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile("[A-Za-z]")
#: Hangul syllables and conjoining jamo: what makes a query or a text Korean.
_HANGUL_LETTER = re.compile("[\uac00-\ud7a3\u1100-\u11ff]")
_SENTENCE_END = re.compile(r"(?<=[다까요라자])[.?!？！．]+(?![.?!？！．”’\"'」』》≫)])")
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
#: A compiler's section labels, letters possibly spaced out: 해 제 (headnote), 원 문 / 전 문 (original text).
_HEADNOTE_LABEL = re.compile(r"^\s*해\s*제\s*$")
_ORIGINAL_LABEL = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?(?:원\s*문|전\s*문)\s*$")
_MAX_TITLE_CHARS = 120
_SENTENCE_MARKS = (".", "!", "?", "！", "？", "．")


def detect_language(text: str, sample: int = 20_000) -> str:
    """``"ko"`` when Hangul is at least ``KOREAN_SHARE`` of the letters in the first ``sample`` characters."""
    head = text[:sample]
    hangul = len(_HANGUL.findall(head))
    latin = len(_LATIN.findall(head))
    if hangul and hangul >= KOREAN_SHARE * (hangul + latin):
        return "ko"
    return "en"


def split_korean_sentences(line: str) -> list[str]:
    """One line into sentences, each an exact slice of ``line`` without its outer spaces."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(line):
        piece = line[start : match.end()].strip()
        if piece:
            sentences.append(piece)
        start = match.end()
    rest = line[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


@dataclass
class KoreanLayout:
    """A Korean text cut into title, a compiler's headnote (kept apart) and the original's paragraphs."""

    title: str = ""
    headnote: list[str] = field(default_factory=list)
    paragraphs: list[list[str]] = field(default_factory=list)


def _clean_line(line: str) -> str:
    # Controls (escape sequences) are stripped for the terminal's sake; ordinary lines are kept as they are.
    line = line.strip()
    # What the controls leave may end or start in a space ("0 \x98…" -> "0 "): strip again after them.
    return strip_controls(line).strip() if line.isprintable() is False else line


def layout_korean(text: str) -> KoreanLayout:
    """Title (first non-empty line), headnote between ``해 제`` and ``원 문``/``전문``, then paragraphs.

    Without a headnote label everything after the title is the original. A line that is only a section label
    (``원 문``, ``[공동사설] 원문``) is dropped. Example: 1956.txt has a title, a subtitle line, ``해 제``, a
    South Korean summary, ``원 문``, then the speech: the summary goes to ``headnote``, the speech to
    ``paragraphs`` and the subtitle stays the first paragraph.
    """
    lines = [cleaned for raw in _LINE_BREAK.split(text) if (cleaned := _clean_line(raw))]
    layout = KoreanLayout()
    while lines and _ORIGINAL_LABEL.match(lines[0]):
        lines = lines[1:]
    if not lines:
        return layout
    # A first line that ends like a sentence (a salutation: 친애하는 동지들!) is body, not a headline.
    if len(lines[0]) <= _MAX_TITLE_CHARS and not lines[0].endswith(_SENTENCE_MARKS):
        layout.title, lines = lines[0], lines[1:]
    headnote_at = next((i for i, line in enumerate(lines) if _HEADNOTE_LABEL.match(line)), None)
    original_at = next((i for i, line in enumerate(lines) if _ORIGINAL_LABEL.match(line)), None)
    body: list[str]
    if headnote_at is not None and original_at is not None and headnote_at < original_at:
        layout.headnote = lines[headnote_at + 1 : original_at]
        body = lines[:headnote_at] + lines[original_at + 1 :]
    elif original_at is not None and original_at <= 2:
        body = lines[:original_at] + lines[original_at + 1 :]
    else:
        body = lines
    layout.paragraphs = [sentences for line in body if (sentences := split_korean_sentences(line))]
    if not layout.title and layout.paragraphs:
        layout.title = layout.paragraphs[0][0][:_MAX_TITLE_CHARS]
    return layout


def has_hangul(text: str) -> bool:
    """Whether ``text`` has any Hangul letter (a syllable or a conjoining jamo): a Korean query or text."""
    return _HANGUL_LETTER.search(text) is not None
