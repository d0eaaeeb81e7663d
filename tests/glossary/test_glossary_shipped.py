"""The shipped_glossary glossary on what a reader notices: the DPRK under every name, the dateline's Korean, SPA sessions
with ordinal words, both renderings of 국가부흥, and the entries the expert audit corrected."""

from __future__ import annotations

import pytest

from glossary.data import Glossary
from glossary.lookup import lookup
from glossary.match import Matcher


@pytest.mark.parametrize("query", ["north korea", "DPRK", "조선", "북한", "Democratic People's Republic of Korea"])
def test_every_name_of_the_dprk_finds_it_first(shipped_glossary: Glossary, query: str) -> None:
    assert lookup(shipped_glossary, query)[0].entry.id == "dprk"


def test_the_dateline_has_kcnas_korean_form(shipped_matcher: Matcher) -> None:
    spans = shipped_matcher.match_en("Pyongyang, August 4 (KCNA) -- The Cabinet met.")
    dateline = next(s for s in spans if s.entry_id == "dateline-pattern")
    assert shipped_matcher.korean_for(dateline) == "(평양 8월 4일발 조선중앙통신)"


def test_one_spa_session_entry_reads_digits_and_ordinal_words(shipped_glossary: Glossary, shipped_matcher: Matcher) -> None:
    assert shipped_glossary.get("spa-session-pattern") is None and shipped_glossary.get("meritorious-persons") is None
    for text in ("the 10th Session of the 14th Supreme People's Assembly", "the Tenth Session of the Fourteenth SPA"):
        span = next(s for s in shipped_matcher.match_en(text) if s.entry_id == "spa-session")
        assert shipped_matcher.korean_for(span) == "최고인민회의 제14기 제10차회의"


def test_national_rejuvenation_and_prosperity_both_link_to_gukga_buheung(shipped_matcher: Matcher) -> None:
    for text in ("for national rejuvenation", "for national prosperity"):
        [span] = shipped_matcher.match_en(text)
        assert (span.entry_id, shipped_matcher.korean_for(span)) == ("national-prosperity", "국가부흥")


def test_corrected_korean_forms(shipped_glossary: Glossary) -> None:
    def entry(entry_id: str):  # type: ignore[no-untyped-def]
        found = shipped_glossary.get(entry_id)
        assert found is not None, entry_id
        return found

    assert entry("chairman-kim-jong-il").ko == "김정일동지"
    assert [h.who for h in entry("chairman-kim-jong-il").holder] == ["kim-jong-il"]
    commander = entry("supreme-commander-of-the-armed-forces")
    assert commander.ko == "조선민주주의인민공화국 무력 최고사령관" and "무력총사령관" in commander.ko_variants
    assert {s.ko: s.context for s in entry("secretary-general").senses}["서기장"]
    assert entry("territorial-integrity").ko_rok == "영토 보전"
    assert entry("lunar-new-year").ko_rok == "" and entry("lunar-new-year").romanization.kcna == "Umnyoksol"
    ri = entry("ri-pyong-chol")
    assert (ri.ko, ri.ko_variants, ri.ko_rok) == ("리병철", ("이병철",), "")  # ROK media keep 리 for the North's


def test_kcna_romanizations_the_audit_corrected(shipped_glossary: Glossary) -> None:
    kcna = {e.id: e.romanization.kcna for e in shipped_glossary}
    assert kcna["revolutionary-martyrs-cemetery"].endswith("Ryolsarung")
    assert kcna["patriotic-martyrs-cemetery"].endswith("Ryolsarung")
    assert "Cheyukkwan" in kcna["pyongyang-indoor-stadium"]
    assert kcna["israel"] == "Isurael"
    assert kcna["steadfast-defender"].startswith("Sutheduphaesuthu")
