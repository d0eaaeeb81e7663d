"""Importing articles into the library: files, folders, corpus JSONL and stdin, duplicates skipped.

Each input is read with the same parser ``reader parse`` uses. A bad file is reported as one line and the
import goes on with the rest; nothing half-imported is left, because each article is one transaction.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.articles.model import Article
from reader.articles.names import BUILTIN_PERSON_NAMES
from reader.errors import ReaderError
from reader.library.store import Library
from reader.progress import ProgressCallback, no_progress

#: File endings a folder import picks up.
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")


@dataclass
class ImportReport:
    added: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """Folders become their article files (sorted, recursive); files and ``-`` stay as they are."""
    expanded: list[str] = []
    for item in inputs:
        path = Path(item)
        if item != "-" and path.is_dir():
            expanded += [str(p) for p in sorted(path.rglob("*")) if p.is_file() and p.suffix in ARTICLE_SUFFIXES]
        else:
            expanded.append(item)
    return expanded


def _articles_of(item: str, names: Sequence[str]) -> Iterator[Article]:
    from reader.articles.corpus import iter_corpus
    from reader.articles.load import load_article, parse_text

    if item == "-":
        yield parse_text(sys.stdin.read(), source="<stdin>", names=names)
    elif item.endswith(".jsonl"):
        yield from iter_corpus(Path(item), names)
    else:
        yield load_article(Path(item), names)


def _expected_articles(item: str) -> int:
    """How many articles ``item`` should hold: a corpus file's non-empty lines, else one (for the progress bar)."""
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
) -> ImportReport:
    """Add every article in ``inputs``; ``entry_counts`` gives the glossary entries an article links.

    ``names`` are the person names whose scraped glue is repaired (``ReaderContext.article_names``).
    Progress counts articles, so a corpus file of 943 records moves the bar 943 times.
    """
    report = ImportReport()
    progress = progress or no_progress
    files = expand_inputs(inputs)
    expected = [_expected_articles(item) for item in files]
    total = sum(expected)
    done = 0
    for item, item_expected in zip(files, expected):
        item_done = 0
        try:
            for article in _articles_of(item, names):
                _article_id, added = library.add(article, entry_counts(article))
                if added:
                    report.added += 1
                else:
                    report.duplicates += 1
                item_done += 1
                progress(done + min(item_done, item_expected), total)
        except ReaderError as exc:
            report.errors.append(str(exc))
        except OSError as exc:
            report.errors.append(f"{item}: {exc.strerror or exc}")
        done += item_expected
        progress(done, total)
    return report
