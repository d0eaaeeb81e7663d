"""A pane of sentences drawn through the Line API: only visible lines are rendered, each cached.

The pane knows nothing of articles or translations: the screen gives it blocks (``reader.app.layout``) and tells it
which sentence is the cursor and which term is selected. Clicks are reported as messages; the pane never runs
actions named by its text, because its only click data is the integer meta it put there itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from glossary.model import CATEGORIES
from reader.app.layout import Block, LaidLine, layout_blocks


class SentencePane(ScrollView, can_focus=True, inherit_bindings=False):
    """Sentences with linked terms; highlights the cursor sentence and the selected term.

    It drops ScrollView's own key bindings: the reading screen moves a sentence cursor instead of lines.
    """

    COMPONENT_CLASSES = {
        "sentence-pane--cursor",
        "sentence-pane--selected-term",
        "sentence-pane--marker",
        "sentence-pane--dim",
        "sentence-pane--label",
        "sentence-pane--hint",
        "sentence-pane--gloss-en",
        "sentence-pane--gloss-ko",
    }

    DEFAULT_CSS = """
    SentencePane { height: 1fr; padding: 0 1; }
    """

    #: The cursor sentence (bound to the reading screen's ``cursor``).
    cursor: reactive[int | None] = reactive(None, repaint=False)
    #: The selected term as (sentence, term index in this pane), bound to the screen's selection.
    selection: reactive[tuple[int, int] | None] = reactive(None, repaint=False)

    @dataclass
    class SentenceClicked(Message):
        pane: SentencePane
        sentence: int

    @dataclass
    class TermClicked(Message):
        pane: SentencePane
        sentence: int
        term: int

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._blocks: list[Block] = []
        self._lines: list[LaidLine] = []
        self._laid_width = -1
        self._sentence_lines: dict[int, tuple[int, int]] = {}
        self._strip_cache: LRUCache[tuple, Strip] = LRUCache(2048)
        self._base_style: Style | None = None  # the widget's own style, looked up once per style change

    # -- content -------------------------------------------------------------------------------------------

    def set_blocks(self, blocks: list[Block]) -> None:
        """Replace everything shown; the layout is redone lazily at the current width."""
        self._blocks = blocks
        self._laid_width = -1
        self._relayout()

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        self._repaint_sentences(old, new)

    def watch_selection(self, old: tuple[int, int] | None, new: tuple[int, int] | None) -> None:
        self._repaint_sentences(old[0] if old else None, new[0] if new else None)

    def _repaint_sentences(self, *sentences: int | None) -> None:
        """Repaint only the lines of the given sentences (the old and the new cursor or selection)."""
        if not self.is_mounted:
            return
        for sentence in {s for s in sentences if s is not None}:
            lines = self.sentence_lines(sentence)
            if lines is not None:
                self.refresh_lines(lines[0], lines[1] - lines[0] + 1)

    def sentence_lines(self, sentence: int) -> tuple[int, int] | None:
        """First and last line (inclusive) on which ``sentence`` is drawn."""
        self._ensure_layout()
        return self._sentence_lines.get(sentence)

    def scroll_to_sentence(self, sentence: int, *, top_fraction: float = 0.3) -> None:
        """Bring ``sentence`` into view; when it is off screen, put it ``top_fraction`` down the pane."""
        lines = self.sentence_lines(sentence)
        if lines is None:
            return
        first, last = lines
        top = int(self.scroll_y)
        height = max(self.scrollable_content_region.height, 1)
        if first >= top and last < top + height:
            return
        target = first - int(height * top_fraction) if last - first < height else first
        self.scroll_to(y=max(target, 0), animate=False, immediate=True)

    def top_sentence(self) -> int | None:
        """The first sentence visible at the top of the pane (for syncing the other pane)."""
        self._ensure_layout()
        top = int(self.scroll_y)
        for line in self._lines[top:]:
            if line.sentences:
                return line.sentences[0][0]
        return None

    # -- layout and drawing ----------------------------------------------------------------------------------

    def _pane_styles(self) -> dict[str, Style]:
        names = ["marker", "dim", "label", "hint", "gloss-en", "gloss-ko"]
        styles = {name: self.get_component_rich_style(f"sentence-pane--{name}", partial=True) for name in names}
        # Term colours come straight from the theme variables ($term-<category>): one lookup each, instead of
        # eleven more component classes for Textual to style on every pane.
        variables = self.app.theme_variables
        for category in CATEGORIES:
            colour = variables.get(f"term-{category}")
            styles[f"term-{category}"] = Style(color=colour, underline=True) if colour else Style(underline=True)
        return styles

    def _content_width(self) -> int:
        return max(self.scrollable_content_region.width, 10)

    def _ensure_layout(self) -> None:
        if self._laid_width != self._content_width():
            self._relayout()

    def _relayout(self) -> None:
        width = self._content_width()
        self._lines = layout_blocks(self._blocks, width, self._pane_styles())
        self._laid_width = width
        self._sentence_lines = {}
        for number, line in enumerate(self._lines):
            for sentence, _, _ in line.sentences:
                first, _last = self._sentence_lines.get(sentence, (number, number))
                self._sentence_lines[sentence] = (first, number)
        self._strip_cache.clear()
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()
        if self.cursor is not None:
            # A new width moves every line: keep the cursor sentence in view (the side panel opening narrows us).
            self.call_after_refresh(self.scroll_to_sentence, self.cursor)

    def on_resize(self, event: events.Resize) -> None:
        self._ensure_layout()

    def notify_style_update(self) -> None:
        # A theme change restyles terms: lay out again with the new component styles.
        super().notify_style_update()
        if getattr(self, "_blocks", None) is not None:
            self._laid_width = -1
            self._strip_cache.clear()
            self._base_style = None

    def render_line(self, y: int) -> Strip:
        self._ensure_layout()
        scroll_x, scroll_y = self.scroll_offset
        number = scroll_y + y
        width = self.scrollable_content_region.width
        if self._base_style is None:
            self._base_style = self.rich_style
        base = self._base_style
        if number >= len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[number]
        cursor_key = self.cursor if any(s == self.cursor for s, _, _ in line.sentences) else None
        selected_key = (
            self.selection
            if self.selection and any((s, k) == self.selection for s, k, _, _ in line.terms)
            else None
        )
        # The finished strip is cached: scrolling and repaints of unchanged lines do no Rich work at all.
        key = (number, cursor_key, selected_key, width, scroll_x)
        strip = self._strip_cache.get(key)
        if strip is None:
            text = line.text.copy()
            if cursor_key is not None:
                cursor_style = self.get_component_rich_style("sentence-pane--cursor", partial=True)
                for sentence, start, end in line.sentences:
                    if sentence == cursor_key:
                        text.stylize_before(cursor_style, start, end)
            if selected_key is not None:
                selected_style = self.get_component_rich_style("sentence-pane--selected-term", partial=True)
                for sentence, term, start, end in line.terms:
                    if (sentence, term) == selected_key:
                        text.stylize(selected_style, start, end)
            strip = Strip(text.render(self.app.console), text.cell_len)
            strip = strip.crop_extend(scroll_x, scroll_x + width, base).apply_style(base)
            self._strip_cache[key] = strip
        return strip

    # -- mouse -----------------------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        meta = event.style.meta if event.style else {}
        sentence = meta.get("sentence")
        if not isinstance(sentence, int):
            return
        event.stop()
        term = meta.get("term")
        if isinstance(term, int):
            self.post_message(self.TermClicked(self, sentence, term))
        else:
            self.post_message(self.SentenceClicked(self, sentence))
