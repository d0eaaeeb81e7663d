"""What the matcher reads around a term: names glued in raw scraped text, prefixed titles, foreign parties'
bodies, false friends, senses picked by context, and Korean variants."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from glossary.data import Glossary, load_glossary
from glossary.match import Matcher

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "kcna-en-2024-dev.jsonl"

ENTRIES = """\
- {id: kim-jong-un, category: person, en: Kim Jong Un, ko: 김정은}
- {id: kim-il-sung, category: person, en: Kim Il Sung, ko: 김일성}
- {id: kim-jong-su, category: person, en: Kim Jong Su, ko: 김정수}
- {id: respected-comrade, category: title, en: the respected Comrade, ko: 경애하는 동지}
- {id: president-kim-il-sung, category: title, en: President Kim Il Sung, ko: 김일성주석}
- {id: kim-il-sung-university, category: organization, en: Kim Il Sung University, ko: 김일성종합대학}
- {id: premier, category: title, en: premier, variants: [premier of the Cabinet], ko: 내각총리}
- {id: foreign-minister, category: title, en: foreign minister, ko: 외무상}
- {id: vice-minister, category: title, en: vice-minister, ko: 부상}
- {id: sac, category: state-body, en: State Affairs Commission, ko: 국무위원회}
- {id: chairman-sac, category: title, en: chairman of the State Affairs Commission, ko: 국무위원회 위원장}
- {id: wpk, category: party-body, en: Workers' Party of Korea, variants: [WPK], ko: 조선로동당}
- {id: cc, category: party-body, en: Central Committee of the WPK, variants: [Party Central Committee], ko: 당중앙위원회,
   parent: wpk, ko_variants: [당중앙]}
- {id: political-bureau, category: party-body, en: Political Bureau, ko: 정치국, parent: cc}
- {id: member-pb, category: title, en: member of the Political Bureau, ko: 정치국 위원}
- {id: spa, category: state-body, en: Supreme People's Assembly, variants: [SPA], ko: 최고인민회의}
- {id: spa-standing-committee, category: state-body, en: Standing Committee of the SPA, ko: 최고인민회의 상임위원회}
- id: chairman
  category: title
  en: chairman
  ko: 위원장
  senses:
    - {ko: 위원장, default: true}
    - {ko: 의장, context: [Supreme People's Assembly, SPA], note: chairman of the SPA}
- id: hwasong-pattern
  category: military
  en: Hwasong-N
  pattern: 'Hwasong-(?P<n>\\d+)'
  slots: {n: the model number}
  ko: "화성포-{n}형"
  ko_variants: ["화성-{n}형"]
"""


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    folder = tmp_path_factory.mktemp("context")
    path = folder / "mine.yaml"
    path.write_text(textwrap.dedent(ENTRIES), encoding="utf-8")
    glossary: Glossary = load_glossary([path], include_user_dir=False, data_dir=folder / "no-curated-data")
    assert not glossary.warnings, glossary.warnings
    return Matcher(glossary)


def linked(matcher: Matcher, text: str, korean: bool = False) -> list[tuple[str, str]]:
    spans = matcher.match_ko(text) if korean else matcher.match_en(text)
    for span in spans:
        assert text[span.start : span.end] == span.text  # offsets into the text exactly as given
    return [(s.text, s.entry_id) for s in spans]


def test_names_glued_to_their_neighbours_link_without_changing_the_text(matcher: Matcher) -> None:
    text = "the respected ComradeKim Jong Uninvited H.E.Kim Il Sungand (KCNA) --Kim Jong Un"
    assert linked(matcher, text) == [
        ("the respected Comrade", "respected-comrade"),
        ("Kim Jong Un", "kim-jong-un"),
        ("Kim Il Sung", "kim-il-sung"),
        ("Kim Jong Un", "kim-jong-un"),
    ]


def test_forms_holding_a_name_link_when_the_name_is_glued(matcher: Matcher) -> None:
    assert linked(matcher, "visited PresidentKim Il Sungand left") == [("PresidentKim Il Sung", "president-kim-il-sung")]
    assert linked(matcher, "toured the city includingKim Il SungUniversity, the") == [
        ("Kim Il SungUniversity", "kim-il-sung-university")
    ]


def test_glue_is_not_read_into_ordinary_words_or_longer_names(matcher: Matcher) -> None:
    assert linked(matcher, "they skim jong unit texts") == []
    # "Suk" is a name syllable: this is Kim Jong Suk, not the listed Kim Jong Su with "k" glued on.
    assert linked(matcher, "Kim Jong Suk visited") == []
    assert linked(matcher, "Kim Jong Suvisited") == [("Kim Jong Su", "kim-jong-su")]


@pytest.mark.skipif(not CORPUS.is_file(), reason="the dev corpus is not here")
def test_raw_corpus_links_kim_jong_un_as_often_as_cleaned_text() -> None:
    from reader.articles.normalize import normalize_text

    shipped = Matcher(load_glossary(include_user_dir=False))
    texts = [json.loads(line)["text"] for line in CORPUS.open(encoding="utf-8")][:150]
    raw = sum(1 for t in texts for s in shipped.match_en(t) if s.entry_id == "kim-jong-un")
    cleaned = sum(1 for t in texts for s in shipped.match_en(normalize_text(t)) if s.entry_id == "kim-jong-un")
    assert cleaned > 50 and raw == cleaned


def test_prefixed_titles_never_link_the_base_title(matcher: Matcher) -> None:
    assert linked(matcher, "Vice Foreign Minister Pak met him") == []
    assert linked(matcher, "the deputy premier and the acting foreign minister") == []
    # A prefixed title that is an entry links as itself; a body inside an unlisted one still links.
    assert linked(matcher, "a vice-minister came") == [("vice-minister", "vice-minister")]
    assert linked(matcher, "the first vice-minister came") == []
    assert linked(matcher, "vice-chairman of the State Affairs Commission") == [("State Affairs Commission", "sac")]
    assert linked(matcher, "chairman of the State Affairs Commission") == [
        ("chairman of the State Affairs Commission", "chairman-sac")
    ]


def test_false_friends_link_nothing(matcher: Matcher) -> None:
    assert linked(matcher, "a match of the English Premier League and the premier league table") == []
    assert linked(matcher, "the premier of the Cabinet spoke; the premier said") == [
        ("premier of the Cabinet", "premier"),
        ("premier", "premier"),
    ]


def test_a_foreign_partys_bodies_are_not_the_wpks(matcher: Matcher) -> None:
    assert linked(matcher, "member of the Political Bureau of the CPC Central Committee") == []
    assert linked(matcher, "the Political Bureau of the Central Committee of the Communist Party of Vietnam") == []
    assert linked(matcher, "the Lao People's Revolutionary Party's Political Bureau") == []
    assert linked(matcher, "the Political Bureau of the Central Committee of the WPK") == [
        ("Political Bureau", "political-bureau"),
        ("Central Committee of the WPK", "cc"),
    ]
    assert linked(matcher, "the Political Bureau of the Party Central Committee met") == [
        ("Political Bureau", "political-bureau"),
        ("Party Central Committee", "cc"),
    ]


def test_the_sense_is_picked_by_the_body_named_after_the_term(matcher: Matcher) -> None:
    text = "Choe Ryong Hae, chairman of the Standing Committee of the SPA, and Kim, chairman of the football body."
    spans = [s for s in matcher.match_en(text) if s.entry_id == "chairman"]
    assert [matcher.korean_for(s) for s in spans] == ["의장", "위원장"]
    assert spans[0].to_json()["sense"] == 1
    # The SPA named in another clause does not decide.
    spans = [s for s in matcher.match_en("Kim, chairman of the club, met SPA deputies.") if s.entry_id == "chairman"]
    assert [matcher.korean_for(s) for s in spans] == ["위원장"]
    spans = [s for s in matcher.match_en("the chairman of the club spoke. The SPA met.") if s.entry_id == "chairman"]
    assert [matcher.korean_for(s) for s in spans] == ["위원장"]  # the SPA is in another sentence
    spans = [s for s in matcher.match_en("the SPA chairman spoke") if s.entry_id == "chairman"]
    assert [matcher.korean_for(s) for s in spans] == ["의장"]


def test_korean_variants_and_sense_forms_link_in_korean_text(matcher: Matcher) -> None:
    assert linked(matcher, "당중앙의 결정", korean=True) == [("당중앙", "cc")]
    spans = matcher.match_ko("최고인민회의 상임위원회 의장은")
    assert [(s.text, s.entry_id, s.sense) for s in spans if s.entry_id == "chairman"] == [("의장", "chairman", 1)]
    found = matcher.match_ko("화성-18형과 화성포-19형을")
    assert [(s.text, s.entry_id, dict(s.slots)) for s in found] == [
        ("화성-18형", "hwasong-pattern", {"n": "18"}),
        ("화성포-19형", "hwasong-pattern", {"n": "19"}),
    ]
