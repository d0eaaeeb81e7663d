"""User settings: optional, typed, forgiving of a bad file, and honoured by the app, translate and study."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.settings import Settings, load_settings, save_settings, settings_path


def test_no_file_means_defaults() -> None:
    settings = load_settings()
    assert settings == Settings() and settings.warnings == []


def test_values_are_read_and_bad_ones_fall_back_with_a_warning() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("beam_size: 2\ntheme: kcna-high-contrast\nnew_cards_per_day: many\nday_starts_at: 30\ncolour: red\n")
    settings = load_settings()
    assert settings.beam_size == 2 and settings.theme == "kcna-high-contrast"
    assert settings.new_cards_per_day == 20 and settings.day_starts_at == 4
    joined = "\n".join(settings.warnings)
    assert "new_cards_per_day must be a whole number" in joined and "day_starts_at must be from 0 to 23" in joined
    assert "unknown setting 'colour'" in joined
    assert all(str(path) in warning for warning in settings.warnings)


@pytest.mark.parametrize("content", ["beam_size: [unclosed\n", "- a list\n", b"\xff\xfe bad bytes"])
def test_a_broken_file_never_stops_the_reader(content: str | bytes) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    settings = load_settings()
    assert settings.beam_size == 4 and len(settings.warnings) == 1 and str(path) in settings.warnings[0]


def test_save_round_trips_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    save_settings(Settings(theme="textual-light", reviews_per_day=50), path)
    assert load_settings(path) == Settings(theme="textual-light", reviews_per_day=50)
    assert [p.name for p in tmp_path.iterdir()] == ["settings.yaml"]


async def test_the_app_starts_in_the_saved_theme_and_remembers_a_new_one() -> None:
    from reader.app.app import ReaderApp
    from reader.articles.load import load_article
    from reader.paths import DEFAULT_ARTICLE

    save_settings(Settings(theme="kcna-high-contrast"))
    from reader.context import ReaderContext

    app = ReaderApp(load_article(DEFAULT_ARTICLE), context=ReaderContext(settings=load_settings()))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "kcna-high-contrast"
        app.theme = "textual-light"
        await pilot.pause()
    assert load_settings().theme == "textual-light"


def test_study_takes_its_limits_from_the_settings_and_flags_override_them(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from reader.commands.reader import main

    save_settings(Settings(new_cards_per_day=3))
    assert main(["study", "stats", "--json", "--deck", "all"]) == 0
    assert json.loads(capsys.readouterr().out)["new_today"] == 3
    assert main(["study", "stats", "--json", "--deck", "all", "--new", "5"]) == 0
    assert json.loads(capsys.readouterr().out)["new_today"] == 5
