"""Corpus JSONL records (``shared/corpus/README.md``) as ``Article``s.

Each line is one JSON object with ``id``, ``date``, ``topic``, ``title``, ``url`` and ``text``; the text
starts with the dateline ("Pyongyang, May 3 (KCNA) -- ...") and usually ends with "-0-".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
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


#: JSON's \ud800-style escapes decode to lone surrogates, which no UTF-8 file or SQLite text can hold.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _field(record: Mapping[str, object], name: str) -> str | None:
    value = record.get(name)
    if not isinstance(value, str) or not value.strip():
        return None
    return _LONE_SURROGATE.sub("\ufffd", value)


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


@dataclass(frozen=True)
class RecordProblem:
    """A corpus line that is not a usable record: its 1-based line number and what is wrong with it."""

    line: int
    problem: str


def looks_like_jsonl(text: str) -> bool:
    """Whether ``text`` is JSON lines (a corpus) rather than one article: at least half of its non-blank lines
    start with ``{`` and at least one of those is a JSON object.

    Example: a corpus whose first line is garbage and whose next three are records is JSON lines; an article
    with one "{...}" line among ten paragraphs is not.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    objects = [line for line in lines if line.startswith("{")]
    if not objects or len(objects) * 2 < len(lines):
        return False
    for line in objects:
        try:
            if isinstance(json.loads(line), dict):
                return True
        except (ValueError, RecursionError):
            continue
    return False


def read_records(lines: Iterable[str], names: Iterable[str] = BUILTIN_PERSON_NAMES) -> Iterator[Article | RecordProblem]:
    """Every non-blank line as an Article, or a ``RecordProblem`` naming the line: one bad record never stops
    the rest (blank lines are skipped but counted, so the numbers match an editor's)."""
    names = tuple(names)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if "\0" in line:
            yield RecordProblem(number, "binary data (NUL bytes), not a JSON record")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordProblem(number, f"not valid JSON ({exc.msg})")
            continue
        except (ValueError, RecursionError):
            yield RecordProblem(number, "not valid JSON (too deeply nested or too large a number)")
            continue
        if not isinstance(record, dict):
            yield RecordProblem(number, "not a JSON object")
            continue
        try:
            yield record_to_article(record, names=names)
        except (InputError, ValueError) as exc:
            yield RecordProblem(number, str(exc.problem if isinstance(exc, InputError) else exc))


def iter_corpus_records(path: Path, names: Iterable[str] = BUILTIN_PERSON_NAMES) -> Iterator[Article | RecordProblem]:
    """The records of a corpus file, bad ones as ``RecordProblem``s (``reader import`` goes on past them).

    Raises ``InputError`` only when the file as a whole cannot be read (missing, a directory, too big).
    """
    path = Path(path)
    check_readable_file(path, MAX_CORPUS_BYTES)
    try:
        handle = path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    with handle:
        yield from read_records(handle, names)


def iter_corpus(path: Path, names: Iterable[str] = BUILTIN_PERSON_NAMES) -> Iterator[Article]:
    """Every record of a corpus JSONL file as an Article, in file order (``names``: as for ``parse_text``).

    Strict, for tools that need the whole corpus (``reader parse``, benchmarks): the first line that is not a
    JSON object with text raises ``InputError`` naming the line. ``reader import`` uses ``iter_corpus_records``.
    """
    for item in iter_corpus_records(path, names):
        if isinstance(item, RecordProblem):
            raise InputError(path, f"line {item.line}: {item.problem}")
        yield item


def find_corpus_article(path: Path, article_id: str, names: Iterable[str] = BUILTIN_PERSON_NAMES) -> Article:
    """The record with ``id == article_id``; ``InputError`` when the corpus has none."""
    for article in iter_corpus(path, names):
        if article.article_id == article_id:
            return article
    raise InputError(path, f"no article with id {article_id!r}")
