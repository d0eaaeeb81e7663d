"""Command palette providers: glossary look-up and opening library articles."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class GlossaryCommands(Provider):
    """Type an English or Korean term (or romanization) to open its glossary entry."""

    async def search(self, query: str) -> Hits:
        app = self.app
        glossary = app.context.glossary  # type: ignore[attr-defined]
        matcher = self.matcher(query)
        for entry in glossary.entries.values():
            haystack = f"{entry.en} {entry.ko} {entry.romanization.mr}"
            score = max(matcher.match(entry.en), matcher.match(haystack) * 0.8)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(f"{entry.en} — {entry.ko}"),
                    partial(app.show_entry, entry.id),  # type: ignore[attr-defined]
                    help=f"glossary · {entry.category}",
                )


class ArticleCommands(Provider):
    """Open an article of the library by its title."""

    async def discover(self) -> Hits:
        app = self.app
        for item in app.context.library.items(limit=20):  # type: ignore[attr-defined]
            yield DiscoveryHit(
                f"Open: {item.title}", partial(app.open_library_article, item.id), help=item.date or ""  # type: ignore[attr-defined]
            )

    async def search(self, query: str) -> Hits:
        app = self.app
        matcher = self.matcher(query)
        for item in app.context.library.items(limit=2000):  # type: ignore[attr-defined]
            score = matcher.match(item.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(item.title),
                    partial(app.open_library_article, item.id),  # type: ignore[attr-defined]
                    help=f"article · {item.date or 'no date'}",
                )
