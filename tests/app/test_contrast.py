"""Readable colours in every theme the app offers: WCAG 4.5:1 for every run of text on the cursor sentence, and for
every term colour on the plain background.

The colours are the ones the pane draws with, read from the running app: the theme's variables resolved through
reading.tcss into the pane's component styles (the cursor line, dim text, markers, the gloss) and its term styles.
ANSI themes are left out: their colours are the terminal's, so there is nothing to compute.
"""

from __future__ import annotations

from rich.color import Color as RichColor
from tests_app_helpers import settle
from textual.color import Color

from glossary.model import CATEGORIES
from reader.app.app import ReaderApp
from reader.app.themes import MIN_CONTRAST, contrast_ratio
from reader.articles.load import load_article
from reader.paths import DEFAULT_ARTICLE

#: Component classes whose text is drawn on sentences (and so on the cursor line).
SENTENCE_RUNS = ("dim", "marker", "gloss-en", "gloss-ko")


def _colour(rich_colour: RichColor | None) -> Color:
    assert rich_colour is not None
    return Color.from_rich_color(rich_colour)


async def _measure_every_theme() -> dict[str, dict[str, tuple[float, float]]]:
    """For each theme, each run of text: (contrast on the cursor line, contrast on the plain background)."""
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    table: dict[str, dict[str, tuple[float, float]]] = {}
    async with app.run_test(size=(40, 10)) as pilot:  # small: each theme switch repaints the screen
        await settle(pilot)
        pane = app.screen.source_pane  # type: ignore[attr-defined]
        themes = sorted(name for name, theme in app.available_themes.items() if "ansi" not in name)
        assert "kcna-high-contrast" in themes and "textual-dark" in themes and "solarized-light" in themes
        for name in themes:
            app.theme = name
            await pilot.pause()
            base = pane.rich_style
            background = _colour(base.bgcolor)
            cursor = _colour(pane.get_component_rich_style("sentence-pane--cursor", partial=True).bgcolor)
            assert cursor != background, f"{name}: the cursor line does not show"
            runs = {"text": _colour(base.color)}
            for run in SENTENCE_RUNS:
                runs[run] = _colour(pane.get_component_rich_style(f"sentence-pane--{run}", partial=True).color)
            styles = pane._pane_styles()
            for category in CATEGORIES:
                runs[f"term-{category}"] = _colour(styles[f"term-{category}"].color)
            table[name] = {
                run: (contrast_ratio(colour, cursor), contrast_ratio(colour, background)) for run, colour in runs.items()
            }
    return table


async def test_every_text_run_on_the_cursor_sentence_and_every_term_colour_reach_4_5_to_1_in_every_theme() -> None:
    table = await _measure_every_theme()  # one app run for both checks: each theme switch restyles every widget
    faint_on_cursor = [
        f"{theme}: {run} {on_cursor:.2f}:1"
        for theme, runs in table.items()
        for run, (on_cursor, _) in runs.items()
        if on_cursor < MIN_CONTRAST
    ]
    faint_terms = [
        f"{theme}: {run} {on_background:.2f}:1"
        for theme, runs in table.items()
        for run, (_, on_background) in runs.items()
        if (run.startswith("term-") or run == "gloss-ko") and on_background < MIN_CONTRAST
    ]
    assert not faint_on_cursor
    assert not faint_terms
