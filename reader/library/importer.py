"""Importing articles into the library: files, folders, corpus JSONL and stdin, duplicates skipped.

Each input is read with the same parser ``reader parse`` uses. Nothing stops an import but the end of its
inputs: a bad file, and each bad record of a corpus, is reported as one ``SOURCE:LINE: problem`` (or
``SOURCE: problem`` for a whole file) and the rest is imported. Nothing half-imported is left, because each
article is one transaction.

JSON lines are recognised by content as well as by the ``.jsonl`` ending, so ``cat corpus.jsonl | reader
import -`` imports every record (not one article titled with the first JSON line), and so does a corpus saved
under another name.

Articles are written in batches of ``BATCH_SIZE``, one transaction each. At archive scale (a corpus file of
``PARALLEL_MIN_RECORDS`` records or more, given a ``WorkerGlossary``), parsing and term matching, the slow part,
run in worker processes that rebuild the caller's glossary matcher, while this process only writes to the store.
Example: a record takes about 1.3 ms to parse and match and 0.3 ms to write on one core, so 100,000 records
cost about 165 s on one core, and two workers and a writer bring that to about 70 s on 2 idle cores.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from glossary.model import Span
from reader.articles.model import Article
from reader.articles.names import BUILTIN_PERSON_NAMES
from reader.errors import InputError
from reader.library.store import Library, PreparedArticle, prepare
from reader.progress import ProgressCallback, no_progress

#: File endings a folder import picks up.
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
#: Articles written per transaction.
BATCH_SIZE = 500
#: A corpus file with at least this many records is parsed and matched in worker processes.
PARALLEL_MIN_RECORDS = 2000
#: Corpus lines handed to a worker at a time.
_CHUNK_LINES = 250
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


@dataclass(frozen=True)
class WorkerGlossary:
    """What a worker process needs to rebuild the caller's matcher and repaired names: the same glossary files."""

    extra_paths: tuple[Path, ...] = ()
    include_user_dir: bool = True


def count_entries(match_en: Callable[[str], Sequence[Span]], article: Article) -> dict[str, int]:
    """How often each glossary entry is linked in ``article``'s sentences (``match_en``: ``Matcher.match_en``)."""
    counts: dict[str, int] = {}
    for sentence in article.sentences:
        for span in match_en(sentence):
            counts[span.entry_id] = counts.get(span.entry_id, 0) + 1
    return counts


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
    *,
    workers: WorkerGlossary | None = None,
) -> ImportReport:
    """Add every article in ``inputs``; ``entry_counts`` gives the glossary entries an article links.

    ``names`` are the person names whose scraped glue is repaired (``ReaderContext.article_names``); ``-`` reads
    ``stdin`` (default: the process's standard input, as bytes); ``workers``, when given, lets a large corpus
    file be parsed in worker processes with the same glossary. Progress counts articles read, so a corpus file
    of 943 records moves the bar 943 times (of 100,000: every 100th).
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
    # The bar moves per article, but at most about a thousand times in all (the app draws each move).
    step = max(1, total // 1000)
    batch: list[PreparedArticle] = []

    def write() -> None:
        for _article_id, added in library.add_prepared(batch):
            if added:
                report.added += 1
            else:
                report.duplicates += 1
        batch.clear()

    for item, item_expected in zip(files, expected, strict=True):
        records: Iterator[PreparedArticle | ImportProblem]
        if workers is not None and item.endswith(".jsonl") and item_expected >= PARALLEL_MIN_RECORDS:
            records = _prepared_in_workers(item, workers)
        else:
            records = (
                record if isinstance(record, ImportProblem) else prepare(record, entry_counts(record))
                for record in _records_of(item, names, stdin_text)
            )
        for item_done, record in enumerate(records, start=1):
            if isinstance(record, ImportProblem):
                report.errors.append(record)
            else:
                batch.append(record)
                if len(batch) >= BATCH_SIZE:
                    write()
            if item_done % step == 0:
                progress(done + min(item_done, item_expected), total)
        write()
        done += item_expected
        progress(done, total)
    return report


# -- worker processes -------------------------------------------------------------------------------------------

_worker_state: tuple[Callable[[str], Sequence[Span]], tuple[str, ...]] | None = None


def _start_worker(glossary: WorkerGlossary) -> None:
    global _worker_state
    from glossary.data import load_glossary
    from glossary.match import Matcher
    from reader.articles.names import degluing_names

    loaded = load_glossary(glossary.extra_paths, include_user_dir=glossary.include_user_dir)
    _worker_state = (Matcher(loaded).match_en, degluing_names(loaded.person_names()))


def _prepare_lines(chunk: tuple[str, int, list[str]]) -> list[PreparedArticle | ImportProblem]:
    """A worker's job: corpus lines (the first one's number given) -> prepared articles or the problems of bad
    records, exactly as ``read_records`` reads them in one process."""
    from reader.articles.corpus import RecordProblem, read_records

    assert _worker_state is not None
    match_en, names = _worker_state
    source, first_line, lines = chunk
    found: list[PreparedArticle | ImportProblem] = []
    for record in read_records(lines, names):
        if isinstance(record, RecordProblem):
            found.append(ImportProblem(source, first_line + record.line - 1, record.problem))
        else:
            found.append(prepare(record, count_entries(match_en, record)))
    return found


def _line_chunks(path: Path) -> Iterator[tuple[str, int, list[str]]]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        chunk: list[str] = []
        first = 1
        for number, line in enumerate(handle, start=1):
            chunk.append(line)
            if len(chunk) >= _CHUNK_LINES:
                yield str(path), first, chunk
                chunk, first = [], number + 1
        if chunk:
            yield str(path), first, chunk


def _prepared_in_workers(item: str, glossary: WorkerGlossary) -> Iterator[PreparedArticle | ImportProblem]:
    """The records of a corpus file, in file order, parsed and matched by worker processes.

    Workers are spawned (not forked: the app imports from a thread, and forking a threaded process is unsafe)
    and each loads the glossary once. A file that cannot be read at all is one problem, as in one process.
    """
    import multiprocessing

    from reader.articles.corpus import MAX_CORPUS_BYTES
    from reader.articles.read import check_readable_file

    path = Path(item)
    try:
        check_readable_file(path, MAX_CORPUS_BYTES)
        chunks = _line_chunks(path)
        processes = max(1, min(os.cpu_count() or 1, 4))
        with multiprocessing.get_context("spawn").Pool(processes, _start_worker, (glossary,)) as pool:
            for found in pool.imap(_prepare_lines, chunks):
                yield from found
    except InputError as exc:
        yield ImportProblem(item, None, exc.problem)
    except OSError as exc:
        yield ImportProblem(item, None, f"cannot read: {exc.strerror or exc}")
