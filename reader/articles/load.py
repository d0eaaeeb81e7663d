"""The KCNA text shape (and plain text) into an ``Article``.

The shape, as in ``seeds/2023-10-20-kim-jong-un-receives-lavrov.txt``::

    Respected Comrade Kim Jong Un Receives Russian Foreign Minister      <- title
    2023-10-20                                                          <- ISO date (optional)
    Respected Comrade                                                   <- stray keyword lines (optional)
    Russian Foreign Minister
    Pyongyang, October 20 (KCNA) -- Kim Jong Un , general secretary ... <- dateline paragraph
    Present there were ...                                              <- body paragraphs
    -0-                                                                 <- end mark (or glued to the last line)

Without a date line the date is ``None``. A file whose first line is itself a dateline or body paragraph
(as corpus texts are) keeps that line as body and takes the title from its first sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from reader.articles.korean import detect_language, layout_korean
from reader.articles.model import Article
from reader.articles.names import BUILTIN_PERSON_NAMES
from reader.articles.normalize import normalize_text, strip_controls
from reader.articles.read import read_article_text
from reader.articles.segment import split_sentences
from reader.errors import InputError

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
#: "Pyongyang, October 20 (KCNA) -- body"; the place may be a few words ("Beijing, June 3 (KCNA) --").
DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.' -]{0,40}?), (?P<date>" + _MONTH + r" \d{1,2}(?:, \d{4})?) "
    r"\((?P<agency>[A-Z][A-Za-z]{1,15})\) ?--+ ?(?P<body>.*)$",
    re.DOTALL,
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_END_MARK = re.compile(r"\s*-0-\s*$")
#: A first line longer than this is a paragraph, not a headline.
_MAX_TITLE_CHARS = 200
_MAX_KEYWORD_WORDS = 6
_DERIVED_TITLE_CHARS = 100


@dataclass
class Body:
    """What follows the header: the dateline's fields and the paragraphs' text (not yet split)."""

    paragraphs: list[str]
    place: str | None = None
    dateline_date: str | None = None
    agency: str | None = None


def parse_body(lines: list[str]) -> Body:
    """Body lines (dateline first, if any) into paragraphs; drops empty lines and the end mark."""
    paragraphs = [line for line in lines if line]
    if paragraphs:
        last = _END_MARK.sub("", paragraphs[-1])
        paragraphs = paragraphs[:-1] + ([last] if last else [])
    body = Body(paragraphs=paragraphs)
    if paragraphs:
        match = DATELINE.match(paragraphs[0])
        if match:
            body.place = match["place"]
            body.dateline_date = match["date"]
            body.agency = match["agency"]
            rest = match["body"].strip()
            body.paragraphs = ([rest] if rest else []) + paragraphs[1:]
    return body


def _is_keyword_line(line: str) -> bool:
    """Stray page labels ("Respected Comrade"): a few words, no sentence punctuation, not a dateline."""
    return (
        0 < len(line.split()) <= _MAX_KEYWORD_WORDS
        and not line.endswith((".", "?", "!", ":", '"', "”", ","))
        and not DATELINE.match(line)
        and line != "-0-"
    )


def _derived_title(paragraphs: list[str]) -> str:
    if not paragraphs:
        return ""
    first = split_sentences(paragraphs[0])[0]
    if len(first) <= _DERIVED_TITLE_CHARS:
        return first
    return first[: _DERIVED_TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _parse_iso_date(line: str, warnings: list[str], source: str) -> str | None:
    try:
        return Date.fromisoformat(line).isoformat()
    except ValueError:
        warnings.append(f"{source or 'input'}: date line {line!r} is not a real date; date left empty")
        return None


#: The languages an article can be read as (``--lang``).
LANGUAGES = ("en", "ko")


def parse_text(
    text: str, source: str = "", names: Iterable[str] = BUILTIN_PERSON_NAMES, lang: str | None = None
) -> Article:
    """Parse one article's text (KCNA shape or plain text) into an ``Article``.

    ``names`` are the person names whose scraped glue is repaired (``names.degluing_names``). ``lang`` forces
    the language; by default it is detected from the script (``reader.articles.korean.detect_language``).
    Korean text is laid out by ``reader.articles.korean`` without rewriting a character.

    Raises ``InputError`` when nothing readable is left after removing control characters.
    """
    if (lang or detect_language(text)) == "ko":
        return _parse_korean(text, source)
    original = strip_controls(text)
    lines = normalize_text(original, names).split("\n")
    while lines and not lines[0]:
        lines.pop(0)
    if not lines:
        raise InputError(source or "input", "no readable text")
    warnings: list[str] = []
    title = ""
    date: str | None = None
    keywords: list[str] = []
    first = lines[0]
    if DATELINE.match(first) or len(first) > _MAX_TITLE_CHARS:
        rest = lines
    else:
        title, rest = first, lines[1:]
        while rest and not rest[0]:
            rest = rest[1:]
        if rest and _ISO_DATE.match(rest[0]):
            date = _parse_iso_date(rest[0], warnings, source)
            rest = rest[1:]
            while rest and (not rest[0] or _is_keyword_line(rest[0])):
                if rest[0]:
                    keywords.append(rest[0])
                rest = rest[1:]
    body = parse_body(rest)
    return Article(
        title=title or _derived_title(body.paragraphs),
        date=date,
        place=body.place,
        dateline_date=body.dateline_date,
        agency=body.agency,
        keywords=keywords,
        paragraphs=[sentences for p in body.paragraphs if (sentences := split_sentences(p))],
        source=source,
        warnings=warnings,
    )


def _parse_korean(text: str, source: str) -> Article:
    layout = layout_korean(text)
    if not layout.paragraphs and not layout.title:
        raise InputError(source or "input", "no readable text")
    return Article(
        title=layout.title,
        paragraphs=layout.paragraphs or [[layout.title]],
        source=source,
        lang="ko",
        headnote=layout.headnote,
    )


#: File endings read as web pages.
HTML_SUFFIXES = (".html", ".htm")


def load_article(path: Path, names: Iterable[str] = BUILTIN_PERSON_NAMES, lang: str | None = None) -> Article:
    """Read and parse one article file; ``InputError`` for anything that is not a usable article.

    ``.html``/``.htm`` pages are converted to text first (``reader.articles.html``); ``.md`` and anything else is
    read as text.
    """
    path = Path(path)
    text, warnings = read_article_text(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        from reader.articles.html import html_to_text

        text = html_to_text(text)
        if not text.strip():
            raise InputError(path, "HTML page with no text")
    article = parse_text(text, source=str(path), names=names, lang=lang)
    article.warnings[:0] = warnings
    return article
