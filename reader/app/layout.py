"""Laying out a pane's blocks into terminal lines, with the sentence and term ranges of every line kept.

Pure functions over Rich ``Text`` (no Textual), so they are tested on their own. The pane draws these lines through
the Line API and applies cursor and selection styles at draw time, so moving the cursor never re-wraps anything.

Worked example of ``wrap_offsets("Kim Jong Un received Sergei Lavrov.", 14)``: greedy word wrap by cell width
gives ``[(0, 11), (12, 20), (21, 34)]``, i.e. "Kim Jong Un" / "received" / "Sergei Lavrov." with the breaking
spaces dropped; a word wider than the line is folded at the width. Korean syllables count two cells each.

Every function here is linear in the size of its input, whatever the input: a 2 MB "word" with no space in it is
looked at a window at a time and folded line by line, and a paragraph's sentence and term ranges are swept once
alongside its lines. A line's ``Text`` is cut from its paragraph only when the line is first drawn, so laying out
a paragraph of 30,000 lines costs no 30,000 ``Text`` objects up front. The pane lays blocks out a few at a time
(``reader.app.widgets.sentence_pane``), so no single call here should take long: ``split_flow`` cuts a
pathologically long paragraph into blocks of bounded size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import ceil

from rich.cells import cell_len
from rich.style import Style
from rich.text import Span, Text


@dataclass(frozen=True)
class TermMark:
    """A linked term inside a sentence's text: [start, end) with its category and entry id."""

    start: int
    end: int
    category: str
    entry_id: str


@dataclass
class PaneSentence:
    """One sentence as a pane shows it."""

    index: int
    text: str
    terms: list[TermMark] = field(default_factory=list)
    marker: str = ""  # drawn after the sentence, e.g. the missing-term flag
    dim: bool = False  # a placeholder (not yet translated)


@dataclass
class FlowBlock:
    """A paragraph: its sentences flow one after another, separated by a space.

    ``continues`` marks the second and later pieces of a paragraph cut by ``split_flow``: no blank line before it.
    """

    sentences: list[PaneSentence]
    continues: bool = False


#: A paragraph longer than this (sentences, or characters of text) is laid out as several blocks.
MAX_FLOW_SENTENCES = 64
MAX_FLOW_CHARS = 16_000


@dataclass
class GlossBlock:
    """A sentence's interlinear glossary gloss: each linked English term with its Korean form under it."""

    sentence: int
    pairs: list[tuple[str, str, int]]  # (English, Korean, term index in the source sentence)


@dataclass
class NoteBlock:
    """Plain text that belongs to no sentence: labels, the install hint."""

    text: str
    style_class: str = "label"


Block = FlowBlock | GlossBlock | NoteBlock


class LaidLine:
    """One terminal line: its text and what sentences and terms it shows, as ranges in ``text``.

    Either built with its ``text``, or with the paragraph ``source`` and the line's [start, end) in it, in which
    case the text is cut out when first asked for (see ``slice_text``).
    """

    __slots__ = ("_end", "_source", "_start", "_text", "sentences", "style_class", "terms")

    def __init__(
        self,
        text: Text | None = None,
        sentences: list[tuple[int, int, int]] | None = None,  # (sentence, start, end)
        terms: list[tuple[int, int, int, int]] | None = None,  # (sentence, term, start, end)
        style_class: str = "",
        *,
        source: Text | None = None,
        start: int = 0,
        end: int = 0,
    ) -> None:
        self._text = text
        self._source = source
        self._start = start
        self._end = end
        self.sentences = sentences if sentences is not None else []
        self.terms = terms if terms is not None else []
        self.style_class = style_class

    @property
    def text(self) -> Text:
        if self._text is None:
            self._text = slice_text(self._source, self._start, self._end) if self._source is not None else Text()
            self._source = None  # the paragraph may go once every line has its own text
        return self._text


def slice_text(text: Text, start: int, end: int) -> Text:
    """``text[start:end]`` with its spans, costing only the slice and the spans (Rich's own slicing copies the
    whole text around the cut, which is quadratic when a 2 MB paragraph is drawn line by line)."""
    piece = Text(text.plain[start:end], style=text.style, end="", no_wrap=True)
    spans = piece.spans
    for span in text.spans:
        if span.start < end and span.end > start:
            spans.append(Span(max(span.start, start) - start, min(span.end, end) - start, span.style))
    return piece


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` to ``width`` cells; returns (start, end) of each line (see module docstring).

    Linear in ``len(text)``: the end of a word is looked for only within a window a few times the width (a
    longer word is folded anyway), so a 2 MB token costs 2 MB of work, not 2 MB per line.
    """
    width = max(width, 1)
    window = width * 4 + 1
    lines: list[tuple[int, int]] = []
    position = 0
    length = len(text)
    while position < length:
        while position < length and text[position] == " ":
            position += 1
        if position >= length:
            break
        line_start = position
        line_end = position
        cells = 0
        cursor = position
        while cursor < length:
            limit = min(length, cursor + window)
            word_end = text.find(" ", cursor, limit)
            whole_word = word_end != -1 or limit == length
            if word_end == -1:
                word_end = limit
            word_cells = cell_len(text[cursor:word_end])
            gap = 0 if cursor == line_start else 1
            if whole_word and cells + gap + word_cells <= width:
                cells += gap + word_cells
                line_end = word_end
                cursor = word_end + 1
                continue
            if cursor == line_start:  # a single word wider than the line: fold it
                line_end = _fold_point(text, cursor, word_end, width)
            break
        lines.append((line_start, line_end))
        position = line_end
    return lines


def _fold_point(text: str, start: int, end: int, width: int) -> int:
    """Where to fold a word that starts a line and is wider than it: the most characters that fit ``width``."""
    head = text[start : min(end, start + width)]
    if cell_len(head) == len(head):  # every character one cell wide (the usual case): no per-character loop
        return start + len(head)
    cells = 0
    for index in range(start, end):
        cells += cell_len(text[index])
        if cells > width:
            return max(index, start + 1)
    return end


def split_flow(block: FlowBlock) -> list[FlowBlock]:
    """Cut a paragraph into pieces of at most ``MAX_FLOW_SENTENCES`` sentences and about ``MAX_FLOW_CHARS``
    characters (a sentence is never cut), so no single block takes long to lay out.

    Example: a paragraph of 150 short sentences becomes blocks of 64, 64 and 22 sentences, the last two marked
    ``continues`` so the pane draws them without a blank line between; a normal paragraph comes back as it is.
    """
    pieces: list[FlowBlock] = []
    current: list[PaneSentence] = []
    chars = 0
    for sentence in block.sentences:
        if current and (len(current) >= MAX_FLOW_SENTENCES or chars + len(sentence.text) > MAX_FLOW_CHARS):
            pieces.append(FlowBlock(current, continues=block.continues or bool(pieces)))
            current, chars = [], 0
        current.append(sentence)
        chars += len(sentence.text) + 1
    if current or not pieces:
        pieces.append(FlowBlock(current, continues=block.continues or bool(pieces)))
    return pieces


def estimate_height(block: Block, width: int) -> int:
    """A cheap guess of how many lines ``block`` will take at ``width`` (the pane's stand-in until it is laid out)."""
    width = max(width, 1)
    if isinstance(block, FlowBlock):
        chars = sum(len(sentence.text) + len(sentence.marker) + 2 for sentence in block.sentences)
        return max(1, ceil(chars / width))
    if isinstance(block, GlossBlock):
        chars = sum(max(len(english), 2 * len(korean)) + 3 for english, korean, _ in block.pairs)
        return 2 * max(1, ceil(chars / width))
    return sum(max(1, ceil(len(line) / width)) for line in block.text.split("\n"))


def flow_text(
    block: FlowBlock, styles: dict[str, Style]
) -> tuple[Text, list[tuple[int, int, int]], list[tuple[int, int, int, int]]]:
    """The paragraph as one styled Text, with each sentence's and term's range in it."""
    text = Text()
    sentence_ranges: list[tuple[int, int, int]] = []
    term_ranges: list[tuple[int, int, int, int]] = []
    for sentence in block.sentences:
        if len(text):
            text.append(" ")
        start = len(text)
        # Text(str) never parses markup, and Rich drops control codes: article text stays data.
        text.append(Text(sentence.text, style=(styles.get("dim") or "") if sentence.dim else ""))
        for number, term in enumerate(sentence.terms):
            term_style = styles.get(f"term-{term.category}", styles.get("term", Style()))
            meta = Style(meta={"sentence": sentence.index, "term": number})
            text.stylize(term_style + meta, start + term.start, start + term.end)
            term_ranges.append((sentence.index, number, start + term.start, start + term.end))
        if sentence.marker:
            text.append(" ")
            text.append(sentence.marker, style=styles.get("marker"))
        end = len(text)
        # Meta dicts merge, so a term keeps its "term" key under the sentence's meta.
        text.stylize(Style(meta={"sentence": sentence.index}), start, end)
        sentence_ranges.append((sentence.index, start, end))
    return text, sentence_ranges, term_ranges


def layout_flow(block: FlowBlock, width: int, styles: dict[str, Style]) -> list[LaidLine]:
    """The paragraph wrapped to ``width``; each line knows which sentence and term ranges it shows.

    The ranges are swept once alongside the lines (both are in reading order), never searched per line.
    """
    text, sentence_ranges, term_ranges = flow_text(block, styles)
    term_ranges.sort(key=lambda item: item[2])
    lines: list[LaidLine] = []
    first_sentence = first_term = 0
    for start, end in wrap_offsets(text.plain, width):
        while first_sentence < len(sentence_ranges) and sentence_ranges[first_sentence][2] <= start:
            first_sentence += 1
        sentences: list[tuple[int, int, int]] = []
        index = first_sentence
        while index < len(sentence_ranges) and sentence_ranges[index][1] < end:
            sentence, a, b = sentence_ranges[index]
            sentences.append((sentence, max(a, start) - start, min(b, end) - start))
            index += 1
        # Terms may nest (a pattern inside a longer name), so their ends are not in order: skip only those that
        # end before this line, and let the inner loop drop any other finished one.
        while first_term < len(term_ranges) and term_ranges[first_term][3] <= start:
            first_term += 1
        terms: list[tuple[int, int, int, int]] = []
        index = first_term
        while index < len(term_ranges) and term_ranges[index][2] < end:
            sentence, term, a, b = term_ranges[index]
            if b > start:
                terms.append((sentence, term, max(a, start) - start, min(b, end) - start))
            index += 1
        lines.append(LaidLine(sentences=sentences, terms=terms, source=text, start=start, end=end))
    return lines


def layout_gloss(block: GlossBlock, width: int, styles: dict[str, Style]) -> list[LaidLine]:
    """English terms on one line, their Korean forms under them, column-aligned; wrapped in line pairs."""
    if not block.pairs:
        text = Text("(no glossary terms)", style=styles.get("dim") or "")
        text.stylize(Style(meta={"sentence": block.sentence}))
        return [LaidLine(text=text, sentences=[(block.sentence, 0, len(text))])]
    separator = " · "
    rows: list[list[tuple[str, str, int, int]]] = [[]]
    used = 0
    for english, korean, term in block.pairs:
        column = max(cell_len(english), cell_len(korean))
        needed = column + (len(separator) if rows[-1] else 0)
        if rows[-1] and used + needed > width:
            rows.append([])
            used = 0
            needed = column
        rows[-1].append((english, korean, term, column))
        used += needed
    lines: list[LaidLine] = []
    for row in rows:
        if len(row) == 1 and row[0][3] > width:
            lines += _wide_pair(block.sentence, row[0], width, styles)
            continue
        top, bottom = Text(), Text()
        top_terms: list[tuple[int, int, int, int]] = []
        for position, (english, korean, term, column) in enumerate(row):
            if position:
                top.append(separator, style=styles.get("dim"))
                bottom.append(" " * len(separator))
            start = len(top)
            top.append(english + " " * (column - cell_len(english)), style=styles.get("gloss-en"))
            top.stylize(Style(meta={"sentence": block.sentence, "term": term}), start, start + len(english))
            top_terms.append((block.sentence, term, start, start + len(english)))
            bottom.append(korean + " " * (column - cell_len(korean)), style=styles.get("gloss-ko"))
        for text in (top, bottom):
            text.stylize(Style(meta={"sentence": block.sentence}), 0, len(text))
        lines.append(LaidLine(text=top, sentences=[(block.sentence, 0, len(top))], terms=top_terms))
        lines.append(LaidLine(text=bottom, sentences=[(block.sentence, 0, len(bottom))]))
    return lines


def _wide_pair(sentence: int, pair: tuple[str, str, int, int], width: int, styles: dict[str, Style]) -> list[LaidLine]:
    """A term wider than the pane: its English wrapped, then its Korean wrapped under it (no columns to align)."""
    english, korean, term, _column = pair
    lines: list[LaidLine] = []
    for text_value, style_name, is_term in ((english, "gloss-en", True), (korean, "gloss-ko", False)):
        for start, end in wrap_offsets(text_value, width):
            text = Text(text_value[start:end], style=styles.get(style_name) or "")
            meta = {"sentence": sentence, "term": term} if is_term else {"sentence": sentence}
            text.stylize(Style(meta=meta))
            terms = [(sentence, term, 0, len(text))] if is_term else []
            lines.append(LaidLine(text=text, sentences=[(sentence, 0, len(text))], terms=terms))
    return lines


def layout_note(block: NoteBlock, width: int, styles: dict[str, Style]) -> list[LaidLine]:
    lines: list[LaidLine] = []
    for raw_line in block.text.split("\n"):
        offsets = wrap_offsets(raw_line, width) or [(0, 0)]
        for start, end in offsets:
            lines.append(
                LaidLine(
                    text=Text(raw_line[start:end], style=styles.get(block.style_class) or ""),
                    style_class=block.style_class,
                )
            )
    return lines


def layout_block(block: Block, width: int, styles: dict[str, Style]) -> list[LaidLine]:
    """One block's lines (no separator)."""
    if isinstance(block, FlowBlock):
        return layout_flow(block, width, styles)
    if isinstance(block, GlossBlock):
        return layout_gloss(block, width, styles)
    return layout_note(block, width, styles)


def separated(block: Block, number: int) -> bool:
    """Whether block ``number`` is drawn after a blank line (every block but the first and a paragraph's pieces)."""
    return number > 0 and not (isinstance(block, FlowBlock) and block.continues)


def layout_blocks(blocks: list[Block], width: int, styles: dict[str, Style]) -> list[LaidLine]:
    """All blocks, one blank line between blocks."""
    lines: list[LaidLine] = []
    for number, block in enumerate(blocks):
        if separated(block, number):
            lines.append(LaidLine(text=Text()))
        lines += layout_block(block, width, styles)
    return lines
