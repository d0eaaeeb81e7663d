"""Line layout of the panes: wrapping by cell width, and the sentence/term ranges each line keeps."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from reader.app.layout import (
    FlowBlock,
    GlossBlock,
    NoteBlock,
    PaneSentence,
    TermMark,
    layout_blocks,
    layout_flow,
    layout_gloss,
    wrap_offsets,
)


def test_wrap_breaks_at_spaces_and_drops_them() -> None:
    assert wrap_offsets("Kim Jong Un received Sergei Lavrov.", 14) == [(0, 11), (12, 20), (21, 35)]


def test_wrap_counts_korean_as_two_cells_and_folds_long_words() -> None:
    lines = wrap_offsets("김정은동지께서 접견하시였다", 8)
    text = "김정은동지께서 접견하시였다"
    assert all(len(text[a:b]) <= 4 for a, b in lines)
    assert "".join(text[a:b] for a, b in lines) == text.replace(" ", "")


def test_flow_keeps_sentence_and_term_ranges_per_line() -> None:
    block = FlowBlock(
        [
            PaneSentence(0, "Kim Jong Un received Sergei Lavrov.", [TermMark(0, 11, "person", "kim-jong-un")]),
            PaneSentence(1, "He smiled."),
        ]
    )
    lines = layout_flow(block, 20, {})
    assert [line.text.plain for line in lines] == ["Kim Jong Un received", "Sergei Lavrov. He", "smiled."]
    assert lines[0].terms == [(0, 0, 0, 11)]
    assert lines[1].sentences == [(0, 0, 14), (1, 15, 17)]
    # The click data on a term is the sentence and term number, nothing from the text.
    metas = [span.style.meta for span in lines[0].text.spans if span.start == 0 and span.end == 11]
    assert {"sentence": 0, "term": 0} in [dict(m) for m in metas] or any(m.get("term") == 0 for m in metas)


def test_markup_in_article_text_stays_literal() -> None:
    block = FlowBlock([PaneSentence(0, "[b]bold[/b] and [@click=app.quit]quit[/]")])
    lines = layout_flow(block, 80, {})
    assert lines[0].text.plain == "[b]bold[/b] and [@click=app.quit]quit[/]"
    assert all("@click" not in (span.style.meta if not isinstance(span.style, str) else {}) for span in lines[0].text.spans)


def test_gloss_puts_korean_under_each_term() -> None:
    block = GlossBlock(3, [("Kim Jong Un", "김정은", 0), ("WPK", "조선로동당", 1)])
    top, bottom = (line.text.plain for line in layout_gloss(block, 80, {}))
    # Aligned on screen: the same number of terminal cells before each (Hangul is two cells wide).
    assert cell_len(top[: top.index("WPK")]) == cell_len(bottom[: bottom.index("조선로동당")])
    assert top.startswith("Kim Jong Un") and bottom.startswith("김정은")


def test_blocks_are_separated_by_a_blank_line() -> None:
    lines = layout_blocks([NoteBlock("hint"), FlowBlock([PaneSentence(0, "One.")])], 40, {})
    assert [line.text.plain for line in lines] == ["hint", "", "One."]
    assert isinstance(lines[0].text, Text)


def test_a_gloss_term_wider_than_the_pane_wraps_instead_of_being_cut() -> None:
    english = "general secretary of the Workers' Party of Korea"
    block = GlossBlock(0, [(english, "조선로동당 총비서", 0)])
    lines = [line.text.plain for line in layout_gloss(block, 20, {})]
    assert " ".join(lines).startswith(english)
    assert all(cell_len(line) <= 20 for line in lines)
    assert "조선로동당" in lines[-2] + lines[-1]


def test_wrapping_a_token_longer_than_the_line_grows_linearly_with_its_length(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A 2 MB "word" used to be measured from the cursor to its end once per line: 20x the length cost 400x the
    # work. The work is counted (characters measured for width), not timed, so a busy machine cannot flake it.
    import reader.app.layout as layout

    measured = 0

    def counting_cell_len(text: str) -> int:
        nonlocal measured
        measured += len(text)
        return cell_len(text)

    monkeypatch.setattr(layout, "cell_len", counting_cell_len)

    def work(length: int) -> int:
        nonlocal measured
        measured = 0
        text = "Start " + "x" * length + " end."
        lines = wrap_offsets(text, 56)
        assert "".join(text[a:b] for a, b in lines).replace(" ", "") == text.replace(" ", "")
        assert all(b - a <= 56 for a, b in lines)
        return measured

    short, long = work(100_000), work(2_000_000)
    assert long <= 10 * 2_000_000
    assert long / short < 25  # linear: 20x


def test_a_paragraph_of_thousands_of_sentences_is_cut_into_blocks_that_read_as_one() -> None:
    from reader.app.layout import MAX_FLOW_SENTENCES, split_flow

    block = FlowBlock([PaneSentence(i, f"Sentence {i}.") for i in range(3 * MAX_FLOW_SENTENCES + 5)])
    pieces = split_flow(block)
    assert [len(p.sentences) for p in pieces] == [MAX_FLOW_SENTENCES] * 3 + [5]
    assert [p.continues for p in pieces] == [False, True, True, True]
    lines = layout_blocks(pieces, 40, {})
    assert "" not in [line.text.plain for line in lines]  # no blank line inside the paragraph
    shown = [s for line in lines for s, _, _ in line.sentences]
    assert sorted(set(shown)) == list(range(3 * MAX_FLOW_SENTENCES + 5))
