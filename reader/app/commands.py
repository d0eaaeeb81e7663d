"""Command palette providers: glossary look-up and opening library articles.

Titles and glossary text are data: every hit is built as ``Content`` from the plain string with the fuzzy
match's offsets styled, never through Textual's ``Matcher.highlight`` (which parses its candidate as markup, so
a title such as ``Future [/b] broken [red]title`` crashed the palette and ``[b]x[/b]`` was drawn bold).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

if TYPE_CHECKING:
    from reader.app.app import ReaderApp


def _reader_app(provider: Provider) -> ReaderApp:
    from reader.app.app import ReaderApp

    app = provider.app
    assert isinstance(app, ReaderApp)
    return app


def highlight_literal(matcher: Matcher, candidate: str, prefix: str = "") -> Content:
    """``prefix + candidate`` as literal text, the characters the query matched in ``candidate`` styled.

    Example: query "brk" on ``Future [/b] broken`` gives the text ``Future [/b] broken`` unchanged, with
    "b", "r" and "k" of "broken" (or the best-scoring offsets the fuzzy search found) in the match style.
    """
    content = Content(prefix + candidate)
    if not matcher.query or not candidate:  # Textual's fuzzy search fails on an empty query
        return content
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if not score:
        return content
    for offset in offsets:
        if not candidate[offset].isspace():
            position = len(prefix) + offset
            content = content.stylize(matcher.match_style, position, position + 1)
    return content


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
                label = f"{entry.en} — {entry.ko}"
                yield Hit(
                    score,
                    highlight_literal(matcher, label),
                    partial(app.show_entry, entry.id),
                    text=label,
                    help=escape(f"glossary · {entry.category}"),
                )


class ArticleCommands(Provider):
    """Open an article of the library by its title."""

    async def discover(self) -> Hits:
        app = _reader_app(self)
        for item in app.context.library.items(limit=20):
            label = f"Open: {item.title}"
            yield DiscoveryHit(
                Content(label), partial(app.show_library_article, item.id), text=label, help=escape(item.date or "")
            )

    async def search(self, query: str) -> Hits:
        app = _reader_app(self)
        matcher = self.matcher(query)
        for item in app.context.library.items(limit=2000):
            score = matcher.match(item.title)
            if score > 0:
                yield Hit(
                    score,
                    highlight_literal(matcher, item.title),
                    partial(app.show_library_article, item.id),
                    text=item.title,
                    help=escape(f"article · {item.date or 'no date'}"),
                )
