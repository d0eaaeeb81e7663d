"""Shared paths for the articles tests: the fixed corpus sample and the segmentation gold set."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
SAMPLE = DATA / "corpus-sample.jsonl"


@pytest.fixture(scope="session")
def sample_articles():
    from reader.articles.corpus import iter_corpus

    return list(iter_corpus(SAMPLE))
