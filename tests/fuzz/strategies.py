"""Text that breaks naive code: any Unicode, markup-like brackets, control and escape sequences, KCNA's shape."""

from __future__ import annotations

from hypothesis import strategies as st

#: Pieces that have broken readers of this kind: markup, escapes, bidi overrides, odd spaces, line breaks.
HOSTILE_PIECES = [
    "[b]", "[/b]", "[/]", "[red]", "[@click=app.quit]", "[link=x]", "\\[", "]", "[", "$var", "{slot}",
    "\x1b[31m", "\x1b]0;title\x07", "\x9b2J", "\u202e", "\u2066", "\u200b", "\ufeff", "\u00a0", "\u3000",
    "\r\n", "\r", "\u2028", "\u2029", "\t", "\x00", "-0-", " -- ", "(KCNA)", "Kim Jong Un", "WPK", "’",
    "조선로동당", "김정은", "ＷＰＫ", "e\u0301", "🇰🇵", "\U0001f600",
]

hostile_piece = st.sampled_from(HOSTILE_PIECES)
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=12)

#: Arbitrary Unicode mixed with the hostile pieces, so the interesting cases are not left to chance.
hostile_text = st.lists(st.one_of(words, hostile_piece), max_size=30).map("".join)

_MONTHS = ["January", "May", "October", "Sept.", "Dec."]


@st.composite
def kcna_article_text(draw: st.DrawFn) -> str:
    """An article in the KCNA text shape with hostile text in every field."""
    title = draw(hostile_text)
    date = draw(st.sampled_from(["2024-05-03", "2024-02-30", "", "not a date"]))
    place = draw(st.sampled_from(["Pyongyang", "Beijing", "X", ""]))
    month = draw(st.sampled_from(_MONTHS))
    paragraphs = draw(st.lists(hostile_text, min_size=0, max_size=4))
    end = draw(st.sampled_from(["-0-", "", " -0-", "\n-0-\n"]))
    dateline = f"{place}, {month} {draw(st.integers(1, 31))} (KCNA) --{draw(hostile_text)}"
    return "\n".join([title, date, dateline, *paragraphs]) + end
