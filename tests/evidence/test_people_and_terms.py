"""The analyst's evidence: a person's appearances with posts and list places, a term's concordance and monthly use."""

from __future__ import annotations

import csv
import itertools
import json
from pathlib import Path

import pytest

from glossary.data import load_glossary
from glossary.match import Matcher
from reader.commands.reader import main
from reader.evidence.people import mentions, post_after
from reader.evidence.timeline import monthly_frequency

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "corpus-sample.jsonl"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_glossary(include_user_dir=False))


def test_posts_and_list_places_as_kcna_writes_them(matcher: Matcher) -> None:
    sentence = (
        "Present there were Andrei Ludenko, vice-minister of Foreign Affairs of the Russian Federation, "
        "and Sergei Lavrov, foreign minister of the Russian Federation."
    )
    (found,) = mentions([(sentence, matcher.match_en(sentence))], "sergei-lavrov")
    assert found.post == "foreign minister of the Russian Federation"
    assert found.list_position == 2


def test_a_post_shared_by_names_joined_with_and(matcher: Matcher) -> None:
    sentence = (
        "Kim Tok Hun and Choe Ryong Hae, members of the Presidium of the Political Bureau of the Central Committee "
        "of the Workers' Party of Korea, took their seats on the platform."
    )
    spans = matcher.match_en(sentence)
    (found,) = mentions([(sentence, spans)], "kim-tok-hun")
    assert (
        found.post
        == "members of the Presidium of the Political Bureau of the Central Committee of the Workers' Party of Korea"
    )
    assert found.list_position is None  # no list cue in this sentence


def test_a_verb_after_the_name_is_not_a_post(matcher: Matcher) -> None:
    sentence = "Kim Tok Hun, made a speech."
    assert post_after(sentence, len("Kim Tok Hun"), matcher.match_en(sentence)) is None


def _import_sample(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(SAMPLE)]) == 0
    capsys.readouterr()


def test_reader_people_lists_appearances_by_date_with_posts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _import_sample(capsys)
    out_csv = tmp_path / "kim-tok-hun.csv"
    assert main(["people", "Kim Tok Hun", "--json", "--csv", str(out_csv)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert set(rows[0]) == {"date", "article_id", "article_title", "post", "list_position"}
    dates = [row["date"] for row in rows]
    assert dates == sorted(dates) and len(rows) >= 5
    cabinet = next(row for row in rows if row["article_title"] == "Enlarged Plenary Meeting of DPRK Cabinet Held")
    assert cabinet["post"].endswith(
        "vice-president of the State Affairs Commission of the DPRK and premier of the Cabinet"
    )
    with out_csv.open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == len(rows)


def test_reader_people_for_an_unknown_person_is_exit_1_and_an_empty_json_list(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["people", "Nobody Anywhere"]) == 1
    assert "no glossary person entry matches 'Nobody Anywhere'" in capsys.readouterr().err


def test_reader_concordance_gives_each_occurrence_in_context(capsys: pytest.CaptureFixture[str]) -> None:
    _import_sample(capsys)
    assert main(["concordance", "premier", "--json", "--width", "20"]) == 0
    lines = json.loads(capsys.readouterr().out)
    assert lines and all(line["text"].lower().startswith("premier") for line in lines)
    assert all(len(line["left"]) <= 20 and len(line["right"]) <= 20 for line in lines)
    assert any(line["right"].startswith(", made a speech") for line in lines)


def test_monthly_frequency_fills_the_months_in_between(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.context import ReaderContext

    _import_sample(capsys)
    series = monthly_frequency(ReaderContext().library, "kim-jong-un")
    months = [month for month, _ in series]
    assert months == sorted(months) and len(months) == len(set(months))
    assert months[0] <= "2024-01" and sum(count for _, count in series) > 50
    assert all(b > a for a, b in itertools.pairwise(months))


async def test_from_the_panel_the_people_and_concordance_screens_open_articles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from textual.widgets import DataTable

    from reader.app.app import ReaderApp
    from reader.app.screens.evidence import ConcordanceScreen, PeopleScreen
    from reader.app.screens.reading import ReadingScreen
    from reader.context import ReaderContext
    from reader.paths import DEFAULT_ARTICLE

    _import_sample(capsys)
    context = ReaderContext()
    app = ReaderApp(context.load_article(DEFAULT_ARTICLE), context=context)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        reading.show_entry("kim-tok-hun")
        await pilot.pause()
        panel_text = str(app.screen.query_one("#panel-body").render())
        assert "In your library, per month:" in panel_text and "p: appearances and posts" in panel_text
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        people = app.screen
        assert isinstance(people, PeopleScreen)
        table = people.query_one(DataTable)
        assert table.row_count == len(people.appearances) >= 5
        assert "premier of the Cabinet" in str(people.query_one("#evidence-summary").render())
        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.screen is reading and reading.article.title == people.appearances[-1].article_title

        reading.show_entry("premier")
        await pilot.pause()
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConcordanceScreen) and app.screen.query_one(DataTable).row_count >= 5
