"""Command palette providers: glossary look-up and opening library articles."""

from __future__ import annotations

from functools import partial

from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from reader.app.app import ReaderApp


def _reader_app(provider: Provider) -> ReaderApp:
    from reader.app.app import ReaderApp

    app = provider.app
    assert isinstance(app, ReaderApp)
    return app


class GlossaryCommands(Provider):
    """Type an English or Korean term (or romanization) to open its glossary entry."""

    async def search(self, query: str) -> Hits:
        app = _reader_app(self)
        glossary = app.context.glossary
        matcher = self.matcher(query)
        for entry in glossary.entries.values():
            haystack = f"{entry.en} {entry.ko} {entry.romanization.mr}"
            score = max(matcher.match(entry.en), matcher.match(haystack) * 0.8)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(f"{entry.en} — {entry.ko}"),
                    partial(app.show_entry, entry.id),
                    help=f"glossary · {entry.category}",
                )


class ArticleCommands(Provider):
    """Open an article of the library by its title."""

    async def discover(self) -> Hits:
        app = _reader_app(self)
        for item in app.context.library.items(limit=20):
            yield DiscoveryHit(
                f"Open: {item.title}", partial(app.show_library_article, item.id), help=item.date or ""
            )

    async def search(self, query: str) -> Hits:
        app = _reader_app(self)
        matcher = self.matcher(query)
        for item in app.context.library.items(limit=2000):
            score = matcher.match(item.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(item.title),
                    partial(app.show_library_article, item.id),
                    help=f"article · {item.date or 'no date'}",
                )
