"""The KCNA text shape and plain text into an Article, checked on the seed and on each shape variant."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.articles.load import load_article, parse_text
from reader.errors import InputError

REPO = Path(__file__).resolve().parent.parent.parent
SEED = REPO / "seeds" / "2023-10-20-kim-jong-un-receives-lavrov.txt"


def test_the_seed_article_parses_exactly() -> None:
    article = load_article(SEED)
    assert article.title == "Respected Comrade Kim Jong Un Receives Russian Foreign Minister"
    assert article.date == "2023-10-20"
    assert (article.place, article.dateline_date, article.agency) == ("Pyongyang", "October 20", "KCNA")
    assert article.keywords == ["Respected Comrade", "Russian Foreign Minister"]
    assert article.sentences[0] == (
        "Kim Jong Un, general secretary of the Workers' Party of Korea (WPK) and president of the State Affairs "
        "of the Democratic People's Republic of Korea (DPRK), received Sergei Lavrov, foreign minister of the "
        "Russian Federation, on a visit to the DPRK at the office building of the WPK Central Committee on Oct. 19."
    )
    assert len(article.paragraphs) == 8
    assert len(article.sentences) == 8
    assert article.sentences[-1] == "The talk proceeded in a friendly and amicable atmosphere."
    assert article.sentences[3].endswith("the respected Comrade Kim Jong Un.")
    assert "-0-" not in article.text
    assert article.source == str(SEED)
    assert article.warnings == []


KCNA_SHAPE = (
    "Kim Yo Jong Issues Press Statement\n2024-05-26\n"
    "Pyongyang, May 26 (KCNA) --Kim Yo Jong, vice department director, issued a statement.\n"
    "It said the U.S. Air Force mobilized planes.\n"
    "The DPRK will respond. -0-"
)


def test_end_mark_glued_to_the_last_line_is_removed_and_dateline_split_off() -> None:
    article = parse_text(KCNA_SHAPE)
    assert article.title == "Kim Yo Jong Issues Press Statement"
    assert article.date == "2024-05-26"
    assert article.keywords == []
    assert article.place == "Pyongyang" and article.dateline_date == "May 26"
    assert article.paragraphs == [
        ["Kim Yo Jong, vice department director, issued a statement."],
        ["It said the U.S. Air Force mobilized planes."],
        ["The DPRK will respond."],
    ]


def test_no_date_line_gives_a_null_date() -> None:
    article = parse_text(KCNA_SHAPE.replace("2024-05-26\n", ""))
    assert article.date is None
    assert article.title == "Kim Yo Jong Issues Press Statement"
    assert article.place == "Pyongyang"


def test_plain_text_takes_its_first_line_as_title() -> None:
    article = parse_text("A Note on Sources\nThe reader keeps the original. It also splits sentences.\n")
    assert article.title == "A Note on Sources"
    assert article.date is None and article.place is None
    assert article.paragraphs == [["The reader keeps the original.", "It also splits sentences."]]


def test_text_starting_with_the_dateline_takes_its_title_from_the_first_sentence() -> None:
    article = parse_text("Pyongyang, May 3 (KCNA) -- A sports contest was held. Players took part.")
    assert article.title == "A sports contest was held."
    assert article.sentences == ["A sports contest was held.", "Players took part."]


def test_end_mark_on_its_own_line_and_blank_lines_are_dropped() -> None:
    article = parse_text("Title\n2024-01-02\n\nPyongyang, January 2 (KCNA) -- One.\n\nTwo.\n-0-\n")
    assert article.paragraphs == [["One."], ["Two."]]


def test_an_impossible_date_is_left_empty_with_a_warning() -> None:
    article = parse_text("Title\n2024-13-45\nPyongyang, January 2 (KCNA) -- One.")
    assert article.date is None
    assert "2024-13-45" in article.warnings[0]


def test_escape_sequences_never_reach_the_article() -> None:
    article = parse_text("Title\x1b]0;owned\x07\n2024-01-02\nPyongyang, January 2 (KCNA) -- One\x1b[2J two.")
    assert article.title == "Title"
    assert article.sentences == ["One two."]
    assert "\x1b" not in article.title + article.text


def test_text_of_only_controls_is_refused() -> None:
    with pytest.raises(InputError, match="no readable text"):
        parse_text("\x1b[2J\x07\n \n", source="junk.txt")


def test_a_windows_file_with_bom_and_crlf_reads_like_any_other(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes(b"\xef\xbb\xbfTitle\r\n2024-01-02\r\nPyongyang, January 2 (KCNA) -- One.\r\nTwo.\r\n-0-\r\n")
    article = load_article(path)
    assert (article.title, article.date) == ("Title", "2024-01-02")
    assert article.paragraphs == [["One."], ["Two."]]


def test_utf16_text_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_text("Title\n2024-01-02\nPyongyang, January 2 (KCNA) -- Kim Jong Un spoke.\n", encoding="utf-16")
    assert load_article(path).sentences == ["Kim Jong Un spoke."]
