"""The help screen: keys, and what each term colour means."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from glossary.model import CATEGORIES

KEYS = [
    ("j / ↓, k / ↑", "next / previous sentence (highlighted in both panes)"),
    ("space, PgUp / PgDn", "page down / up"),
    ("g / G", "first / last sentence"),
    ("Tab / Shift-Tab", "next / previous glossary term, explained in the side panel"),
    ("Enter", "explain the term under the cursor"),
    ("click", "a sentence moves the cursor; a term opens its entry"),
    ("Esc", "close the panel (or go back)"),
    ("l", "library: search and open articles"),
    ("s", "study the terms you met"),
    ("e", "export the article, its translation and term notes (.md or .html)"),
    ("c / p", "with a term in the panel: its concordance / a person's appearances and posts over time"),
    ("Ctrl-P", "command palette: look up terms, open articles, switch theme"),
    ("q", "quit"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help { width: 76; max-height: 90%; height: auto; border: round $primary; background: $surface; padding: 1 2; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(help_text())

    def on_mount(self) -> None:
        variables = self.app.theme_variables
        legend = Text("\nTerm colours\n", style="bold")
        for category in CATEGORIES:
            legend.append("  ")
            legend.append(category, style=f"underline {variables.get(f'term-{category}', '')}".strip())
            legend.append("\n")
        legend.append("\n⚑ after a translated sentence: the translation lacks the Korean form of a term\n")
        legend.append("  the glossary links in the source; the panel says which.\n")
        self.query_one(Static).update(help_text() + legend)


def help_text() -> Text:
    text = Text("kcna-reader keys\n\n", style="bold")
    for keys, meaning in KEYS:
        text.append(f"{keys:<22}", style="bold")
        text.append(meaning + "\n")
    return text
