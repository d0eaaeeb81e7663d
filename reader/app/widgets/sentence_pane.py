"""A pane of sentences drawn through the Line API: only visible lines are rendered, each cached.

Layout is incremental, so a 5 MB article shows at once and keys stay quick while the rest is laid out: each
block (paragraph) is laid out on its own, the visible ones first (on demand, when a line of theirs is drawn or a
sentence of theirs is asked for), the rest a few milliseconds at a time in a background task that yields to the
event loop between slices. Until a block is laid out, its height is an estimate; ``_starts`` (the first line of
every block) is rebuilt from the heights whenever one changes, so the sentence -> line index is always computed
from what is laid out now. When blocks above the top of the view change height, the view is moved by the same
amount, so what the user reads stays still.

The pane knows nothing of articles or translations: the screen gives it blocks (``reader.app.layout``) and tells it
which sentence is the cursor and which term is selected. Clicks are reported as messages; the pane never runs
actions named by its text, because its only click data is the integer meta it put there itself.
"""

from __future__ import annotations

import asyncio
import time
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from glossary.model import CATEGORIES
from reader.app.layout import Block, FlowBlock, GlossBlock, LaidLine, estimate_height, layout_block, separated

#: Seconds of layout work the background task does before it lets the event loop run again.
LAYOUT_SLICE_SECONDS = 0.002
#: Up to about this many lines, a pane is laid out in one go (a few milliseconds); beyond, incrementally.
SYNC_LAYOUT_LINES = 3000
#: Seconds between scroll bar updates while the background task lays out blocks below the view.
SIZE_UPDATE_SECONDS = 1.0


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

    # The scroll bar's column is kept whether or not the bar shows: the text width never changes when a long
    # article's estimated height first passes the pane's, so nothing is laid out twice for it.
    DEFAULT_CSS = """
    SentencePane { height: 1fr; padding: 0 1; scrollbar-gutter: stable; }
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
        self._block_lines: list[list[LaidLine] | None] = []  # None: not laid out at the current width yet
        self._heights: list[int] = []  # lines of each block, its separator included; estimated until laid out
        self._starts: list[int] = [0]  # first line of each block, then the total; rebuilt when heights change
        self._starts_stale = False
        self._unlaid = 0  # blocks not yet laid out
        self._sentence_block: dict[int, int] = {}
        self._block_sentence_lines: list[dict[int, tuple[int, int]]] = []  # per block: sentence -> lines in it
        self._laid_width = -1
        self._styles: dict[str, Style] | None = None
        self._layout_task_running = False
        #: True while the pane moves its own view to keep the text still (not a scroll the other pane should follow).
        self.anchoring = False
        self._strip_cache: LRUCache[tuple, Strip] = LRUCache(2048)
        self._base_style: Style | None = None  # the widget's own style, looked up once per style change

    # -- content -------------------------------------------------------------------------------------------

    def set_blocks(self, blocks: list[Block]) -> None:
        """Replace everything shown; what is visible is laid out when drawn, the rest in the background."""
        self._blocks = list(blocks)
        self._sentence_block = {}
        for number, block in enumerate(self._blocks):
            for sentence in _sentences_of(block):
                self._sentence_block.setdefault(sentence, number)
        self._laid_width = -1
        if self.scrollable_content_region.width:
            self._relayout()
        else:
            # Not sized yet (the screen is still being mounted): the first draw or resize lays out at the real
            # width, once; estimating every block of a long article at a made-up width would be thrown away.
            self._block_lines = []
            self._block_sentence_lines = []
            self._heights = []
            self._starts, self._starts_stale = [0], False
            self._unlaid = 0
            self.refresh()

    def replace_blocks(self, changes: dict[int, Block]) -> None:
        """Replace some blocks (e.g. paragraphs whose translation arrived); only they are laid out again."""
        if self._laid_width == -1:
            for number, block in changes.items():
                self._blocks[number] = block
            return
        for number, block in changes.items():
            self._blocks[number] = block
            for sentence in _sentences_of(block):
                self._sentence_block.setdefault(sentence, number)
            if self._block_lines[number] is not None:
                self._unlaid += 1
            # The old height stays as the estimate: a paragraph's new version is usually about as long.
            self._block_lines[number] = None
            self._block_sentence_lines[number] = {}
        self._start_background_layout()
        # Repaint only when a changed block is on screen: a long article's terms are linked a slice at a time, and
        # a full repaint of both panes per slice would hold up every key pressed meanwhile.
        first, last = self._visible_block_range()
        if any(first <= number <= last for number in changes):
            self.refresh()

    def _visible_block_range(self) -> tuple[int, int]:
        """The first and last block (inclusive) with a line in the pane's view."""
        starts = self._line_starts()
        top = int(self.scroll_y)
        bottom = top + max(self.scrollable_content_region.height, 1) - 1
        return bisect_right(starts, top) - 1, bisect_right(starts, bottom) - 1

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

    @property
    def blocks(self) -> list[Block]:
        return self._blocks

    def block_of(self, sentence: int) -> int | None:
        """The index of the block that shows ``sentence``."""
        return self._sentence_block.get(sentence)

    def sentence_lines(self, sentence: int) -> tuple[int, int] | None:
        """First and last line (inclusive) on which ``sentence`` is drawn (its block is laid out if need be)."""
        self._ensure_layout()
        number = self._sentence_block.get(sentence)
        if number is None:
            return None
        self._lay_out(number)
        local = self._block_sentence_lines[number].get(sentence)
        if local is None:
            return None
        start = self._line_starts()[number]
        if start + local[1] >= self.virtual_size.height:
            # Before anyone scrolls to it: a scroll past the old end would be clamped. Only then: a new virtual size
            # costs the screen a layout pass, which on every key of a long article still being laid out is most
            # of what the key waits for.
            self._update_virtual_size()
        return (start + local[0], start + local[1])

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
        number = int(self.scroll_y)
        while number < self._line_starts()[-1]:
            line = self._line(number)
            if line is not None and line.sentences:
                return line.sentences[0][0]
            number += 1
        return None

    def laid_lines(self) -> list[LaidLine]:
        """Every line of the pane, in order (used by tests). Lays out everything first."""
        self._ensure_layout()
        for number in range(len(self._blocks)):
            self._lay_out(number)
        self._update_virtual_size()
        return [line for lines in self._block_lines if lines is not None for line in lines]

    @property
    def layout_pending(self) -> bool:
        """Whether some blocks are still waiting to be laid out (the background task is at work)."""
        return self._unlaid > 0

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
        """Forget every block's lines (a new width, new blocks or a new theme); estimates stand in until redone."""
        width = self._content_width()
        self._laid_width = width
        self._styles = None
        count = len(self._blocks)
        self._block_lines = [None] * count
        self._block_sentence_lines = [{} for _ in range(count)]
        self._heights = [
            estimate_height(block, width) + (1 if separated(block, number) else 0)
            for number, block in enumerate(self._blocks)
        ]
        self._starts_stale = True
        self._unlaid = count
        self._strip_cache.clear()
        if self.scrollable_content_region.width and self._line_starts()[-1] <= SYNC_LAYOUT_LINES:
            # An article of ordinary length is laid out at once, exactly: no estimate ever shows, and the
            # scroll bar (which takes a column) never comes and goes as estimates firm up.
            for number in range(count):
                self._lay_out(number)
        self._update_virtual_size()
        self.refresh()
        self._start_background_layout()
        if self.cursor is not None:
            # A new width moves every line: keep the cursor sentence in view (the side panel opening narrows us).
            self.call_after_refresh(self.scroll_to_sentence, self.cursor)

    def _line_starts(self) -> list[int]:
        if self._starts_stale:
            self._starts = [0, *accumulate(self._heights)]
            self._starts_stale = False
        return self._starts

    def _lay_out(self, number: int) -> bool:
        """Lay out block ``number`` if it is not; returns whether its height changed."""
        if self._block_lines[number] is not None:
            return False
        block = self._blocks[number]
        if self._styles is None:
            self._styles = self._pane_styles()
        lines = layout_block(block, self._laid_width, self._styles)
        if separated(block, number):
            lines.insert(0, LaidLine(text=Text()))
        sentence_lines: dict[int, tuple[int, int]] = {}
        for local, line in enumerate(lines):
            for sentence, _, _ in line.sentences:
                first, _last = sentence_lines.get(sentence, (local, local))
                sentence_lines[sentence] = (first, local)
        self._block_lines[number] = lines
        self._block_sentence_lines[number] = sentence_lines
        self._unlaid -= 1
        if len(lines) == self._heights[number]:
            return False
        self._heights[number] = len(lines)
        self._starts_stale = True
        return True

    def _line(self, number: int) -> LaidLine | None:
        """Line ``number`` of the pane, laying out the block it falls in (and any whose estimate was off)."""
        while True:
            starts = self._line_starts()
            if number < 0 or number >= starts[-1]:
                return None
            block = bisect_right(starts, number) - 1
            if not self._lay_out(block):
                lines = self._block_lines[block]
                assert lines is not None
                return lines[number - starts[block]]
            # The block's real height differs from its estimate: blocks after it moved; look again.
            self.call_later(self._update_virtual_size)

    def _update_virtual_size(self) -> None:
        total = self._line_starts()[-1]
        if self.virtual_size.height != total or self.virtual_size.width != self._laid_width:
            self.virtual_size = Size(self._laid_width, total)

    def _start_background_layout(self) -> None:
        if self._layout_task_running or not self._unlaid or not self.is_attached:
            return
        if not self.scrollable_content_region.width:
            return  # not sized yet: the first resize lays out again at the real width
        self._layout_task_running = True
        self.run_worker(self._lay_out_the_rest(), group=f"layout-{self.id}", exit_on_error=False, description="Layout")

    async def _lay_out_the_rest(self) -> None:
        """Lay out every block not yet done, a slice at a time, from the top of the view down, then the rest.

        Between slices the event loop runs (keys, frames). Blocks above the view that change height move the
        view by as much, so the line the user reads stays where it is.
        """
        try:
            last_anchor, resume = -1, 0
            last_size_update = time.perf_counter()
            while self._unlaid:
                starts = self._line_starts()
                top = int(self.scroll_y)
                anchor = min(max(bisect_right(starts, top) - 1, 0), max(len(self._blocks) - 1, 0))
                anchor_offset = top - starts[anchor]
                if anchor != last_anchor:  # the view moved: start again from its top
                    last_anchor, resume = anchor, anchor
                shifted_above = changed = visited = False
                deadline = time.perf_counter() + LAYOUT_SLICE_SECONDS
                for number in self._unlaid_from(resume, anchor):
                    visited = True
                    if self._lay_out(number):
                        changed = True
                        shifted_above = shifted_above or number < anchor
                    resume = number
                    if time.perf_counter() >= deadline:
                        break
                if not visited:
                    if resume == anchor:  # a whole pass found nothing: the count was off; trust the lines
                        self._unlaid = sum(1 for lines in self._block_lines if lines is None)
                    resume = anchor  # blocks replaced behind the scan: go round again
                # Blocks in view were laid out when drawn, so only the scroll bar needs news of blocks below, and
                # not after every slice: each new virtual size costs the screen a layout pass and a repaint.
                now = time.perf_counter()
                if changed and (shifted_above or not self._unlaid or now - last_size_update > SIZE_UPDATE_SECONDS):
                    self._update_virtual_size()
                    last_size_update = now
                if shifted_above:
                    self.anchoring = True
                    try:
                        self.scroll_to(y=self._line_starts()[anchor] + anchor_offset, animate=False, immediate=True)
                    finally:
                        self.anchoring = False
                await asyncio.sleep(0)
            self._update_virtual_size()
        finally:
            self._layout_task_running = False

    def _unlaid_from(self, resume: int, anchor: int) -> Iterator[int]:
        """Blocks not laid out, in the order the background task takes them: from the view's top block
        (``anchor``) to the end, then from the start up to it. ``resume`` is where the last slice stopped."""
        lines = self._block_lines
        if resume >= anchor:
            for number in range(resume, len(lines)):
                if lines[number] is None:
                    yield number
            resume = 0
        for number in range(resume, min(anchor, len(lines))):
            if lines[number] is None:
                yield number

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
        line = self._line(number)
        if line is None:
            return Strip.blank(width, base)
        cursor_key = self.cursor if any(s == self.cursor for s, _, _ in line.sentences) else None
        selected_key = (
            self.selection
            if self.selection and any((s, k) == self.selection for s, k, _, _ in line.terms)
            else None
        )
        # The finished strip is cached: scrolling and repaints of unchanged lines do no Rich work at all. The key
        # holds the line itself, not its number: numbers shift while blocks above are laid out.
        key = (line, cursor_key, selected_key, width, scroll_x)
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


def _sentences_of(block: Block) -> list[int]:
    if isinstance(block, FlowBlock):
        return [sentence.index for sentence in block.sentences]
    if isinstance(block, GlossBlock):
        return [block.sentence]
    return []
