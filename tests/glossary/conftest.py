"""Shared fixtures: a small curated glossary written for these tests, and the shipped one (loaded once) for the
tests of the real data."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.data import Glossary, load_glossary
from glossary.match import Matcher

FIXTURE_DATA = Path(__file__).resolve().parent / "data" / "curated"


@pytest.fixture(scope="session")
def fixture_glossary() -> Glossary:
    glossary = load_glossary(include_user_dir=False, data_dir=FIXTURE_DATA)
    assert not glossary.warnings, glossary.warnings
    return glossary


@pytest.fixture(scope="session")
def matcher(fixture_glossary: Glossary) -> Matcher:
    return Matcher(fixture_glossary)


@pytest.fixture(scope="session")
def shipped_glossary() -> Glossary:
    glossary = load_glossary(include_user_dir=False)
    assert not glossary.warnings, glossary.warnings
    return glossary


@pytest.fixture(scope="session")
def shipped_matcher(shipped_glossary: Glossary) -> Matcher:
    return Matcher(shipped_glossary)
