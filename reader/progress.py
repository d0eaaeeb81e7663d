"""One progress interface for slow work: the app draws it as a progress bar, the command line on stderr.

Slow functions take an optional ``ProgressCallback`` and call it as ``progress(done, total)`` after each
unit of work (sentences translated, bytes downloaded, articles imported). ``total`` may be ``None`` when unknown.
"""

from __future__ import annotations

from typing import Callable, Optional

ProgressCallback = Callable[[int, Optional[int]], None]


def no_progress(done: int, total: int | None) -> None:
    """The default callback: report nothing."""


class StderrProgress:
    """A progress bar on stderr for the command line: a live bar on a terminal, a line per 10% otherwise.

    Use as a context manager; the instance is a ``ProgressCallback``.
    """

    def __init__(self, label: str, min_total: int = 0) -> None:
        self.label = label
        self.min_total = min_total
        self._bar = None
        self._task = None
        self._last_decile = -1

    def __enter__(self) -> StderrProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def __call__(self, done: int, total: int | None) -> None:
        import sys

        if total is not None and total < self.min_total:
            return
        if sys.stderr.isatty():
            if self._bar is None:
                from rich.console import Console
                from rich.progress import Progress

                self._bar = Progress(console=Console(stderr=True), transient=True)
                self._bar.start()
                self._task = self._bar.add_task(self.label, total=total)
            self._bar.update(self._task, completed=done, total=total)
            return
        if total:
            decile = done * 10 // total
            if decile != self._last_decile:
                self._last_decile = decile
                print(f"{self.label}: {done}/{total} ({decile * 10}%)", file=sys.stderr, flush=True)
