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
    ("c / p / i", "with a term in the panel: its concordance / a person's appearances / I know this (no study cards)"),
    ("Ctrl-P", "command palette: look up terms, open articles, switch theme"),
    ("q", "quit"),
]

STUDY_KEYS = [
    ("space", "show the answer"),
    ("1 2 3 4", "after the answer: Again / Hard / Good / Easy (each button shows when the card comes back)"),
    ("u", "undo the last answer: the card comes back"),
    ("b / x", "bury the card until tomorrow / suspend it until restored"),
    ("i", "I know this: no more cards for this term (also from the reader's panel)"),
    ("t", "statistics: what is due, retention, leeches, the next 30 days"),
    ("Esc / q", "close the statistics, or go back to reading"),
    ("?", "this help"),
]


class HelpScreen(ModalScreen[None]):
    """The reader's keys and the term colours; ``HelpScreen(STUDY_KEYS, "Study keys", legend=False)`` for study."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help { width: 76; max-height: 90%; height: auto; border: round $primary; background: $surface; padding: 1 2; }
    """

    def __init__(
        self, keys: list[tuple[str, str]] = KEYS, title: str = "kcna-reader keys", legend: bool = True
    ) -> None:
        super().__init__()
        self.keys = keys
        self.title_text = title
        self.legend = legend

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(help_text(self.keys, self.title_text))

    def on_mount(self) -> None:
        if not self.legend:
            return
        variables = self.app.theme_variables
        legend = Text("\nTerm colours\n", style="bold")
        for category in CATEGORIES:
            legend.append("  ")
            legend.append(category, style=f"underline {variables.get(f'term-{category}', '')}".strip())
            legend.append("\n")
        legend.append("\n⚑ after a translated sentence: the translation lacks the Korean form of a term\n")
        legend.append("  the glossary links in the source; the panel says which.\n")
        self.query_one(Static).update(help_text(self.keys, self.title_text) + legend)


def help_text(keys_and_meanings: list[tuple[str, str]] = KEYS, title: str = "kcna-reader keys") -> Text:
    text = Text(title + "\n\n", style="bold")
    for keys, meaning in keys_and_meanings:
        text.append(f"{keys:<22}", style="bold")
        text.append(meaning + "\n")
    return text
