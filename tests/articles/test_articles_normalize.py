"""Scraped-text repair: every flaw the corpus shows, and no change to text without flaws."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from reader.articles.names import BUILTIN_PERSON_NAMES, degluing_names, usable_for_degluing
from reader.articles.normalize import normalize_text, strip_controls

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "corpus-sample.jsonl"

NAMES = BUILTIN_PERSON_NAMES


@pytest.mark.parametrize(
    ("scraped", "repaired"),
    [
        ("the respected ComradeKim Jong Uninvited them", "the respected Comrade Kim Jong Un invited them"),
        ("Pyongyang, January 12 (KCNA) --Kim Jong Un, president", "Pyongyang, January 12 (KCNA) -- Kim Jong Un, president"),
        ("statues of PresidentKim Il Sungand ChairmanKim Jong Illed to", "statues of President Kim Il Sung and Chairman Kim Jong Il led to"),
        ("the Kim Il Sung-Kim Jong IlFoundation", "the Kim Il Sung-Kim Jong Il Foundation"),
        ("held atKim Il SungSquare", "held at Kim Il Sung Square"),
        ("solidarity to H.E.Kim Jong Unwho is", "solidarity to H.E. Kim Jong Un who is"),
        ("the respected HEKim Jong Un, president", "the respected HE Kim Jong Un, president"),
        ("On August 4Kim Jong Un, general secretary", "On August 4 Kim Jong Un, general secretary"),
        ("After a while,Kim Jong Uninstructed the officials", "After a while, Kim Jong Un instructed the officials"),
        ("He wishedKim Jong Ungood health", "He wished Kim Jong Un good health"),
        ("That dayKim Jong Untold officials", "That day Kim Jong Un told officials"),
        ("Kim Jong Un , general secretary", "Kim Jong Un, general secretary"),
        ("the respected Comrade Kim Jong Un .", "the respected Comrade Kim Jong Un."),
        ("Respected Comrade\xa0Kim Jong Un\xa0Receives", "Respected Comrade Kim Jong Un Receives"),
        ("the Workers’ Party of Korea", "the Workers' Party of Korea"),
        ("the peasants’ living standards", "the peasants' living standards"),
        ("the \"Aalam－Party of Non－Parties\"", "the \"Aalam-Party of Non-Parties\""),
        ("from Carl ⅩⅥ Gustaf, king", "from Carl XVI Gustaf, king"),
        ("were  filled   with joy", "were filled with joy"),
        ("a\u2003wide\u202fspace", "a wide space"),
    ],
)
def test_each_scraped_flaw_is_repaired(scraped: str, repaired: str) -> None:
    assert normalize_text(scraped, NAMES) == repaired


@pytest.mark.parametrize(
    "text",
    [
        'He said "Yes" .',  # the space follows a quote, not a word: typed that way
        "the list a ,b and c",  # no space after the comma: not a stray space before punctuation
        "Kim Jong Un ,and",
        "wait ... what",
    ],
)
def test_spaces_before_punctuation_stay_unless_they_follow_a_word_and_end_a_clause(text: str) -> None:
    assert normalize_text(text, NAMES) == text


def test_curly_and_straight_apostrophes_compare_equal() -> None:
    assert normalize_text("Workers’ Party", NAMES) == normalize_text("Workers' Party", NAMES)


def test_quotes_dashes_and_symbols_are_kept_for_display() -> None:
    text = "today’s “Changsong Joint Conference” – the 20×10 Policy, 5 ㎥"
    assert normalize_text(text, NAMES) == "today's “Changsong Joint Conference” – the 20×10 Policy, 5 ㎥"


def test_words_that_merely_start_like_a_name_are_left_alone() -> None:
    text = "Kim Chaek University of Technology and the untold, unmet needs of the Kimchi Union"
    assert normalize_text(text, NAMES) == text


def test_paragraph_breaks_survive_repair() -> None:
    assert normalize_text("First line. \n\nSecond  line.", NAMES) == "First line.\n\nSecond line."


def test_single_word_names_are_not_used_for_degluing() -> None:
    # "Putin" glued would also match "Putinism"; only full multi-word names are safe.
    assert not usable_for_degluing("Putin")
    assert usable_for_degluing("Choe Son Hui")


def test_glossary_names_are_merged_with_the_builtin_names() -> None:
    merged = degluing_names(["Sergei Lavrov", "Lavrov", "Sergei  Lavrov"])
    assert "Sergei Lavrov" in merged and "Kim Jong Un" in merged and "Lavrov" not in merged
    assert merged.count("Sergei Lavrov") == 1


def test_normalizing_never_loads_the_glossary(monkeypatch: pytest.MonkeyPatch) -> None:
    # The parser's names come from its caller: a broken glossary cannot be reached from here at all.
    monkeypatch.setitem(sys.modules, "glossary.data", None)
    assert normalize_text("ComradeKim Jong Unvisited") == "Comrade Kim Jong Un visited"


@pytest.mark.parametrize(
    ("hostile", "shown"),
    [
        ("Kim\x1b[31m Jong\x1b[0m Un", "Kim Jong Un"),  # colour (CSI)
        ("a\x1b]0;owned\x07b", "ab"),  # window title (OSC, BEL-terminated)
        ("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b", "alinkb"),  # hyperlink (OSC, ST-terminated)
        ("a\x1b[2J\x1b[Hb", "ab"),  # clear screen, cursor home
        ("a\x9b31mb", "ab"),  # 8-bit CSI
        ("a\x1bPq#0;1b\x1b\\c", "ac"),  # DCS string (sixel)
        ("a\x00\x07\x08\x7fb\tc\r\nd\re", "ab c\nd\ne"),  # C0 controls, DEL; tab and line ends kept as text
        ("a\u202eevil\u202cb", "aevilb"),  # bidi override would reverse what the terminal draws
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("a\x1b\tb", "a b"),  # a lone ESC goes; the tab after it is text, not part of a sequence
    ],
)
def test_terminal_escapes_and_controls_are_stripped(hostile: str, shown: str) -> None:
    assert strip_controls(hostile) == shown


def _raw_lines(path) -> list[str]:
    return [line for raw in path.read_text(encoding="utf-8").splitlines() for line in json.loads(raw)["text"].split("\n")]


# A line shows one of the known flaws when it has any of these; other lines must come back unchanged.
_FLAW = re.compile(
    r"[A-Za-z.,;:0-9]Kim |(?:Kim Jong Un|Kim Il Sung|Kim Jong Il)[A-Za-z]|[\u00a0\u2019\u2018\uff0d\u2160-\u217f]"
    r"|  |--\S| [,.]"
)


def _changed_flawless_lines(lines: list[str]) -> tuple[int, list[str]]:
    flawless = [line for line in lines if not _FLAW.search(line)]
    # The names a user gets: built-in merged with the glossary's, so a glossary name that breaks words fails here.
    from glossary.data import load_glossary

    names = degluing_names(load_glossary(include_user_dir=False).person_names())
    return len(flawless), [line for line in flawless if normalize_text(line, names) != line]


def test_repair_changes_nothing_in_flawless_sample_lines() -> None:
    checked, changed = _changed_flawless_lines(_raw_lines(SAMPLE))
    assert checked > 300
    assert changed == []


def _glued_names(text: str) -> list[str]:
    pattern = re.compile("|".join(sorted(map(re.escape, NAMES), key=len, reverse=True)))
    glued = []
    for match in pattern.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if before.isalnum() or before in ".,;:" or after.isalpha():
            glued.append(text[max(0, match.start() - 10) : match.end() + 10])
    return glued


def test_no_glued_names_remain_in_the_sample(sample_articles) -> None:
    raw = SAMPLE.read_text(encoding="utf-8")
    assert len(_glued_names(raw.replace("\\u00a0", " "))) > 50  # the sample really has the flaw
    leftovers = [g for a in sample_articles for s in [a.title, *a.sentences] for g in _glued_names(s)]
    assert leftovers == []


def test_whole_dev_corpus_has_no_glued_names_and_no_needless_changes(corpus_path) -> None:
    from reader.articles.corpus import iter_corpus

    leftovers = [g for a in iter_corpus(corpus_path) for s in [a.title, *a.sentences] for g in _glued_names(s)]
    assert leftovers == []
    checked, changed = _changed_flawless_lines(_raw_lines(corpus_path))
    assert checked > 6000
    assert changed == []


@pytest.mark.parametrize(
    ("scraped", "repaired"),
    [
        (
            "The speakers noted that the respected fatherly Marshal\nKim Jong Unput forward the youths",
            "The speakers noted that the respected fatherly Marshal Kim Jong Un put forward the youths",
        ),
        (
            "On the occasion of the 76th founding anniversary of the DPRK,\nthe respected ComradeKim Jong Unreceived",
            "On the occasion of the 76th founding anniversary of the DPRK, the respected Comrade Kim Jong Un received",
        ),
        (
            "They visited the Kumsusan Palace of the Sun to pay tribute toKim Il Sungand\nKim Jong Il.\nThe next one.",
            "They visited the Kumsusan Palace of the Sun to pay tribute to Kim Il Sung and Kim Jong Il.\nThe next one.",
        ),
    ],
)
def test_lines_broken_before_a_name_are_rejoined(scraped: str, repaired: str) -> None:
    assert normalize_text(scraped, NAMES) == repaired


@pytest.mark.parametrize(
    "text",
    [
        "Rodong Sinmun\nKim Jong Un visited a farm.",  # a section heading, then a paragraph
        "The talk was friendly.\nKim Jong Un left.",  # a finished sentence
        "Pyongyang, May 3 (KCNA) --\nKim Jong Un spoke.",  # the dateline on its own line
    ],
)
def test_headings_and_finished_lines_stay_apart(text: str) -> None:
    assert normalize_text(text, NAMES) == text


def test_no_paragraph_in_the_sample_starts_mid_sentence(sample_articles) -> None:
    starts = [p[0][:40] for a in sample_articles for p in a.paragraphs if p[0][0].islower()]
    assert starts == []
    joined = next(a for a in sample_articles if a.article_id == "c29fd138a07d")
    assert any("the world will admire Kim Il Sung's nation and Kim Jong Il's Korea" in s for s in joined.sentences)
