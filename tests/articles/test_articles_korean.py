"""Korean articles read as published: language by script, BOM/CRLF, glued sentences, headnotes kept apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.articles.korean import detect_language, layout_korean, split_korean_sentences
from reader.articles.load import load_article, parse_text
from reader.commands.reader import main

REPO = Path(__file__).resolve().parent.parent.parent
KOREAN_SEED = REPO / "seeds" / "2019-01-01-kim-jong-un-new-year-address-ko.txt"
ENGLISH_SEED = REPO / "seeds" / "2023-10-20-kim-jong-un-receives-lavrov.txt"
KOREAN_CORPUS = REPO.parent / "shared" / "corpus" / "ko-new-year-addresses"


def test_language_comes_from_the_share_of_hangul() -> None:
    assert detect_language("경애하는 김정은동지께서 현지지도하시였다.") == "ko"
    assert detect_language("Kim Jong Un inspected the Ministry of National Defence.") == "en"
    # A Korean text quoting a few English names is still Korean; an English text with one Korean term is English.
    assert detect_language("《Rodong Sinmun》은 KCNA 보도를 실었다. 조선로동당 중앙위원회") == "ko"
    assert detect_language("The Workers' Party of Korea (조선로동당) held a plenary meeting in Pyongyang today.") == "en"


def test_sentences_glued_after_a_full_stop_are_split_but_quoted_slogans_are_not() -> None:
    line = "승리의 해로 되였습니다.사회주의에 대하여! 《자력갱생의 기치높이 나아가자!》, 이것이 구호입니다."
    assert split_korean_sentences(line) == [
        "승리의 해로 되였습니다.",
        "사회주의에 대하여! 《자력갱생의 기치높이 나아가자!》, 이것이 구호입니다.",
    ]


def test_every_sentence_is_a_slice_of_the_text_as_read_with_bom_crlf_and_full_width() -> None:
    text = "\ufeff신년사\r\n\r\n제７기 제３차전원회의는 진행되였습니다.사회주의에 영광이 있으라！\r\n"
    article = parse_text(text, source="bom.txt")
    assert article.lang == "ko" and article.title == "신년사"
    assert article.sentences == ["제７기 제３차전원회의는 진행되였습니다.", "사회주의에 영광이 있으라！"]
    for sentence in article.sentences:
        assert sentence in text  # nothing folded or rewritten: offsets in a sentence are offsets in the text


def test_a_line_with_a_control_character_leaves_no_space_at_its_ends() -> None:
    # The C1 string command swallows the rest of the line, leaving "0 ": shown, it would be a sentence with a
    # stray space (found by the fuzz suite).
    article = parse_text("0 \x98\u1100", source="hostile.txt")
    assert article.sentences == ["0"]
    assert article.title in ("", "0")


def test_a_compilers_headnote_is_kept_apart_from_the_original() -> None:
    text = "제목\n신년사 - 1956년 01월 01일\n해 제\n\n1956년도 신년사는 독려한 것이다.\n\n원 문\n\n친애하는 동지들!\n"
    layout = layout_korean(text)
    assert layout.title == "제목"
    assert layout.headnote == ["1956년도 신년사는 독려한 것이다."]
    assert layout.paragraphs == [["신년사 - 1956년 01월 01일"], ["친애하는 동지들!"]]


def test_a_first_line_that_is_a_salutation_stays_in_the_body() -> None:
    article = load_article(KOREAN_SEED)
    assert article.lang == "ko" and article.headnote == []
    assert article.sentences[0] == "사랑하는 온 나라 인민들과 인민군장병들!"
    raw = KOREAN_SEED.read_bytes().decode("utf-8-sig")
    assert "\r\n" in raw and all(sentence in raw for sentence in article.sentences)


@pytest.mark.skipif(not KOREAN_CORPUS.is_dir(), reason="shared Korean corpus not present")
def test_the_whole_korean_corpus_reads_as_korean_with_headnotes_apart() -> None:
    with_headnote = 0
    for path in sorted(KOREAN_CORPUS.glob("*.txt")):
        article = load_article(path)
        assert article.lang == "ko", path.name
        raw = path.read_bytes().decode("utf-8-sig")
        assert all(sentence in raw for sentence in article.sentences), path.name
        assert not any(s.replace(" ", "") in ("해제", "원문") for s in article.sentences), path.name
        with_headnote += bool(article.headnote)
    assert with_headnote >= 20


def test_parse_json_reports_the_language_and_lang_overrides_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(KOREAN_SEED), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["lang"] == "ko"
    assert main(["parse", str(ENGLISH_SEED), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["lang"] == "en"
    assert main(["parse", str(KOREAN_SEED), "--json", "--lang", "en"]) == 0
    assert json.loads(capsys.readouterr().out)["lang"] == "en"
    assert main(["parse", str(ENGLISH_SEED), "--json", "--lang", "ko"]) == 0
    assert json.loads(capsys.readouterr().out)["lang"] == "ko"


def test_plain_preview_and_translate_of_a_korean_article_name_the_ko_en_model(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--plain", str(KOREAN_SEED)]) == 0
    out = capsys.readouterr().out
    assert "사랑하는 온 나라 인민들과 인민군장병들!" in out and "ko->en" in out
    assert main(["translate", str(KOREAN_SEED)]) == 3
    assert "reader models install ko en" in capsys.readouterr().err
