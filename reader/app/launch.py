"""Starting the app face: the ``reader`` command hands over here (by name, through its verb registry) when the
output is a terminal, so the command-line face never imports Textual and the two faces stay independent."""

from __future__ import annotations

import gc

from reader.app.app import ReaderApp
from reader.articles.model import Article
from reader.context import ReaderContext


def run_app(
    context: ReaderContext,
    article: Article,
    open_library: bool = False,
    start_sentence: int = 0,
    library_id: int | None = None,
) -> int:
    """Run the app until it quits; the exit code is non-zero when it stopped on an unexpected error.

    When it stopped on a store it cannot use, that ``StoreError`` is raised here, after the terminal is restored,
    so the dispatcher prints its one line like any verb's.
    """
    app = ReaderApp(
        article, context=context, open_library=open_library, start_sentence=start_sentence, library_id=library_id
    )
    app.run()
    # The process ends now: freezing what the garbage collector tracks spares the collections it would run while
    # the interpreter frees a long article's million objects (0.5 s of the time between q and the shell prompt).
    gc.freeze()
    if app.fatal_error is not None:
        raise app.fatal_error
    return app.return_code or 0
