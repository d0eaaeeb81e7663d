"""Corpus JSONL records (``shared/corpus/README.md``) as ``Article``s.

Each line is one JSON object with ``id``, ``date``, ``topic``, ``title``, ``url`` and ``text``; the text
starts with the dateline ("Pyongyang, May 3 (KCNA) -- ...") and usually ends with "-0-".
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date as Date
from pathlib import Path

from reader.articles.load import parse_body
from reader.articles.model import Article
from reader.articles.names import BUILTIN_PERSON_NAMES
from reader.articles.normalize import normalize_text, strip_controls
from reader.articles.read import check_readable_file
from reader.articles.segment import split_sentences
from reader.errors import InputError

#: A corpus file is many articles; this only guards against pointing the reader at a disk image.
MAX_CORPUS_BYTES = 2 * 1024 * 1024 * 1024


def _field(record: Mapping[str, object], name: str) -> str | None:
    value = record.get(name)
    return value if isinstance(value, str) and value.strip() else None


def record_to_article(
    record: Mapping[str, object], source: str = "", names: Iterable[str] = BUILTIN_PERSON_NAMES
) -> Article:
    """One corpus record as an Article; ``ValueError`` when the record has no usable text."""
    raw_text = _field(record, "text")
    if raw_text is None:
        raise ValueError("record has no text")
    original = strip_controls(raw_text)
    body = parse_body(normalize_text(original, names).split("\n"))
    paragraphs = [sentences for p in body.paragraphs if (sentences := split_sentences(p))]
    if not paragraphs:
        raise ValueError("record text has no sentences")
    record_date = _field(record, "date")
    try:
        iso_date = Date.fromisoformat(record_date).isoformat() if record_date else None
    except ValueError:
        iso_date = None
    title = _field(record, "title")
    article_id = _field(record, "id")
    return Article(
        title=normalize_text(strip_controls(title), names).replace("\n", " ") if title else paragraphs[0][0],
        date=iso_date,
        place=body.place,
        dateline_date=body.dateline_date,
        agency=body.agency,
        paragraphs=paragraphs,
        source=source or (f"corpus:{article_id}" if article_id else ""),
        article_id=article_id,
        topic=_field(record, "topic"),
        url=_field(record, "url"),
    )


def iter_corpus(path: Path, names: Iterable[str] = BUILTIN_PERSON_NAMES) -> Iterator[Article]:
    """Every record of a corpus JSONL file as an Article, in file order (``names``: as for ``parse_text``).

    Blank lines are skipped; a line that is not a JSON object with text raises ``InputError`` naming the
    line, since a corpus with broken lines is a broken file, not a few bad articles.
    """
    path = Path(path)
    names = tuple(names)
    check_readable_file(path, MAX_CORPUS_BYTES)
    try:
        handle = path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            if "\0" in line:
                raise InputError(path, f"line {number}: binary data (NUL bytes), not a JSONL corpus")
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(path, f"line {number}: not valid JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise InputError(path, f"line {number}: not a JSON object")
            try:
                yield record_to_article(record, names=names)
            except ValueError as exc:
                raise InputError(path, f"line {number}: {exc}") from None


def find_corpus_article(path: Path, article_id: str, names: Iterable[str] = BUILTIN_PERSON_NAMES) -> Article:
    """The record with ``id == article_id``; ``InputError`` when the corpus has none."""
    for article in iter_corpus(path, names):
        if article.article_id == article_id:
            return article
    raise InputError(path, f"no article with id {article_id!r}")
