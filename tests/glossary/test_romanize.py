"""The two romanizers: KCNA's DPRK system and Revised Romanization, on the reference's 97-name table and on the
sound-change rules a reader would see go wrong."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from glossary.romanize import kcna, kcna_english_forms, name_syllables, rr

# shared/reference/romanization.md, section 9: hangul, KCNA's printed form(s), the DPRK rule, RR, a note.
TABLE = Path(__file__).resolve().parent / "data" / "romanization-table.tsv"
# The table lists persons first, then places and terms from 평양 on.
FIRST_NON_PERSON = "평양"


def table_rows() -> list[tuple[str, str, str, str]]:
    rows = list(csv.DictReader(TABLE.open(encoding="utf-8"), delimiter="\t"))
    kinds: list[tuple[str, str, str, str]] = []
    kind = "person"
    for row in rows:
        if row["hangul"] == FIRST_NON_PERSON:
            kind = "place"
        kinds.append((row["hangul"], kind, row["kcna_printed"], row["rr"]))
    return kinds


ROWS = table_rows()


def test_the_table_has_every_row() -> None:
    assert len(ROWS) == 97
    assert sum(1 for _, kind, _, _ in ROWS if kind == "person") == 34


@pytest.mark.parametrize(("hangul", "kind", "printed", "expected_rr"), ROWS, ids=[r[0] for r in ROWS])
def test_kcna_gives_what_kcna_prints(hangul: str, kind: str, printed: str, expected_rr: str) -> None:
    """Every name of the table: the romanizer's form (generics translated for places) is one KCNA prints."""
    forms = [kcna(hangul, kind)] if kind == "person" else kcna_english_forms(hangul, kind)  # type: ignore[arg-type]
    assert any(form.strip() in forms for form in printed.split("|")), (hangul, printed, forms)


@pytest.mark.parametrize(("hangul", "kind", "printed", "expected_rr"), ROWS, ids=[r[0] for r in ROWS])
def test_rr_gives_strict_revised_romanization(hangul: str, kind: str, printed: str, expected_rr: str) -> None:
    assert rr(hangul, kind) == expected_rr  # type: ignore[arg-type]


def test_person_names_follow_kcnas_convention() -> None:
    # Surname apart, each given-name syllable apart and capitalized; the first voiceless, later ones voiced.
    assert kcna("김정은", "person") == "Kim Jong Un"
    assert kcna("최선희", "person") == "Choe Son Hui"
    assert kcna("리일환", "person") == "Ri Il Hwan"
    assert kcna("리병철", "person") == "Ri Pyong Chol"
    assert kcna("리영길", "person") == "Ri Yong Gil"
    # No sound change between given-name syllables (조춘룡 is not "Jo Chul Lyong").
    assert kcna("조춘룡", "person") == "Jo Chun Ryong"
    assert rr("조춘룡", "person") == "Jo Chunryong"
    # Two-syllable surnames stay whole.
    assert kcna("남궁철", "person") == "Namgung Chol"
    # A foreign name in Korean letters is not split as surname + given name.
    assert kcna("뿌찐", "person") == "Ppujjin"


def test_sound_changes_inside_a_word() -> None:
    assert (kcna("백마산"), rr("백마산")) == ("paengmasan", "baengmasan")  # nasalization
    assert (kcna("백암"), rr("백암")) == ("paegam", "baegam")  # liaison, voiced
    assert (kcna("독립문"), rr("독립문")) == ("tongrimmun", "dongnimmun")  # the DPRK keeps r after ㄱ ㅇ
    assert (kcna("압록"), kcna("음력설")) == ("amnok", "umnyoksol")  # but writes n after a labial, as KCNA does
    assert (kcna("신라"), rr("신라")) == ("sinra", "silla")  # ㄴ+ㄹ: nr vs ll
    assert (kcna("별내"), rr("별내")) == ("pyollae", "byeollae")  # ㄹ+ㄴ: ll in both
    assert (kcna("좋고"), rr("좋고")) == ("jokho", "joko")  # ㅎ aspirates the next ㄱ (and ㅈ is always j)
    assert (kcna("앉은바위"), kcna("닭섬")) == ("anjunbawi", "taksom")  # clusters: both before a vowel, one before a consonant
    assert rr("같이") == "gachi"  # RR palatalization
    assert kcna("강동") == "kangdong" and kcna("백두산") == "paektusan"  # voiced after ㅇ, not after ㄱ


def test_no_sound_change_across_a_space_or_hyphen() -> None:
    assert kcna("백마") == "paengma"
    assert kcna("백 마") == "paek ma"
    assert kcna("경루동", "place") == "Kyongru-dong"
    assert rr("경루동", "place") == "Gyeongnu-dong"


def test_place_generics_are_hyphenated_and_translated_in_english() -> None:
    assert kcna("평안남도", "place") == "Phyongannam-do"
    assert kcna_english_forms("평안남도")[0] == "South Phyongan Province"
    assert kcna_english_forms("신의주시")[0] == "Sinuiju City"
    assert kcna_english_forms("은률군")[0] == "Unryul County"
    assert kcna_english_forms("모란봉구역")[0] == "Moranbong District"
    # Pyongyang is established inside longer names too.
    assert kcna("평양시", "place") == "Pyongyang-si"


def test_lexicon_forms_hold_inside_longer_words() -> None:
    assert kcna("평양역", "place") == "Pyongyangyok"
    assert kcna("천리마제철련합기업소") .startswith("Chollima")


def test_name_syllables_tell_glue_from_a_longer_name() -> None:
    syllables = name_syllables()
    assert {"Un", "Suk", "Thaek", "Hui", "Gil", "Ung"} <= syllables
    assert "Uninvited" not in syllables and "Unvisited" not in syllables
