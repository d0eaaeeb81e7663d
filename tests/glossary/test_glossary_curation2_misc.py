"""Pairs of farms, counties and mines that KCNA names as one ("Kuthan and Yaksan farms") link as a pair, and the
pair patterns leave provinces, single units and named entries alone (sentences from the curation part)."""

from __future__ import annotations

import pytest

from glossary.data import load_glossary
from glossary.match import Matcher


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_glossary(include_user_dir=False))


def links(matcher: Matcher, text: str) -> dict[str, str]:
    return {span.text: span.entry_id for span in matcher.match_en(text)}


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
def test_a_pair_or_numbered_unit_links_its_pattern(matcher: Matcher, sentence: str, linked: str, entry_id: str) -> None:
    assert links(matcher, sentence).get(linked) == entry_id


@pytest.mark.parametrize(
    "sentence",
    [
        "Similar work has been witnessed in North Phyongan and Jagang provinces.",
        "the Jadong Farm in Yonggwang County and the Hoban Farm in Pujon County",
        "the construction site of the Phalhyang Dam at the Orangchon Power Station and the workers",
    ],
)
def test_the_pair_patterns_leave_other_names_alone(matcher: Matcher, sentence: str) -> None:
    pair_ids = {"farm-pair-pattern", "county-pair-pattern", "mine-pair-pattern", "numbered-power-station-pattern"}
    assert not pair_ids & set(links(matcher, sentence).values())


def test_a_named_station_keeps_its_entry_without_a_number(matcher: Matcher) -> None:
    found = links(matcher, "the Phalhyang Dam at the Orangchon Power Station and the workers")
    assert found.get("Orangchon Power Station") == "orangchon-power-station"
