"""How the ``glossary`` command shows entries and annotated text: rich in a terminal, plain text in a pipe.

Article text and entry fields are data, never markup: they go into ``rich.text.Text`` objects (which rich
never parses for ``[bold]``-style tags), so an article containing "[red]" prints as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from glossary.describe import REGISTER_TEXT, person_names, provenance, reserved_for, sense_text
from glossary.model import Entry, Reference, Span

CATEGORY_STYLES: dict[str, str] = {
    "title": "bold magenta",
    "party-body": "bold red",
    "state-body": "bold blue",
    "military": "bold green",
    "organization": "cyan",
    "media": "yellow",
    "person": "bold yellow",
    "place": "green",
    "phrase": "italic cyan",
    "ideology": "magenta",
    "event": "bold cyan",
}


def _entry_rows(
    entry: Entry, entries: dict[str, Entry] | None = None, references: dict[str, Reference] | None = None
) -> list[tuple[str, str]]:
    """Label/value rows; ``entries`` names holders by their person entry, ``references`` gives full citations."""
    rows = [("id", entry.id), ("category", entry.category), ("English", entry.en), ("Korean", entry.readable_ko)]
    if entry.ko_variants:
        rows.append(("Korean variants", ", ".join(entry.ko_variants)))
    if entry.ko_rok:
        rows.append(("Korean (ROK)", entry.ko_rok))
    rows.extend(("sense", sense_text(sense)) for sense in entry.senses)
    if entry.variants:
        rows.append(("variants", ", ".join(entry.variants)))
    if entry.romanization.kcna or entry.romanization.rr:
        rows.append(("romanization", f"KCNA {entry.romanization.kcna or '-'}; RR {entry.romanization.rr or '-'}"))
    if entry.register:
        rows.append(("register", REGISTER_TEXT.get(entry.register, entry.register)))
    if entry.holder:
        rows.append(("holder", reserved_for(entry, person_names(entries or {}))))
    if entry.since or entry.until:
        rows.append(("in use", f"{entry.since or '?'} to {entry.until or 'now'}"))
    if entry.parent:
        rows.append(("part of", entry.parent))
    if entry.related:
        rows.append(("related", ", ".join(entry.related)))
    if entry.pattern:
        rows.append(("pattern", entry.pattern))
        rows.extend((f"slot {name}", meaning) for name, meaning in entry.slots)
    rows.append(("note", entry.note))
    if entry.example:
        rows.append(("example", f"\u201c{entry.example.text}\u201d ({entry.example.article})"))
    rows.extend((f"source: {label}", text) for label, text in provenance(entry))
    for key in dict.fromkeys(s.ref for s in entry.sources if s.ref):
        reference = (references or {}).get(key)
        if reference is not None:
            rows.append((f"[{key}]", f"{reference.cite}{' ' + reference.url if reference.url else ''}"))
    return rows


def plain_card(
    entry: Entry,
    reason: str = "",
    entries: dict[str, Entry] | None = None,
    references: dict[str, Reference] | None = None,
) -> str:
    """An entry as aligned ``label: value`` lines, for pipes and logs."""
    rows = _entry_rows(entry, entries, references)
    if reason:
        rows.insert(0, ("matched", reason))
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)


def rich_card(
    entry: Entry,
    reason: str = "",
    entries: dict[str, Entry] | None = None,
    references: dict[str, Reference] | None = None,
) -> Panel:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    for label, value in _entry_rows(entry, entries, references):
        table.add_row(Text(label), Text(value))
    title = Text(entry.en, style=CATEGORY_STYLES.get(entry.category, "bold"))
    title.append(f"  {entry.readable_ko}", style="bold")
    subtitle = Text(reason, style="dim") if reason else None
    return Panel(table, title=title, title_align="left", subtitle=subtitle, subtitle_align="right")


def print_cards(
    console: Console,
    cards: Sequence[tuple[Entry, str]],
    entries: dict[str, Entry] | None = None,
    references: dict[str, Reference] | None = None,
) -> None:
    """Entry cards: rich panels in a terminal, plain rows in a pipe. ``entries`` and ``references`` (the loaded
    glossary's) let a card name a holder and cite each source in full."""
    if console.is_terminal:
        console.print(Group(*(rich_card(e, r, entries, references) for e, r in cards)))
    else:
        console.file.write("\n\n".join(plain_card(e, r, entries, references) for e, r in cards) + "\n")


def _escape_brackets(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def bracketed(text: str, spans: Sequence[Span]) -> str:
    """``[linked text]{entry-id}`` for each span; literal backslashes and brackets in the text are escaped."""
    out: list[str] = []
    position = 0
    for span in spans:
        out.append(_escape_brackets(text[position : span.start]))
        out.append(f"[{_escape_brackets(span.text)}]{{{span.entry_id}}}")
        position = span.end
    out.append(_escape_brackets(text[position:]))
    return "".join(out)


def styled(text: str, spans: Sequence[Span]) -> Text:
    """The text with each linked span in its category's style (the text itself is never parsed as markup)."""
    rich_text = Text(text)
    for span in spans:
        rich_text.stylize(CATEGORY_STYLES.get(span.category, "bold"), span.start, span.end)
    return rich_text
