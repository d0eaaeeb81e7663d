"""Korean articles in the library: imported like English ones, found by words inside unspaced compounds."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.commands.reader import main
from reader.context import ReaderContext
from reader.paths import SEEDS_DIR

KOREAN_SEED = SEEDS_DIR / "2019-01-01-kim-jong-un-new-year-address-ko.txt"


def test_korean_words_inside_unspaced_compounds_are_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    visit = tmp_path / "visit.txt"
    visit.write_text("현지지도\n\n경애하는 김정은동지께서 공장을 현지지도하시였다.\n", encoding="utf-8")
    assert main(["import", str(SEEDS_DIR), str(visit)]) == 0
    capsys.readouterr()
    library = ReaderContext().library
    assert [item.title for item in library.items("김정은")] == ["현지지도"]  # only inside 김정은동지께서
    korean_title = library.article(next(i.id for i in library.items() if i.source.endswith(KOREAN_SEED.name))).title
    # The 2019 address never writes 자력갱생 alone: always 자력갱생의, 자력갱생으로, ...; 김정은 only in compounds too.
    assert korean_title in {item.title for item in library.items("자력갱생")}
    assert [item.title for item in library.items("자력갱생 경제")] == [korean_title]
    assert [item.title for item in library.items("생을")] == [korean_title]  # two syllables: LIKE on the index
    assert library.items("없는말입니다") == []
    assert library.items("Kim Yo Jong"), "English search is unchanged"
    article = library.article(next(i.id for i in library.items("자력갱생")))
    assert article.lang == "ko"


def test_import_from_stdin_with_lang(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Title\n\n사회주의 만세!\n".encode())))
    assert main(["import", "-", "--lang", "ko"]) == 0
    assert "imported 1 article(s)" in capsys.readouterr().out
    library = ReaderContext().library
    [item] = library.items("사회주의")
    assert library.article(item.id).lang == "ko"


def test_an_old_library_gains_the_trigram_index(tmp_path: Path) -> None:
    import sqlite3

    from reader.library.store import _SCHEMA_1, Library

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(_SCHEMA_1)
    conn.execute(
        "INSERT INTO library_articles (id, content_hash, title, source, sentence_count, body_json, imported_at)"
        " VALUES (1, 'h', '신년사', 'x', 1, '{\"paragraphs\": [[\"김정은동지께서\"]]}', 0)"
    )
    conn.execute("INSERT INTO library_fts (rowid, title, body) VALUES (1, '신년사', '김정은동지께서')")
    conn.commit()
    assert [item.id for item in Library(conn).items("김정은")] == [1]
