"""Laying out a pane's blocks into terminal lines, with the sentence and term ranges of every line kept.

Pure functions over Rich ``Text`` (no Textual), so they are tested on their own. The pane draws these lines through
the Line API and applies cursor and selection styles at draw time, so moving the cursor never re-wraps anything.

Worked example of ``wrap_offsets("Kim Jong Un received Sergei Lavrov.", 14)``: greedy word wrap by cell width
gives ``[(0, 11), (12, 20), (21, 34)]``, i.e. "Kim Jong Un" / "received" / "Sergei Lavrov." with the breaking
spaces dropped; a word wider than the line is folded at the width. Korean syllables count two cells each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text


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
    """A paragraph: its sentences flow one after another, separated by a space."""

    sentences: list[PaneSentence]


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


@dataclass
class LaidLine:
    """One terminal line: its text and what sentences and terms it shows, as ranges in ``text``."""

    text: Text
    sentences: list[tuple[int, int, int]] = field(default_factory=list)  # (sentence, start, end)
    terms: list[tuple[int, int, int, int]] = field(default_factory=list)  # (sentence, term, start, end)
    style_class: str = ""


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` to ``width`` cells; returns (start, end) of each line (see module docstring)."""
    width = max(width, 1)
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
            word_end = text.find(" ", cursor)
            if word_end == -1:
                word_end = length
            word_cells = cell_len(text[cursor:word_end])
            gap = 0 if cursor == line_start else 1
            if cells + gap + word_cells <= width:
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
    cells = 0
    for index in range(start, end):
        cells += cell_len(text[index])
        if cells > width:
            return max(index, start + 1)
    return end


def flow_text(block: FlowBlock, styles: dict[str, Style]) -> tuple[Text, list[tuple[int, int, int]], list[tuple[int, int, int, int]]]:
    """The paragraph as one styled Text, with each sentence's and term's range in it."""
    text = Text()
    sentence_ranges: list[tuple[int, int, int]] = []
    term_ranges: list[tuple[int, int, int, int]] = []
    for sentence in block.sentences:
        if len(text):
            text.append(" ")
        start = len(text)
        # Text(str) never parses markup, and Rich drops control codes: article text stays data.
        text.append(Text(sentence.text, style=styles.get("dim") if sentence.dim else None))
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
    text, sentence_ranges, term_ranges = flow_text(block, styles)
    offsets = wrap_offsets(text.plain, width)
    # One divide for the whole paragraph: slicing a Rich Text line by line costs a divide per line.
    cuts = sorted({point for start, end in offsets for point in (start, end)} - {0})
    pieces = text.divide(cuts)
    piece_at = {0: pieces[0]}
    piece_at.update({cut: piece for cut, piece in zip(cuts, pieces[1:], strict=True)})
    lines: list[LaidLine] = []
    for start, end in offsets:
        line = LaidLine(text=piece_at[start])
        line.sentences = [(s, max(a, start) - start, min(b, end) - start) for s, a, b in sentence_ranges if a < end and b > start]
        line.terms = [(s, k, max(a, start) - start, min(b, end) - start) for s, k, a, b in term_ranges if a < end and b > start]
        lines.append(line)
    return lines


def layout_gloss(block: GlossBlock, width: int, styles: dict[str, Style]) -> list[LaidLine]:
    """English terms on one line, their Korean forms under them, column-aligned; wrapped in line pairs."""
    if not block.pairs:
        text = Text("(no glossary terms)", style=styles.get("dim"))
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


def _wide_pair(
    sentence: int, pair: tuple[str, str, int, int], width: int, styles: dict[str, Style]
) -> list[LaidLine]:
    """A term wider than the pane: its English wrapped, then its Korean wrapped under it (no columns to align)."""
    english, korean, term, _column = pair
    lines: list[LaidLine] = []
    for text_value, style_name, is_term in ((english, "gloss-en", True), (korean, "gloss-ko", False)):
        for start, end in wrap_offsets(text_value, width):
            text = Text(text_value[start:end], style=styles.get(style_name))
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
            lines.append(LaidLine(text=Text(raw_line[start:end], style=styles.get(block.style_class)), style_class=block.style_class))
    return lines


def layout_blocks(blocks: list[Block], width: int, styles: dict[str, Style]) -> list[LaidLine]:
    """All blocks, one blank line between blocks."""
    lines: list[LaidLine] = []
    for number, block in enumerate(blocks):
        if number:
            lines.append(LaidLine(text=Text()))
        if isinstance(block, FlowBlock):
            lines += layout_flow(block, width, styles)
        elif isinstance(block, GlossBlock):
            lines += layout_gloss(block, width, styles)
        else:
            lines += layout_note(block, width, styles)
    return lines
