"""Exporting the open article for a report: ask where, then write Markdown or HTML (chosen by the file ending)."""

from __future__ import annotations

import re
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

#: File endings and the format each writes.
FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


def default_export_name(title: str) -> str:
    """A file name from the title: "Kim Jong Un Visits Farm" -> "kim-jong-un-visits-farm.md"."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80].rstrip("-")
    return f"{slug or 'article'}.md"


class ExportPrompt(ModalScreen[Path | None]):
    """Ask for the report's path; ``.md`` writes Markdown, ``.html`` a standalone HTML page."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    ExportPrompt { align: center middle; }
    #export-box { width: 76; height: auto; border: round $primary; background: $surface; padding: 1 2; }
    """

    def __init__(self, suggested: str) -> None:
        super().__init__()
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static(Text("Export the article, its translation and term notes (.md or .html)"))
            yield Input(value=self.suggested, id="export-path")

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        raw = event.value.strip()
        if not raw:
            self.dismiss(None)
            return
        path = Path(raw).expanduser()
        if path.suffix.lower() not in FORMATS:
            self.notify(f"{raw}: end the name in .md or .html", severity="error", markup=False)
            return
        if not path.parent.is_dir():
            self.notify(f"{path.parent}: no such folder", severity="error", markup=False)
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
