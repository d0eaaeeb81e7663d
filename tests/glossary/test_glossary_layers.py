"""Register, holders, senses, Korean variants and per-field provenance, as `glossary show` and the app's panel
show them; and pattern templates shown readably (제N기), never as raw {slot} fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text

from glossary.data import Glossary, load_glossary
from glossary.render import plain_card

FIXTURE_DATA = Path(__file__).resolve().parent / "data" / "curated"

LAYERED = """\
- id: respected-epithet
  category: title
  en: the respected
  ko: 경애하는
  ko_variants: [경애하는 원수님]
  register: leader-honorific
  holder:
    - {who: kim-jong-un, since: 2012}
  note: Said only of Kim Jong Un.
  sources:
    - {for: [ko], ref: chosonsinbo-2018}
    - {for: [holder], ref: S1, note: "headline form"}
- id: chairman
  category: title
  en: chairman
  ko: 위원장
  senses:
    - {ko: 위원장, default: true}
    - {ko: 의장, context: [Supreme People's Assembly, SPA], note: chairman of the SPA}
- id: cc-plenary
  category: party-body
  en: Nth Plenary Meeting
  pattern: '(?P<meeting>\\d+)th Plenary Meeting of the (?P<term>\\d+)th CC'
  slots: {meeting: "차", term: "기"}
  ko: 조선로동당 제{term}기 중앙위원회 제{meeting}차 전원회의
"""


@pytest.fixture
def layered(tmp_path: Path) -> Glossary:
    path = tmp_path / "mine.yaml"
    path.write_text(LAYERED, encoding="utf-8")
    glossary = load_glossary([path], include_user_dir=False, data_dir=FIXTURE_DATA)
    assert not glossary.warnings, glossary.warnings
    return glossary


def card(glossary: Glossary, entry_id: str) -> list[str]:
    entry = glossary.get(entry_id)
    assert entry is not None
    return [" ".join(line.split()) for line in plain_card(entry, "", glossary.entries, glossary.references).splitlines()]


def test_show_names_the_holder_register_variants_and_what_each_source_backs(layered: Glossary) -> None:
    lines = card(layered, "respected-epithet")
    assert "holder reserved for Kim Jong Un since 2012" in lines  # the id names the person entry
    assert "register leader-honorific: said only of the leaders" in lines
    assert "Korean variants 경애하는 원수님" in lines
    assert "source: Korean form chosonsinbo-2018" in lines
    assert "source: holder S1 (headline form)" in lines
    assert "source: English form no source" in lines
    assert any(line.startswith("[chosonsinbo-2018] Choson Sinbo") for line in lines)


def test_show_lists_every_sense_and_an_unsourced_korean_form_as_unverified(layered: Glossary) -> None:
    lines = card(layered, "chairman")
    assert "sense 위원장 (default)" in lines
    assert "sense 의장 (near: Supreme People's Assembly, SPA; chairman of the SPA)" in lines
    assert "source: Korean form no source: unverified" in lines


def test_pattern_templates_read_as_n_and_m_never_raw_slots(layered: Glossary) -> None:
    entry = layered.get("cc-plenary")
    assert entry is not None and entry.readable_ko == "조선로동당 제N기 중앙위원회 제M차 전원회의"
    assert "{" not in plain_card(entry)


def test_the_panel_shows_the_same_layers(layered: Glossary) -> None:
    pytest.importorskip("textual")
    from glossary.describe import person_names, reserved_for
    from reader.app.widgets.glossary_panel import PanelContent, render_panel

    epithet = layered.get("respected-epithet")
    assert epithet is not None
    shown = render_panel(
        PanelContent(entry=epithet, korean=epithet.ko, reserved_for=reserved_for(epithet, person_names(layered.entries)))
    ).plain
    assert "Reserved for Kim Jong Un since 2012" in shown
    assert "Register: leader-honorific" in shown and "Also: 경애하는 원수님" in shown
    assert "Korean form: chosonsinbo-2018" in shown and "holder: S1 (headline form)" in shown
    chairman = layered.get("chairman")
    assert chairman is not None
    shown = render_panel(PanelContent(entry=chairman, korean=chairman.ko)).plain
    assert "의장 (near: Supreme People's Assembly, SPA; chairman of the SPA)" in shown
    plenary = layered.get("cc-plenary")
    assert plenary is not None
    panel: Text = render_panel(PanelContent(entry=plenary, korean=plenary.readable_ko))
    assert "제N기" in panel.plain and "{" not in panel.plain
