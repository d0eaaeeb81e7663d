"""``glossary check``: every rule, each problem at its file and line; and the shipped data passes."""

from __future__ import annotations

import textwrap
import unicodedata
from pathlib import Path

import pytest

from glossary.data import DATA_DIR, curated_files
from glossary.validate import check_paths

FIXTURE_DATA = Path(__file__).resolve().parent / "data" / "curated"

BAD = """\
- id: ok-one
  en: First
  variants: [Shared Name]
  ko: 첫째
  note: n
  sources: []
- id: ok-one
  en: Second
  ko: 둘째
  note: n
  sources: []
- id: claims-shared
  en: Shared Name
  ko: 셋째
  note: n
  parent: nobody
  related: [ok-one, ghost]
  sources: []
  verified: true
- id: dates
  en: Dated
  ko: 날짜
  note: n
  since: 2021-02
  until: 2016
  sources: []
- id: bad-date
  en: Bad date
  ko: 날짜
  note: n
  since: 2021-13
  sources: []
- id: pattern-no-groups
  en: P
  ko: 패턴
  note: n
  pattern: 'plain text'
  slots: {}
  sources: []
- id: pattern-broken
  en: P2
  ko: 패턴
  note: n
  pattern: '(?P<n>\\d+'
  slots: {n: number}
  sources: []
- id: pattern-slot
  en: P3
  ko: 제{term}기 제{meeting}차
  note: n
  pattern: '(?P<term>\\d+)th'
  slots: {term: number}
  sources: []
- id: example-bad
  en: Ex
  ko: 예
  note: n
  example: {text: "a sentence", article: not-hex}
  category: nonsense
  sources: []
- en: No id
  ko: 없음
  note: n
  colour: red
  sources: []
- id: bad-sources
  en: Sourced badly
  ko: 출처
  category: phrase
  sources:
    - {ref: S1}
    - {for: [], ref: S1}
    - {for: [en, meaning], ref: S1}
    - {for: [en]}
    - {for: [en], ref: S1, attested: 2019.txt}
    - {for: [en, ko], attested: 2019.txt}
    - {for: [ko], attested: ../../etc/passwd}
    - {for: [en], ref: no-such-key}
    - {for: [en], ref: S1, page: 3}
    - just a string
  romanization: {mr: Choson}
- id: bad-layers
  en: Layered badly
  ko: 층
  category: title
  register: polite
  hangul: guessed
  holder:
    - {since: 2012}
    - {who: kim-jong-un, since: 2012-13}
  senses:
    - {ko: 위원장}
    - {ko: 의장, context: [SPA], default: maybe}
- id: not-a-person
  en: Inferred
  ko: 추정
  category: place
  hangul: inferred
- just a string item
- id: brand-new
  en: Brand new
  ko: 새것
"""


def messages(tmp_path: Path) -> list[str]:
    path = tmp_path / "user.yaml"
    path.write_text(BAD, encoding="utf-8")
    report = check_paths([path], data_dir=FIXTURE_DATA)
    assert not report.ok
    assert all(str(p).startswith(f"{path}:") for p in report.problems)
    return [f"{p.line}: {p.message}" for p in report.problems]


def test_every_rule_is_reported_at_its_line(tmp_path: Path) -> None:
    found = messages(tmp_path)
    expected = [
        "7: duplicate id 'ok-one'",
        "12: form 'shared name' of 'claims-shared' is already claimed by 'ok-one'",
        "12: parent 'nobody' names no entry",
        "12: related 'ghost' names no entry",
        "19: 'verified' is no longer written by hand",
        "25: 'since' 2021-02 is after 'until' 2016",
        "31: 'since' must be a date",
        "37: pattern has no named groups",
        "44: pattern does not compile",
        "49: ko template names slot '{meeting}' that the pattern lacks",
        "58: example.article must be a 12-hex corpus id",
        "59: unknown category 'nonsense'",
        "61: missing required field 'id'",
        "64: unknown field 'colour'",
        # each bad source item at its own line
        "71: a source must say what it supports",
        "72: a source must say what it supports",
        "73: a source cannot support 'meaning'",
        "74: a source needs exactly one of 'ref: KEY'",
        "75: a source needs exactly one of 'ref: KEY'",
        "76: an 'attested' source supports the Korean form only",
        "77: 'attested' must name a file of the Korean corpus",
        "78: source ref 'no-such-key' of 'bad-sources' is not a key of sources.yaml",
        "79: unknown field 'page' in a source",
        "80: sources item 10 must be a mapping",
        "81: romanization 'mr' is now 'kcna'",
        "86: unknown register 'polite'",
        "87: 'hangul' takes only 'inferred'",
        "89: a holder needs 'who'",
        "90: 'holder since' must be a date",
        "91: senses need exactly one 'default: true' (found 0)",
        "92: sense '위원장' is neither the default nor picked by a 'context'",
        "93: a sense's 'default' must be true or false",
        "98: 'hangul: inferred' is for person names only",
        "99: each entry must be a mapping of fields",
        "100: new entry 'brand-new' needs 'category'",
    ]
    for wanted in expected:
        assert any(m.startswith(wanted) for m in found), f"{wanted!r} not in {found}"


def test_user_files_may_reference_and_override_shipped_ids(tmp_path: Path) -> None:
    path = tmp_path / "user.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            - {id: wpk, en: WPK party, ko: 조선로동당, note: n, sources: []}
            - {id: mine, en: Mine, ko: 내것, category: phrase, parent: wpk-central-committee}
            """
        ),
        encoding="utf-8",
    )
    report = check_paths([path], data_dir=FIXTURE_DATA)
    assert report.ok, report.problems
    assert report.summary() == "glossary check: 2 entries in 1 files, no problems"


def test_fixture_data_passes_when_checked_as_curated() -> None:
    report = check_paths(data_dir=FIXTURE_DATA)
    assert report.ok, [str(p) for p in report.problems]
    assert report.entries == 9


def test_every_shipped_file_passes_check() -> None:
    shipped = curated_files(DATA_DIR)
    assert shipped, "no curated glossary files in glossary/data/ yet"
    report = check_paths()
    assert report.ok, "\n".join(str(p) for p in report.problems)
    assert report.files == len(shipped)


ATTESTED = """\
- id: cc-plenary
  category: party-body
  en: Nth Plenary Meeting
  pattern: '(?P<term>\\d+)th CC (?P<meeting>\\d+)th'
  slots: {term: "기", meeting: "차"}
  ko: 조선로동당 제{term}기 중앙위원회 제{meeting}차 전원회의
  sources:
    - {for: [ko], attested: 2019.txt}
- id: wpk
  category: party-body
  en: Workers' Party of Korea
  ko: 조선로동당 중앙위원회
  ko_variants: [당중앙]
  sources:
    - {for: [ko], attested: 2019.txt}
    - {for: [ko], attested: 1999.txt}
    - {for: [ko], attested: 1850.txt}
- id: rok
  category: place
  en: ROK
  ko: 대한민국
  ko_rok: 대한민국정부
  sources:
    - {for: [ko], attested: 2019.txt}
"""


def test_attested_claims_are_checked_against_the_korean_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "ko"
    corpus.mkdir()
    # Real-corpus flaws: a byte-order mark, CRLF, full-width digits, unspaced compounds, NFD hangul.
    (corpus / "2019.txt").write_bytes(
        "\ufeff조선로동당 제７기 중앙위원회 제３차전원회의에서\r\n조선로동당중앙위원회의\r\n".encode()
    )
    (corpus / "1999.txt").write_text(unicodedata.normalize("NFD", "당 중 앙의 령도"), encoding="utf-8")
    path = tmp_path / "user.yaml"
    path.write_text(ATTESTED, encoding="utf-8")
    report = check_paths([path], data_dir=FIXTURE_DATA, korean_corpus=corpus)
    assert [f"{p.line}: {p.message}" for p in report.problems] == [
        "17: 'wpk' claims attested: 1850.txt, but the Korean corpus has no such file",
        # The ROK spelling is not DPRK text: only ko and ko_variants can rest a claim.
        "24: 'rok' claims attested: 2019.txt, but 대한민국 does not occur in it (NFC, full-width digits folded,"
        " spaces ignored)",
    ]
    assert report.summary().endswith(f"; 5 attestations checked against {corpus}")
    unchecked = check_paths([path], data_dir=FIXTURE_DATA, korean_corpus=tmp_path / "absent")
    assert unchecked.ok and "5 attestations NOT checked" in unchecked.summary()


SHARED_KOREAN = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "ko-new-year-addresses"


@pytest.mark.skipif(not SHARED_KOREAN.is_dir(), reason="the shared Korean corpus is not beside this checkout")
def test_shipped_attestations_hold_in_the_shared_corpus() -> None:
    report = check_paths(korean_corpus=SHARED_KOREAN)
    assert report.korean_corpus == SHARED_KOREAN and report.attested_claims > 100
    assert report.ok, "\n".join(str(p) for p in report.problems)


DUPLICATES = """\
- id: meritorious-person
  category: title
  en: meritorious person
  ko: 공로자
- id: meritorious-persons
  category: phrase
  en: meritorious persons
  ko: 공로자
- id: spa-session
  category: state-body
  en: Nth Session of the Mth SPA
  pattern: '(?P<session>\\d+)th Session of the (?P<convocation>\\d+)th SPA'
  slots: {session: "차", convocation: "기"}
  ko: 최고인민회의 제{convocation}기 제{session}차회의
- id: spa-session-pattern
  category: phrase
  en: the Nth Session of the Mth SPA
  pattern: 'the (?P<session>\\d+)th Session of the (?P<term>\\d+)th Supreme People''s Assembly'
  slots: {session: "차", term: "기"}
  ko: 최고인민회의 제{term}기 제{session}차 회의
- id: lunar-new-year
  category: event
  en: Lunar New Year's Day
  ko: 음력설
  ko_rok: 음력설
"""


def test_duplicate_entries_and_a_needless_rok_spelling_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "user.yaml"
    path.write_text(DUPLICATES, encoding="utf-8")
    found = [f"{p.line}: {p.message}" for p in check_paths([path], data_dir=FIXTURE_DATA).problems]
    assert found == [
        # A plural the matcher generates anyway is not a second entry.
        f"5: form 'meritorious persons' of 'meritorious-persons' is an inflection of 'meritorious person' of"
        f" 'meritorious-person' ({path}:1), which the matcher links already: merge the two entries",
        # One Korean formula (slot names and spacing aside) is one pattern entry.
        f"15: pattern entry 'spa-session-pattern' has the Korean template of 'spa-session' ({path}:9):"
        " one formula, one entry",
        "25: ko_rok '음력설' is the same as ko: give the ROK spelling only where it differs",
    ]


def test_a_file_too_big_is_named_without_a_line_zero(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_text("# padding\n" * 300_000, encoding="utf-8")
    report = check_paths([huge], data_dir=FIXTURE_DATA)
    assert [str(p) for p in report.problems] == [
        f"{huge}: file is 2.9 MB; glossary files are limited to 2 MB"
    ]
