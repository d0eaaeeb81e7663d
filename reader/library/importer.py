"""Importing articles into the library: files, folders, corpus JSONL and stdin, duplicates skipped.

Each input is read with the same parser ``reader parse`` uses. Nothing stops an import but the end of its
inputs: a bad file, and each bad record of a corpus, is reported as one ``SOURCE:LINE: problem`` (or
``SOURCE: problem`` for a whole file) and the rest is imported. Nothing half-imported is left, because each
article is one transaction.

JSON lines are recognised by content as well as by the ``.jsonl`` ending, so ``cat corpus.jsonl | reader
import -`` imports every record (not one article titled with the first JSON line), and so does a corpus saved
under another name.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reader.articles.model import Article
from reader.articles.names import BUILTIN_PERSON_NAMES
from reader.errors import InputError
from reader.library.store import Library
from reader.progress import ProgressCallback, no_progress

#: File endings a folder import picks up.
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
STDIN = "-"
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class ImportProblem:
    """Something an import skipped: the input (path or ``<stdin>``), the record's line (None: the whole input)."""

    source: str
    line: int | None
    problem: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.problem}" if self.line is not None else f"{self.source}: {self.problem}"

    def to_json(self) -> dict[str, object]:
        return {"source": self.source, "line": self.line, "problem": self.problem}


@dataclass
class ImportReport:
    added: int = 0
    duplicates: int = 0
    errors: list[ImportProblem] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0: nothing rejected; 1: something rejected, the rest kept; 2: nothing in the input was usable."""
        if not self.errors:
            return 0
        return 1 if self.added or self.duplicates else 2

    def to_json(self) -> dict[str, object]:
        return {"imported": self.added, "duplicates": self.duplicates, "errors": [e.to_json() for e in self.errors]}


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """Folders become their article files (sorted, recursive); files and ``-`` stay as they are."""
    expanded: list[str] = []
    for item in inputs:
        path = Path(item)
        if item != STDIN and path.is_dir():
            expanded += [str(p) for p in sorted(path.rglob("*")) if p.is_file() and p.suffix in ARTICLE_SUFFIXES]
        else:
            expanded.append(item)
    return expanded


def decode_stream(data: bytes) -> str:
    """Bytes of unknown origin as text, never failing: UTF-16 with a BOM, else UTF-8 with bad bytes replaced.

    NUL bytes are kept: in JSON lines they spoil only their own record, in one article they reject it.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8-sig", errors="replace")


def records_in_text(text: str, source: str, names: Sequence[str]) -> Iterator[Article | ImportProblem]:
    """One input's text as articles: every record of JSON lines, else the one article it holds."""
    from reader.articles.corpus import RecordProblem, looks_like_jsonl, read_records
    from reader.articles.load import parse_text

    if looks_like_jsonl(text):
        for item in read_records(text.split("\n"), names):  # not splitlines: U+2028 may sit inside a record
            yield ImportProblem(source, item.line, item.problem) if isinstance(item, RecordProblem) else item
        return
    if "\0" in text:
        yield ImportProblem(source, None, "binary data (contains NUL bytes), not text")
        return
    try:
        yield parse_text(text, source=source, names=names)
    except InputError as exc:
        yield ImportProblem(source, None, exc.problem)


def _records_of(item: str, names: Sequence[str], stdin_text: str | None) -> Iterator[Article | ImportProblem]:
    from reader.articles.corpus import RecordProblem, iter_corpus_records
    from reader.articles.load import HTML_SUFFIXES, load_article
    from reader.articles.read import read_article_text

    if item == STDIN:
        yield from records_in_text(stdin_text or "", STDIN_NAME, names)
        return
    try:
        if item.endswith(".jsonl"):
            for record in iter_corpus_records(Path(item), names):
                yield ImportProblem(item, record.line, record.problem) if isinstance(record, RecordProblem) else record
            return
        if Path(item).suffix.lower() in HTML_SUFFIXES:
            yield load_article(Path(item), names)  # a saved web page is one article
            return
        text, warnings = read_article_text(Path(item))
    except InputError as exc:
        yield ImportProblem(item, None, exc.problem)
        return
    except OSError as exc:
        yield ImportProblem(item, None, f"cannot read: {exc.strerror or exc}")
        return
    for found in records_in_text(text, item, names):
        if isinstance(found, Article):
            found.warnings[:0] = warnings
        yield found


def _read_stdin(stdin: BinaryIO | None) -> str:
    """All of standard input as text; bytes when the stream has them, so invalid UTF-8 cannot stop the import."""
    if stdin is not None:
        return decode_stream(stdin.read())
    stream = getattr(sys.stdin, "buffer", None)
    return decode_stream(stream.read()) if stream is not None else sys.stdin.read()


def _expected_articles(item: str, stdin_text: str | None) -> int:
    """How many articles ``item`` should hold: a corpus's non-empty lines, else one (for the progress bar)."""
    if item == STDIN:
        from reader.articles.corpus import looks_like_jsonl

        text = stdin_text or ""
        return max(sum(1 for line in text.split("\n") if line.strip()), 1) if looks_like_jsonl(text) else 1
    if not item.endswith(".jsonl"):
        return 1
    try:
        with open(item, "rb") as handle:
            return max(sum(1 for line in handle if line.strip()), 1)
    except OSError:
        return 1


def import_articles(
    inputs: Sequence[str],
    library: Library,
    entry_counts: Callable[[Article], dict[str, int]],
    progress: ProgressCallback | None = None,
    names: Sequence[str] = BUILTIN_PERSON_NAMES,
    stdin: BinaryIO | None = None,
) -> ImportReport:
    """Add every article in ``inputs``; ``entry_counts`` gives the glossary entries an article links.

    ``names`` are the person names whose scraped glue is repaired (``ReaderContext.article_names``); ``-`` reads
    ``stdin`` (default: the process's standard input, as bytes). Progress counts articles, so a corpus file of
    943 records moves the bar 943 times.
    """
    report = ImportReport()
    progress = progress or no_progress
    files = expand_inputs(inputs)
    stdin_text = None
    if STDIN in files:
        stdin_text = _read_stdin(stdin)
    expected = [_expected_articles(item, stdin_text) for item in files]
    total = sum(expected)
    done = 0
    for item, item_expected in zip(files, expected, strict=True):
        item_done = 0
        for record in _records_of(item, names, stdin_text):
            if isinstance(record, ImportProblem):
                report.errors.append(record)
            else:
                _article_id, added = library.add(record, entry_counts(record))
                if added:
                    report.added += 1
                else:
                    report.duplicates += 1
            item_done += 1
            progress(done + min(item_done, item_expected), total)
        done += item_expected
        progress(done, total)
    return report
