"""One progress interface for slow work: the app draws it as a progress bar, the command line on stderr.

Slow functions take an optional ``ProgressCallback`` and call it as ``progress(done, total)`` after each
unit of work (sentences translated, bytes downloaded, articles imported). ``total`` may be ``None`` when unknown.
"""

from __future__ import annotations

from typing import Callable, Optional

ProgressCallback = Callable[[int, Optional[int]], None]


def no_progress(done: int, total: int | None) -> None:
    """The default callback: report nothing."""
