"""Exports: TBX valid against the published TBX-Basic RelaxNG, CSV one source per line, Anki TSV headers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from lxml import etree

from glossary.data import Glossary, load_glossary
from glossary.export import to_anki_tsv, to_csv, to_json, to_tbx

SCHEMA = Path(__file__).resolve().parent / "TBXcoreStructV03_TBX-Basic_integrated.rng"
TBX = "{urn:iso:std:iso:30042:ed-2}"


@pytest.fixture(scope="module")
def relaxng() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMA)))


@pytest.fixture
def glossary_with_awkward_entry(fixture_glossary: Glossary, tmp_path: Path) -> Glossary:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "- id: 8th-congress\n  en: 'Eighth Congress of the WPK <& \"Party\">'\n  ko: 조선로동당 제8차대회\n"
        "  note: \"Control\\x07char & markup <b>.\"\n  sources: [S1]\n  verified: true\n",
        encoding="utf-8",
    )
    glossary = load_glossary([extra], include_user_dir=False, data_dir=Path(__file__).parent / "data" / "curated")
    assert not glossary.warnings
    return glossary


def test_tbx_is_valid_tbx_basic(relaxng: etree.RelaxNG, glossary_with_awkward_entry: Glossary) -> None:
    document = etree.fromstring(to_tbx(glossary_with_awkward_entry).encode("utf-8"))
    assert relaxng.validate(document), relaxng.error_log
    concepts = document.findall(f".//{TBX}conceptEntry")
    assert len(concepts) == 10
    wpk = next(c for c in concepts if c.get("id") == "wpk")
    english = [t.text for t in wpk.findall(f"{TBX}langSec[@{{http://www.w3.org/XML/1998/namespace}}lang='en']//{TBX}term")]
    assert english == ["Workers' Party of Korea", "WPK", "the Party"]
    assert any(c.get("id") == "e-8th-congress" for c in concepts)


def test_schema_rejects_a_broken_tbx(relaxng: etree.RelaxNG, fixture_glossary: Glossary) -> None:
    broken = to_tbx(fixture_glossary).replace('type="termType"', 'type="termKind"', 1)
    assert not relaxng.validate(etree.fromstring(broken.encode("utf-8")))


def test_csv_one_source_one_target_per_line(fixture_glossary: Glossary) -> None:
    rows = list(csv.reader(io.StringIO(to_csv(fixture_glossary))))
    assert all(len(row) == 2 for row in rows)
    sources = [row[0] for row in rows]
    assert len(sources) == len(set(sources))
    assert ["C.C., WPK", "조선로동당 중앙위원회"] in rows
    assert ["WPK", "조선로동당"] in rows and ["the Party", "조선로동당"] in rows
    assert not any("Nth Plenary" in s for s in sources)  # pattern entries are not CAT terms


def test_anki_tsv_has_headers_and_stable_guids(fixture_glossary: Glossary) -> None:
    text = to_anki_tsv(fixture_glossary)
    headers = [line for line in text.splitlines() if line.startswith("#")]
    assert headers[:3] == ["#separator:tab", "#html:false", "#notetype:Basic"]
    assert "#guid column:1" in headers and "#columns:GUID\tFront\tBack\tTags" in headers
    rows = list(csv.reader(io.StringIO("\n".join(line for line in text.splitlines() if not line.startswith("#"))), delimiter="\t"))
    spa = next(r for r in rows if r[0] == "kcna-glossary-spa")
    assert spa[1] == "Supreme People's Assembly" and spa[2].startswith("최고인민회의")
    assert spa[3] == "kcna-glossary state-body"


def test_json_export_round_trips_every_field(fixture_glossary: Glossary) -> None:
    exported = {e["id"]: e for e in json.loads(to_json(fixture_glossary))}
    assert exported["wpk"]["romanization"] == {"mr": "Choson Rodongdang", "rr": "Joseon Rodongdang"}
    assert exported["plenary-meeting-cc"]["slots"]["term"].startswith("기")
    assert exported["general-secretary"]["since"] == "2021-01"
