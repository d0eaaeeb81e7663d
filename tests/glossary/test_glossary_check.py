"""``glossary check``: every rule, each problem at its file and line; and the shipped data passes."""

from __future__ import annotations

import textwrap
from pathlib import Path

from glossary.data import DATA_DIR
from glossary.validate import check_paths

FIXTURE_DATA = Path(__file__).resolve().parent / "data" / "curated"

BAD = """\
- id: ok-one
  en: First
  variants: [Shared Name]
  ko: 첫째
  note: n
  sources: []
  verified: false
- id: ok-one
  en: Second
  ko: 둘째
  note: n
  sources: []
  verified: false
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
  sources: [S1]
  verified: false
- id: bad-date
  en: Bad date
  ko: 날짜
  note: n
  since: 2021-13
  sources: [S1]
  verified: false
- id: pattern-no-groups
  en: P
  ko: 패턴
  note: n
  pattern: 'plain text'
  slots: {}
  sources: []
  verified: false
- id: pattern-broken
  en: P2
  ko: 패턴
  note: n
  pattern: '(?P<n>\\d+'
  slots: {n: number}
  sources: []
  verified: false
- id: pattern-slot
  en: P3
  ko: 제{term}기 제{meeting}차
  note: n
  pattern: '(?P<term>\\d+)th'
  slots: {term: number}
  sources: []
  verified: false
- id: example-bad
  en: Ex
  ko: 예
  note: n
  example: {text: "a sentence", article: not-hex}
  category: nonsense
  sources: []
  verified: false
- en: No id
  ko: 없음
  note: n
  colour: red
  sources: []
  verified: false
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
        "8: duplicate id 'ok-one'",
        "14: form 'shared name' of 'claims-shared' is already claimed by 'ok-one'",
        "14: parent 'nobody' names no entry",
        "14: related 'ghost' names no entry",
        "21: verified: true needs at least one source",
        "27: 'since' 2021-02 is after 'until' 2016",
        "34: 'since' must be a date",
        "41: pattern has no named groups",
        "49: pattern does not compile",
        "55: ko template names slot '{meeting}' that the pattern lacks",
        "65: example.article must be a 12-hex corpus id",
        "66: unknown category 'nonsense'",
        "69: missing required field 'id'",
        "72: unknown field 'colour'",
    ]
    for wanted in expected:
        assert any(m.startswith(wanted) for m in found), f"{wanted!r} not in {found}"


def test_user_files_may_reference_and_override_shipped_ids(tmp_path: Path) -> None:
    path = tmp_path / "user.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            - {id: wpk, en: WPK party, ko: 조선로동당, note: n, sources: [], verified: false}
            - {id: mine, en: Mine, ko: 내것, parent: wpk-central-committee, note: n, sources: [], verified: false}
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
    shipped = sorted(DATA_DIR.glob("*.yaml"))
    assert shipped, "no curated glossary files in glossary/data/ yet"
    report = check_paths()
    assert report.ok, "\n".join(str(p) for p in report.problems)
    assert report.files == len(shipped)
