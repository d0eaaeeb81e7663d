"""Property tests: the parser, the normaliser and both glossary matchers on any Unicode."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import example, given
from hypothesis import strategies as st
from strategies import hostile_text, kcna_article_text

from glossary.data import load_glossary
from glossary.match import Matcher
from reader.articles.load import parse_text
from reader.articles.normalize import normalize_text, strip_controls
from reader.errors import InputError


@lru_cache(maxsize=1)
def matcher() -> Matcher:
    return Matcher(load_glossary(include_user_dir=False))


@lru_cache(maxsize=1)
def surface_forms() -> tuple[tuple[str, ...], tuple[str, ...]]:
    glossary = load_glossary(include_user_dir=False)
    english = tuple(sorted({form for entry in glossary for form in entry.surface_forms if not entry.pattern}))
    korean = tuple(sorted({form for entry in glossary for form in entry.korean_forms if "{" not in form}))
    return english, korean


# -- the parser ---------------------------------------------------------------------------------------------


def check_article(text: str) -> None:
    try:
        article = parse_text(text, source="fuzz")
    except InputError as exc:
        assert exc.path == "fuzz" and exc.problem
        return
    assert "\n" not in article.title
    for sentence in article.sentences:
        assert sentence and sentence == sentence.strip() and "\n" not in sentence
        assert not any(ch in sentence for ch in "\x1b\x00\x07\u202e")
    article.to_json()  # serialisable: what `reader parse --json` prints


@given(hostile_text)
@example("Future [/b] broken [red]title\n2024-05-03\nPyongyang, May 3 (KCNA) -- Body.\n-0-")
@example("\x00\x1b[31m\r\n")
def test_the_parser_takes_any_text(text: str) -> None:
    check_article(text)


@given(kcna_article_text())
def test_the_parser_takes_any_text_in_the_kcna_shape(text: str) -> None:
    check_article(text)


# -- the normaliser -----------------------------------------------------------------------------------------


@given(hostile_text)
def test_the_normaliser_takes_any_text_and_leaves_clean_lines(text: str) -> None:
    cleaned = strip_controls(text)
    assert not any(ch in cleaned for ch in "\x1b\x00\x07\r\u202e\u2028")
    normal = normalize_text(cleaned)
    for line in normal.split("\n"):
        assert line == line.strip() and "  " not in line
    assert "\u00a0" not in normal and "’" not in normal


# -- the matchers -------------------------------------------------------------------------------------------


def check_spans(text: str, spans: list) -> None:  # type: ignore[type-arg]
    previous_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.text == text[span.start : span.end]
        assert span.start >= previous_end, "spans do not overlap and come in order"
        previous_end = span.end


@st.composite
def text_with_terms(draw: st.DrawFn, korean: bool) -> str:
    """Glossary forms (Korean or English) among hostile text, so matches actually happen."""
    english, korean_forms = surface_forms()
    forms = st.sampled_from(korean_forms if korean else english)
    return "".join(draw(st.lists(st.one_of(hostile_text, forms, forms.map(str.upper)), max_size=12)))


@given(st.one_of(hostile_text, text_with_terms(korean=False)))
@example("the Workers’ Party of Korea's WPK C.C., WPK [b]Kim Jong Un[/b]")
def test_english_spans_are_exact_slices_of_any_input(text: str) -> None:
    check_spans(text, matcher().match_en(text))


@given(st.one_of(hostile_text, text_with_terms(korean=True)))
@example("조선로동당 중앙위원회 김정은\u200b동지")
def test_korean_spans_are_exact_slices_of_any_input(text: str) -> None:
    check_spans(text, matcher().match_ko(text))
