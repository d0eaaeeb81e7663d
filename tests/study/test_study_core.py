"""The study core without the app: no Textual, decks and categories, intervals as the buttons print them."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest
from fsrs import Rating

from reader.study.deck import StudyError, deck_entries
from reader.study.plain import parse_rating
from reader.study.scheduling import format_interval, fuzz_range

CORE = [
    "reader.study." + name
    for name in (
        "cards",
        "clock",
        "deck",
        "export",
        "optimize",
        "plain",
        "replay",
        "report",
        "scheduling",
        "session",
        "stats",
        "store",
    )
]


def test_study_core_does_not_import_textual() -> None:
    code = (
        f"import importlib, sys\nfor m in {CORE!r}: importlib.import_module(m)\n"
        "print(any(m.startswith('textual') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_deck_all_with_a_category_keeps_only_that_category(glossary) -> None:
    opened = {"kim-jong-un": 3, "wpk": 2, "general-secretary-of-the-wpk": 1}
    titles = deck_entries(glossary, opened, "all", "title")
    assert titles and {e.category for e in titles} == {"title"}
    assert titles[0].id == "general-secretary-of-the-wpk"  # met while reading: before the rest of the category
    assert len(titles) == len([e for e in (e for e in glossary if e.category == "title") if e.ko])
    assert [e.id for e in deck_entries(glossary, opened, "opened", None)] == [
        "kim-jong-un",
        "wpk",
        "general-secretary-of-the-wpk",
    ]
    with pytest.raises(StudyError, match="unknown deck"):
        deck_entries(glossary, opened, "everything", None)


def test_ratings_and_intervals_as_typed_and_printed() -> None:
    assert [parse_rating(t) for t in ("1", " hard\n", "GOOD", "4", "5", "")] == [
        Rating.Again,
        Rating.Hard,
        Rating.Good,
        Rating.Easy,
        None,
        None,
    ]
    assert [format_interval(timedelta(seconds=s)) for s in (30, 600, 7200, 86400 * 3, 86400 * 75, 86400 * 800)] == [
        "<1m",
        "10m",
        "2h",
        "3d",
        "2.5mo",
        "2.2y",
    ]
    assert fuzz_range(2, 36500) == (2, 2) and fuzz_range(10, 36500) == (8, 12)
