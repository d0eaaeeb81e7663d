"""The inline matcher, English and Korean, on the fixture glossary in tests/glossary/data/curated."""

from __future__ import annotations

import json
import textwrap
import time
from pathlib import Path

import pytest

from glossary.data import Glossary, load_glossary
from glossary.match import Matcher
from glossary.model import Span


def linked(matcher: Matcher, text: str, korean: bool = False) -> list[tuple[str, str]]:
    """(text, entry id) of each span, after checking that every span indexes the text exactly."""
    spans = matcher.match_ko(text) if korean else matcher.match_en(text)
    for span in spans:
        assert text[span.start : span.end] == span.text
    return [(s.text, s.entry_id) for s in spans]


def glossary_from(tmp_path: Path, yaml_text: str) -> Glossary:
    path = tmp_path / "mine.yaml"
    path.write_text(textwrap.dedent(yaml_text), encoding="utf-8")
    glossary = load_glossary([path], include_user_dir=False, data_dir=tmp_path / "no-curated-data")
    assert not glossary.warnings, glossary.warnings
    return glossary


def test_longest_form_wins(matcher: Matcher) -> None:
    text = "the Central Committee of the Workers' Party of Korea met"
    assert linked(matcher, text) == [("Central Committee of the Workers' Party of Korea", "wpk-central-committee")]


def test_forms_inside_words_do_not_link(matcher: Matcher) -> None:
    assert linked(matcher, "SPAs and WPKers and subgeneral secretaryship") == []


def test_acronyms_match_case_exactly_phrases_do_not(matcher: Matcher) -> None:
    assert linked(matcher, "a spa resort; the SPA met") == [("SPA", "spa")]
    assert linked(matcher, "GENERAL SECRETARY Kim Jong Un") == [
        ("GENERAL SECRETARY", "general-secretary"),
        ("Kim Jong Un", "kim-jong-un"),
    ]
    assert linked(matcher, "c.c., wpk") == []
    assert linked(matcher, "C.C., WPK") == [("C.C., WPK", "wpk-central-committee")]


def test_curly_apostrophes_hyphens_and_space_runs_compare_equal(matcher: Matcher) -> None:
    for text in ("Workers’ Party of Korea", "Workers'  Party\nof Korea", "Workers\u2019 Party of\u00a0Korea"):
        assert linked(matcher, text) == [(text, "wpk")]
    assert linked(matcher, "a vice\u2011minister and a vice–minister") == [
        ("vice\u2011minister", "vice-minister"),
        ("vice–minister", "vice-minister"),
    ]


def test_plurals_and_possessives_link_the_singular(matcher: Matcher) -> None:
    assert linked(matcher, "vice-ministers, the vice-minister's car, the vice-ministers' cars, WPK's line") == [
        ("vice-ministers", "vice-minister"),
        ("vice-minister's", "vice-minister"),
        ("vice-ministers'", "vice-minister"),
        ("WPK's", "wpk"),
    ]


def test_apostrophe_final_form_keeps_its_boundary(matcher: Matcher) -> None:
    # "Workers'" ends in an apostrophe: \b-style boundaries would fail here, lookarounds do not.
    assert linked(matcher, "(Workers' Party of Korea)") == [("Workers' Party of Korea", "wpk")]


def test_leading_the_does_not_steal_a_longer_term(matcher: Matcher) -> None:
    assert linked(matcher, "a letter to the Party Central Committee") == [
        ("Party Central Committee", "wpk-central-committee")
    ]
    assert linked(matcher, "loyal to the Party's line") == [("the Party's", "wpk")]


def test_boundary_is_tested_before_choosing_the_longest(tmp_path: Path) -> None:
    glossary = glossary_from(
        tmp_path,
        """
        - {id: union, category: organization, en: military union, ko: 군사동맹, note: n, sources: []}
        - {id: union-of, category: organization, en: military union of, ko: 군사동맹의, note: n}
        """,
    )
    # The longer key ends inside "official"; it must not hide the shorter one that stands on a boundary.
    assert linked(Matcher(glossary), "a military union official said") == [("military union", "union")]


def test_overlaps_resolve_leftmost_then_longest(tmp_path: Path) -> None:
    glossary = glossary_from(
        tmp_path,
        """
        - {category: phrase, id: cc, en: Central Committee, ko: 중앙위원회, note: n, sources: []}
        - {category: phrase, id: cc-wpk, en: Central Committee of the WPK, ko: 당중앙위원회, note: n, sources: []}
        - {category: phrase, id: wpk, en: WPK, ko: 조선로동당, note: n, sources: []}
        - {category: phrase, id: cot, en: Committee of the, ko: 위원회, note: n, sources: []}
        """,
    )
    matcher = Matcher(glossary)
    # The worked example of glossary.match's docstring.
    assert linked(matcher, "the Central Committee of the WPKs office") == [("Central Committee", "cc")]
    assert linked(matcher, "the Central Committee of the WPK and the WPK") == [
        ("Central Committee of the WPK", "cc-wpk"),
        ("WPK", "wpk"),
    ]


def test_pattern_entry_links_with_slots_filled(matcher: Matcher) -> None:
    text = "The 9th Plenary Meeting of the 8th Central Committee of the WPK opened."
    spans = matcher.match_en(text)
    assert [(s.text, s.entry_id) for s in spans] == [
        ("9th Plenary Meeting of the 8th Central Committee of the WPK", "plenary-meeting-cc")
    ]
    assert dict(spans[0].slots) == {"meeting": "9", "term": "8"}
    assert matcher.korean_for(spans[0]) == "조선로동당 중앙위원회 제8기 제9차 전원회의"


def test_pattern_hit_competes_in_the_same_resolution(matcher: Matcher) -> None:
    # Without the pattern, "Central Committee of the WPK" would link on its own; the longer pattern hit wins.
    text = "at the 10th Plenary Meeting of the 8th Central Committee of the WPK"
    assert [s.entry_id for s in matcher.match_en(text)] == ["plenary-meeting-cc"]


def test_ordinal_words_fill_korean_slots(tmp_path: Path) -> None:
    glossary = glossary_from(
        tmp_path,
        r"""
        - id: congress
          category: event
          en: Nth Congress of the WPK
          pattern: 'the (?P<n>\w+) Congress of the WPK'
          slots: {n: "차: the congress number"}
          ko: 조선로동당 제{n}차대회
          note: A party congress.
          sources: []
        """,
    )
    matcher = Matcher(glossary)
    spans = matcher.match_en("Since the Eighth Congress of the WPK, ...")
    assert matcher.korean_for(spans[0]) == "조선로동당 제8차대회"


def test_catastrophic_user_pattern_times_out_and_is_disabled(tmp_path: Path) -> None:
    glossary = glossary_from(
        tmp_path,
        r"""
        - id: slow
          category: phrase
          en: slow
          pattern: '(?P<x>(a|aa)+)$'
          slots: {x: "anything"}
          ko: 느림
          note: A pattern with catastrophic backtracking.
          sources: []
        - {category: phrase, id: kju, en: Kim Jong Un, ko: 김정은, note: n, sources: []}
        """,
    )
    matcher = Matcher(glossary, pattern_timeout=0.05)
    text = "Kim Jong Un " + "a" * 40 + "b"
    started = time.perf_counter()
    assert linked(matcher, text) == [("Kim Jong Un", "kju")]
    assert time.perf_counter() - started < 2.0
    assert len(matcher.warnings) == 1 and "'slow'" in matcher.warnings[0] and "disabled" in matcher.warnings[0]
    assert linked(matcher, text) == [("Kim Jong Un", "kju")]
    assert len(matcher.warnings) == 1  # disabled: it did not run (and time out) a second time


def test_offsets_index_text_with_characters_that_change_length_when_folded(matcher: Matcher) -> None:
    # "İ" lower-cases to two characters and "e\u0301" composes to one under NFC: spans must still index the input.
    text = "İİ straße e\u0301 Kim  Jong\u00a0Un and the WPK"
    assert linked(matcher, text) == [("Kim  Jong\u00a0Un", "kim-jong-un"), ("WPK", "wpk")]


def test_nfd_input_matches_nfc_forms(matcher: Matcher) -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "조선로동당의 정책")
    spans = matcher.match_ko(text)
    assert [s.entry_id for s in spans] == ["wpk"]
    assert unicodedata.normalize("NFC", spans[0].text) == "조선로동당"


def test_korean_forms_with_particles_link_the_form_only(matcher: Matcher) -> None:
    text = "조선로동당은 조선로동당의 최고인민회의에서 김정은동지께서 조선노동당"
    assert linked(matcher, text, korean=True) == [
        ("조선로동당", "wpk"),
        ("조선로동당", "wpk"),
        ("최고인민회의", "spa"),
        ("김정은", "kim-jong-un"),
        ("조선노동당", "wpk"),
    ]


def test_korean_form_followed_by_other_hangul_does_not_link(matcher: Matcher) -> None:
    # 당 ("the Party") must not link inside 당국 ("the authorities") or 당중앙.
    assert linked(matcher, "당국은 당중앙", korean=True) == [("당국", "party-authorities")]
    assert linked(matcher, "당의 령도", korean=True) == [("당", "party-short")]
    assert linked(matcher, "정당 대표", korean=True) == []


def test_korean_pattern_template_matches_translation(matcher: Matcher) -> None:
    spans = matcher.match_ko("조선로동당 중앙위원회 제8기 제10차 전원회의가 열렸다")
    assert [s.entry_id for s in spans] == ["plenary-meeting-cc"]
    assert matcher.korean_for(spans[0]) == "조선로동당 중앙위원회 제8기 제10차 전원회의"


def test_korean_for_plain_entry_is_dprk_spelling(matcher: Matcher) -> None:
    span = matcher.match_en("the WPK")[0]
    assert matcher.korean_for(span) == "조선로동당"
    assert matcher.korean_for(Span(0, 1, "x", "no-such-entry", "phrase")) == ""


def test_empty_glossary_and_empty_text(tmp_path: Path) -> None:
    empty = load_glossary(include_user_dir=False, data_dir=tmp_path)
    assert Matcher(empty).match_en("Kim Jong Un") == []
    assert Matcher(empty).match_ko("김정은") == []


def test_offsets_round_trip_on_every_dev_corpus_article(corpus_path: Path) -> None:
    matcher = Matcher(load_glossary(include_user_dir=False))
    linked_total = 0
    with corpus_path.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            spans = matcher.match_en(text)
            previous_end = 0
            for span in spans:
                assert text[span.start : span.end] == span.text
                assert span.start >= previous_end
                previous_end = span.end
            linked_total += len(spans)
    if not matcher.glossary.entries:
        pytest.skip("no shipped glossary data yet")
    assert linked_total > 0


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"the (?P<n>\d+)(?:st|nd|rd|th) Plenary Meeting", (" Plenary Meeting",)),
        (r"Juche (?P<y>\d{1,3}) \((?P<x>\d{4})\)", ("Juche ",)),
        (r"(?:(?P<m>\d+)th|(?P<m>Eighth)) Congress", (" Congress",)),  # duplicate group names, as curators write
        (r"x(?:abc)?yz", ("yz",)),
        (r"(?i)plenary meeting", ()),  # case-insensitive: no literal can be required
        (r"\p{Lu}+ Meeting", ()),  # regex-only syntax: no prefilter rather than a wrong one
        (r"(?r)(?P<name>(?:[A-Z]\w* ){2,5})Communist Party", ("Communist Party",)),  # a backwards search needs it too
    ],
)
def test_required_literal_prefilter(pattern: str, literals: tuple[str, ...]) -> None:
    from glossary.patterns import required_literals

    assert required_literals(pattern) == literals


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        # A look-ahead's alternatives: the text must hold one of them.
        (r"(?=[A-Z])(?=(?:[A-Z0-9][\w'-]* ){1,6}(?:Factory|Mill)\b)[A-Z][\w'-]*", ("Factory", "Mill")),
        # Branches sharing a long literal need it.
        (r"[Tt]he (?P<n>\d+)th (?:Congress of the WPK|WPK Congress)", ("Congress",)),
        # A look-behind names who must be in the text; the longest shortest option wins over "said"/"told".
        (r"(?<=(?:Kim Jong Un|Marshal)\s?)(?P<verb>said|told)\b", ("Kim Jong Un", "Marshal")),
        (r"(?:abc|)xyz", ("xyz",)),  # a branch that may be empty proves nothing
    ],
)
def test_required_literals_take_alternations_and_lookarounds(pattern: str, literals: tuple[str, ...]) -> None:
    from glossary.patterns import required_literals

    assert required_literals(pattern) == literals


def test_shipped_patterns_are_fast_on_the_whole_corpus(corpus_path: Path) -> None:
    # Curated patterns run without the per-call timeout (it halves their speed), so prove here they never hang.
    glossary = load_glossary(include_user_dir=False)
    matcher = Matcher(glossary)
    texts = [json.loads(line)["text"] for line in corpus_path.open(encoding="utf-8")]
    started = time.perf_counter()
    for text in texts:
        matcher.match_en(text)
    assert time.perf_counter() - started < 10.0
    assert matcher.warnings == []
