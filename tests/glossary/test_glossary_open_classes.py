"""Open classes of names (foreign parties, Juche-idea study groups, sports competitions, foreign ministers, ...) link
through pattern entries on real KCNA sentences, and never take a place that belongs to a named entry or to the DPRK."""

from __future__ import annotations

import pytest

from glossary.data import Glossary
from glossary.match import Matcher


def links(matcher: Matcher, text: str) -> dict[str, str]:
    """Linked text -> entry id."""
    return {span.text: span.entry_id for span in matcher.match_en(text)}


# Sentences copied from the curation part of the dev corpus (article ids in the entries' examples).
@pytest.mark.parametrize(
    ("sentence", "linked", "entry_id"),
    [
        ("The general secretary and concurrently international secretary of the Serbian Communist Party said that they "
         "full support the Korean people's anti-imperialist, anti-U.S. struggle",
         "Serbian Communist Party", "foreign-communist-party-pattern"),
        ("the general secretary of the Syrian Arab Socialist Union Party and other political figures",
         "Syrian Arab Socialist Union Party", "foreign-party-pattern"),
        ("the general secretary of the Watani Party of Syria", "Watani Party", "foreign-party-pattern"),
        ("the chairman of the National Salvation Front of Russia", "National Salvation Front", "foreign-front-pattern"),
        ("the leadership of the Islamic Resistance Movement of Palestine (Hamas)", "Islamic Resistance Movement",
         "foreign-movement-pattern"),
        ("the general secretary of the Central Committee of the Czechoslovak Communist Party",
         "Central Committee of the Czechoslovak Communist Party", "foreign-party-central-committee-pattern"),
        ("the director of the International Department of the Socialist Workers' Party of Croatia",
         "International Department of the Socialist Workers' Party", "foreign-party-international-department-pattern"),
        ("the chief of the Swiss Group for the Study of the Juche Idea", "Swiss Group for the Study of the Juche Idea",
         "juche-study-group-pattern"),
        ("the African Regional Committee for the Study of the Juche Idea",
         "African Regional Committee for the Study of the Juche Idea", "juche-study-committee-pattern"),
        ("chairperson of the Association of Korean Nationals in Dandong City of China",
         "Association of Korean Nationals in Dandong City of China", "association-of-korean-nationals-pattern"),
        ("The EAFF U-15 Women's Championship 2024 was held in China from August 16 to 25.",
         "EAFF U-15 Women's Championship", "championship-pattern"),
        ("The 2024 National University Students' Sports Games opened in the DPRK.",
         "National University Students' Sports Games", "sports-games-pattern"),
        ("Roman Chekushov, vice-minister of Industry and Trade of the Russian Federation, arrived in Pyongyang",
         "vice-minister of Industry and Trade of the Russian Federation", "foreign-vice-minister-of-pattern"),
        ("Fayssal Mekdad, minister of Foreign Affairs and Expatriates of Syria, on July 14",
         "minister of Foreign Affairs and Expatriates of Syria", "foreign-minister-of-pattern"),
        ("the warm greetings from the respected Comrade Kim Jong Un to President Masoud Pezeshkian.", "President",
         "foreign-president-title-pattern"),
        ("Units of the Korean People's Army and the Paektusan Hero Youth Shock Brigade shall build more than 4 400 "
         "modern houses", "Units of the Korean People's Army", "kpa-units"),
        ("In particular, all the Party officials should go deep among the masses", "Party officials",
         "party-officials"),
        ("Servicepersons of the Korean People's Army (KPA) have arrived in the flood-hit areas", "Servicepersons",
         "service-personnel"),
        ("Then, followed a women's volleyball game between North and South Hwanghae provincial teams.",
         "North and South Hwanghae", "north-and-south-hwanghae"),
    ],
)
def test_a_class_member_links_its_pattern(shipped_matcher: Matcher, sentence: str, linked: str, entry_id: str) -> None:
    assert links(shipped_matcher, sentence).get(linked) == entry_id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The DPRK's own party and bodies are never foreign parties.
        ("The Communist Party of Korea was founded in 1925.", {}),
        ("the Central Committee of the Workers' Party of Korea", {
            "Central Committee of the Workers' Party of Korea": "wpk-central-committee"}),
        ("the Korean Social Democratic Party", {"Korean Social Democratic Party": "korean-social-democratic-party"}),
        ("officials of the Uiju County Party Committee", {
            "officials": None, "Uiju County": "uiju-county", "Party Committee": "party-committee"}),
        # A foreign party with its own entry keeps it, with or without its committee in front.
        ("the Communist Party of Vietnam", {"Communist Party of Vietnam": "communist-party-of-vietnam"}),
        ("the C.C., Communist Party of Belarus", {"Communist Party of Belarus": "communist-party-of-belarus"}),
        ("the Liberal Democratic Party of Russia", {"Liberal Democratic Party of Russia": "liberal-democratic-party-of-russia"}),
        # The officials of the Party Central Committee, or of the Party and power organs, are not 당일군들.
        ("officials of the Party Central Committee", {"the Party Central Committee": "wpk-central-committee"}),
        ("officials of the Party and power organs", {"Party and power organs": "party-and-power-organs"}),
        # A named study group and the idea itself keep their entries.
        ("the Mongolian Association for the Study of the Juche Idea-Songun Idea", {
            "Mongolian Association for the Study of the Juche Idea-Songun Idea": "mongolian-association-juche-songun"}),
        ("the study of the Juche idea", {"Juche idea": "juche-idea"}),
        # The DPRK's ministers and presidents: named entries, not the foreign patterns.
        ("Choe Son Hui, minister of Foreign Affairs of the DPRK", {
            "Choe Son Hui": "choe-son-hui", "minister of Foreign Affairs": "foreign-minister", "DPRK": "dprk"}),
        ("President Kim Il Sung and President Xi Jinping", {
            "President Kim Il Sung": "president-kim-il-sung", "Xi Jinping": "xi-jinping"}),
    ],
)
def test_near_misses_keep_their_own_entries(shipped_matcher: Matcher, text: str, expected: dict[str, str | None]) -> None:
    found = links(shipped_matcher, text)
    for linked, entry_id in expected.items():
        assert found.get(linked) == entry_id, (linked, found)
    if not expected:
        assert found == {}


def test_every_named_form_links_its_own_entry_not_a_pattern(shipped_glossary: Glossary, shipped_matcher: Matcher) -> None:
    # Patterns win ties in resolution, so an open-class pattern that matched a named party, group or title exactly
    # would take it over; each pattern refuses those spans, and this keeps it so when either side grows.
    taken = []
    for entry in shipped_glossary:
        if entry.pattern:
            continue
        for form in (entry.en, *entry.variants):
            text = f"They met {form} yesterday."
            start, end = 9, 9 + len(form)
            covering = [s for s in shipped_matcher.match_en(text) if s.start <= start and s.end >= end]
            if covering and shipped_glossary.get(covering[0].entry_id).pattern:  # type: ignore[union-attr]
                taken.append((entry.id, form, covering[0].entry_id))
    assert taken == []


# WPK meetings and congresses as the curation part writes them with a modifier or "our Party", and set names seen
# two or three times there (articles 45e0b14c3cbd, 920472063d95, 3c2e5df9058b, 02bd47946888, 3da271a82b36).
@pytest.mark.parametrize(
    ("sentence", "linked", "entry_id"),
    [
        ("Rodong Sinmun says in an editorial that the historic Tenth Plenary Meeting of the Eighth Central Committee of "
         "the Workers' Party of Korea called upon",
         "the historic Tenth Plenary Meeting of the Eighth Central Committee of the Workers' Party of Korea",
         "cc-plenary-meeting-pattern"),
        ("which was decided on at the Eighth Congress of our Party and the enlarged meetings",
         "the Eighth Congress of our Party", "party-congress-pattern"),
        ("On a hillock near a bank of the River Amnok overlooking the inundated island", "River Amnok", "amnok-river"),
        ("do not mean NATO of Asian version, but it is nothing but rhetoric", "NATO of Asian version",
         "nato-of-asian-version"),
        ("The 2024 National Exhibition of August 3 Consumer Goods closed in the DPRK.", "August 3 Consumer Goods",
         "august-3-consumer-goods"),
    ],
)
def test_wpk_meetings_with_a_modifier_and_recurring_set_names_link(
    shipped_matcher: Matcher, sentence: str, linked: str, entry_id: str
) -> None:
    assert links(shipped_matcher, sentence).get(linked) == entry_id


def test_another_partys_congress_is_not_the_wpks(shipped_matcher: Matcher) -> None:
    found = links(shipped_matcher, "the Eighth Congress of the Communist Party of Vietnam")
    assert "party-congress-pattern" not in found.values()


# Pairs of farms, counties and mines that KCNA names as one ("Kuthan and Yaksan farms") link as a pair, and the pair
# patterns leave provinces, single units and named entries alone (sentences from the curation part).
@pytest.mark.parametrize(
    ("sentence", "linked", "entry_id"),
    [
        ("New modern houses have appeared at Kuthan and Yaksan farms in Songhwa County, South Hwanghae Province",
         "Kuthan and Yaksan farms", "farm-pair-pattern"),
        ("Modern houses have appeared at Kundong and Nongpho vegetable farms in Chongjin City",
         "Kundong and Nongpho vegetable farms", "farm-pair-pattern"),
        ("The railway section between Jonchon and Songgan counties was restored in a week.",
         "Jonchon and Songgan counties", "county-pair-pattern"),
        ("Unryul and Jaeryong mines pay attention to pumping out the pit faces in time",
         "Unryul and Jaeryong mines", "mine-pair-pattern"),
        ("officials and workers of the Orangchon Power Station No. 5 are striving",
         "Orangchon Power Station No. 5", "numbered-power-station-pattern"),
        ("the South Hwanghae Provincial Branch and the Kangwon Provincial Branch of the Academy of Agricultural Science",
         "Kangwon Provincial Branch of the Academy of Agricultural Science",
         "academy-of-agricultural-science-branch-pattern"),
    ],
)
def test_a_pair_or_numbered_unit_links_its_pattern(shipped_matcher: Matcher, sentence: str, linked: str, entry_id: str) -> None:
    assert links(shipped_matcher, sentence).get(linked) == entry_id


@pytest.mark.parametrize(
    "sentence",
    [
        "Similar work has been witnessed in North Phyongan and Jagang provinces.",
        "the Jadong Farm in Yonggwang County and the Hoban Farm in Pujon County",
        "the construction site of the Phalhyang Dam at the Orangchon Power Station and the workers",
    ],
)
def test_the_pair_patterns_leave_other_names_alone(shipped_matcher: Matcher, sentence: str) -> None:
    pair_ids = {"farm-pair-pattern", "county-pair-pattern", "mine-pair-pattern", "numbered-power-station-pattern"}
    assert not pair_ids & set(links(shipped_matcher, sentence).values())


def test_a_named_station_keeps_its_entry_without_a_number(shipped_matcher: Matcher) -> None:
    found = links(shipped_matcher, "the Phalhyang Dam at the Orangchon Power Station and the workers")
    assert found.get("Orangchon Power Station") == "orangchon-power-station"
