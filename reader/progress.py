"""One progress interface for slow work: the app draws it as a progress bar, the command line on stderr.

Slow functions take an optional ``ProgressCallback`` and call it as ``progress(done, total)`` after each
unit of work (sentences translated, bytes downloaded, articles imported). ``total`` may be ``None`` when unknown.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

ProgressCallback = Callable[[int, int | None], None]


def no_progress(done: int, total: int | None) -> None:
    """The default callback: report nothing."""


def human_size(size_bytes: int) -> str:
    """``328349`` -> ``"328.3 kB"``: decimal units, as download sizes are usually quoted."""
    if size_bytes < 1000:
        return f"{size_bytes} B"
    size = size_bytes / 1000
    for unit in ("kB", "MB"):
        if size < 1000:
            return f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} GB"


class LineProgress:
    """Progress for a log or pipe: one line per 10% (or per 10 MB of bytes when the total is unknown)."""

    def __init__(self, label: str, stream: TextIO, in_bytes: bool = False) -> None:
        self.label = label
        self.stream = stream
        self.in_bytes = in_bytes
        self.last_step = -1

    def _amount(self, count: int) -> str:
        return human_size(count) if self.in_bytes else str(count)

    def __call__(self, done: int, total: int | None) -> None:
        if total:
            step = min(10, done * 10 // total)
            text = f"{step * 10}% ({self._amount(done)} of {self._amount(total)})"
        elif self.in_bytes:
            step = done // 10_000_000
            text = human_size(done)
        else:
            return
        if step > self.last_step:
            self.last_step = step
            print(f"{self.label}: {text}", file=self.stream, flush=True)


@contextmanager
def stderr_progress(
    label: str,
    *,
    in_bytes: bool = False,
    total: int | None = None,
    min_total: int = 0,
    lines_when_piped: bool = True,
) -> Iterator[ProgressCallback | None]:
    """A progress callback drawn on stderr: a Rich bar on a terminal, a line per 10% in a log or pipe.

    Work whose ``total``, known up front, is below ``min_total`` shows nothing (it ends before a bar could be
    read); with ``lines_when_piped=False`` a pipe shows nothing either. Yields ``None`` when nothing is shown,
    which every slow function accepts.
    """
    if total is not None and total < min_total:
        yield None
        return
    if not sys.stderr.isatty():
        yield LineProgress(label, sys.stderr, in_bytes) if lines_when_piped else None
        return
    from rich.console import Console  # only a terminal pays for importing Rich
    from rich.progress import BarColumn, DownloadColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    amount = DownloadColumn() if in_bytes else MofNCompleteColumn()
    columns = (TextColumn("{task.description}"), BarColumn(), amount, TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)

        def update(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield update
