"""The side panel that explains one glossary entry where the reader met it.

Everything shown is built as Rich ``Text`` with spans (never markup), and links carry only the integer or slug
meta the panel put there, so neither glossary nor article text can style the screen or trigger an action.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from glossary.model import Entry, Span

if TYPE_CHECKING:  # the library's module (and json, sqlite) is not needed to draw the first frame
    from reader.context import ReaderContext
    from reader.library.store import LibraryItem


@dataclass
class PanelContent:
    """What the panel shows: the entry, how it was met, and where else it occurs."""

    entry: Entry
    span: Span | None = None
    korean: str = ""  # the Korean form for this occurrence (pattern slots filled)
    missing_from_translation: bool = False
    related: tuple[Entry, ...] = ()
    parent: Entry | None = None
    other_articles: tuple[LibraryItem, ...] = ()
    #: Occurrences per month across the library, first to last month of use.
    months: tuple[tuple[str, int], ...] = ()
    #: A start-up warning about this entry (the user's own version of it was skipped, and why).
    warning: str = ""


def panel_content(
    context: ReaderContext, entry: Entry, span: Span | None, missing: bool, exclude_article: int | None
) -> PanelContent:
    """Everything the panel shows about ``entry`` as met in ``span`` (None: opened from a link or the palette)."""
    from reader.evidence.timeline import monthly_frequency

    glossary = context.glossary
    return PanelContent(
        entry=entry,
        span=span,
        korean=context.matcher.korean_for(span) if span is not None else entry.ko,
        missing_from_translation=missing,
        related=tuple(e for e in (glossary.get(r) for r in entry.related) if e is not None),
        parent=glossary.get(entry.parent) if entry.parent else None,
        other_articles=tuple(context.library.articles_using(entry.id, exclude=exclude_article, limit=8)),
        months=tuple(monthly_frequency(context.library, entry.id)),
        warning=glossary.skipped.get(entry.id, ""),
    )


class GlossaryPanel(VerticalScroll, can_focus=False):
    """Shows a ``PanelContent``; posts ``EntryLinkClicked`` / ``ArticleLinkClicked`` when a link is clicked."""

    @dataclass
    class EntryLinkClicked(Message):
        entry_id: str

    @dataclass
    class ArticleLinkClicked(Message):
        library_id: int

    def compose(self) -> ComposeResult:
        yield Static(id="panel-body")

    def show(self, content: PanelContent) -> None:
        self.query_one("#panel-body", Static).update(render_panel(content))
        self.scroll_home(animate=False)

    def on_click(self, event: events.Click) -> None:
        meta = event.style.meta if event.style else {}
        if isinstance(meta.get("entry"), str):
            event.stop()
            self.post_message(self.EntryLinkClicked(meta["entry"]))
        elif isinstance(meta.get("library_id"), int):
            event.stop()
            self.post_message(self.ArticleLinkClicked(meta["library_id"]))


def _link(text: str, **meta: object) -> Text:
    return Text(text, style=Style(underline=True, meta=meta))


def _frequency_text(months: tuple[tuple[str, int], ...], category: str) -> Text:
    """The term's use per month across the library as a sparkline, with its span and peak."""
    from reader.evidence.timeline import sparkline

    counts = [count for _, count in months]
    peak_month, peak = max(months, key=lambda pair: pair[1])
    out = Text("\nIn your library, per month:\n", style="dim")
    out.append(f"  {sparkline(counts)}\n", style="bold")
    out.append(f"  {months[0][0]} to {months[-1][0]}, {sum(counts)} in all, most in {peak_month} ({peak})\n", style="dim")
    keys = "c: concordance" + (" · p: appearances and posts" if category == "person" else "")
    out.append(f"  {keys}\n", style="dim")
    return out


def render_panel(content: PanelContent) -> Text:
    """The panel's text; a pure function of the content (tested without an app)."""
    entry = content.entry
    out = Text()
    out.append(entry.en, style="bold")
    out.append(f"  [{entry.category}]\n", style="dim")
    if content.warning:
        out.append("⚠ " + content.warning + "\n", style="bold")
    if content.span is not None and content.span.text != entry.en:
        out.append("as written: ", style="dim")
        out.append(content.span.text + "\n")
    korean = content.korean or entry.ko
    if korean:
        out.append(korean, style="bold")
        if entry.ko_rok and entry.ko_rok != korean:
            out.append("   ROK: ", style="dim")
            out.append(entry.ko_rok)
        out.append("\n")
    if entry.romanization.mr or entry.romanization.rr:
        parts = []
        if entry.romanization.mr:
            parts.append(f"DPRK {entry.romanization.mr}")
        if entry.romanization.rr:
            parts.append(f"RR {entry.romanization.rr}")
        out.append(" · ".join(parts) + "\n", style="italic")
    if entry.since or entry.until:
        out.append(f"In use: {entry.since or '…'} to {entry.until or 'now'}\n", style="dim")
    if content.missing_from_translation:
        out.append("\n⚑ Not in this sentence's translation: ", style="bold")
        out.append(f"the glossary expects {korean}.\n")
    if entry.note:
        out.append("\n" + entry.note + "\n")
    if entry.slots and content.span is not None:
        values = dict(content.span.slots)
        out.append("\n")
        for slot, meaning in entry.slots:
            out.append(f"{slot} = {values.get(slot, '?')}: ", style="bold")
            out.append(meaning + "\n")
    if content.parent is not None:
        out.append("\nPart of: ", style="dim")
        out.append(_link(content.parent.en, entry=content.parent.id))
        out.append("\n")
    if content.related:
        out.append("\nRelated: ", style="dim")
        for number, related in enumerate(content.related):
            if number:
                out.append(", ")
            out.append(_link(related.en, entry=related.id))
        out.append("\n")
    if entry.example is not None:
        out.append("\nExample: ", style="dim")
        out.append(f"“{entry.example.text}”", style="italic")
        out.append(f" ({entry.example.article})\n", style="dim")
    if content.other_articles:
        out.append("\nAlso in your library:\n", style="dim")
        for item in content.other_articles:
            out.append(f"  {item.date or '----------'} ")
            out.append(_link(item.title, library_id=item.id))
            out.append("\n")
    if content.months:
        out.append(_frequency_text(content.months, entry.category))
    sources = ", ".join(entry.sources) if entry.sources else "none given"
    status = "verified" if entry.verified else "Korean form not verified"
    out.append(f"\nSources: {sources} ({status})\n", style="dim")
    return out
