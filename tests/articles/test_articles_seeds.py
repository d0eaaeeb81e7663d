"""Every article in seeds/ keeps the seed shape and reads the same as its corpus record."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.articles.load import load_article

REPO = Path(__file__).resolve().parent.parent.parent
KOREAN_SEED = "2019-01-01-kim-jong-un-new-year-address-ko.txt"
SEEDS = sorted(p for p in (REPO / "seeds").glob("*.txt") if p.name != KOREAN_SEED)
KOREAN_CORPUS = REPO.parent / "shared" / "corpus" / "ko-new-year-addresses"

#: seed file -> the corpus record it was copied from (all in tests/data/corpus-sample.jsonl)
FROM_CORPUS = {
    "2024-09-08-kim-jong-un-inspects-defence-industrial-enterprise.txt": "c1e5e8f94007",
    "2024-07-31-politburo-emergency-enlarged-meeting.txt": "47cf2aae9700",
    "2024-06-21-kim-yo-jong-press-statement.txt": "0bb69e6374c2",
    "2024-09-13-choe-ryong-hae-meets-koreans-in-japan.txt": "58badf7b79b4",
    "2024-07-20-cabinet-enlarged-plenary-meeting.txt": "b5eba766b3ba",
    "2023-12-24-kcna-commentary-japan-nuclear-polluted-water.txt": "7055beb52e1c",
    "2024-07-26-kim-tok-hun-meets-belarusian-foreign-minister.txt": "476168f2be5b",
    "2024-09-13-kim-jong-un-oversees-rocket-launcher-test.txt": "6c231b0ccea6",
    "2024-05-20-foreign-ministry-spokesman-press-statement.txt": "2f486fed262f",
    "2024-08-11-servicepersons-launch-flood-recovery.txt": "3d0cf9a70396",
}


def test_there_are_about_ten_new_seeds_besides_the_original() -> None:
    names = {path.name for path in SEEDS}
    assert "2023-10-20-kim-jong-un-receives-lavrov.txt" in names
    assert set(FROM_CORPUS) <= names


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_each_seed_has_the_kcna_shape(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*\.txt", path.name)
    assert raw.endswith("\n-0-")
    article = load_article(path)
    assert article.date == path.name[:10]
    assert article.place == "Pyongyang" and article.agency == "KCNA"
    assert article.title and len(article.sentences) >= 2
    assert "-0-" not in article.text


@pytest.mark.parametrize(("name", "article_id"), sorted(FROM_CORPUS.items()))
def test_seed_reads_the_same_as_its_corpus_record(name: str, article_id: str, sample_articles) -> None:
    seed = load_article(REPO / "seeds" / name)
    record = next(a for a in sample_articles if a.article_id == article_id)
    assert (seed.title, seed.date, seed.place) == (record.title, record.date, record.place)
    assert seed.paragraphs == record.paragraphs


def test_the_korean_seed_is_the_2019_address_as_published() -> None:
    seed = REPO / "seeds" / KOREAN_SEED
    article = load_article(seed)
    assert article.lang == "ko"
    assert "2019년을 맞이하였습니다" in article.text and len(article.sentences) > 100
    assert "Source" not in seed.read_text(encoding="utf-8")  # the note lives in seeds/SOURCES, not in the text
    notes = (REPO / "seeds" / "SOURCES").read_text(encoding="utf-8")
    assert KOREAN_SEED in notes and "CC0" in notes and "e9t/north-korea-new-years-speechs" in notes
    if (KOREAN_CORPUS / "2019.txt").exists():
        assert seed.read_bytes() == (KOREAN_CORPUS / "2019.txt").read_bytes()
