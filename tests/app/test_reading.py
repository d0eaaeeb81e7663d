"""The reading screen driven like a user: keys, clicks on terms, the panel, the no-model state, the echo model."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from tests_app_helpers import pane_lines, settle, term_colour
from textual.widgets import Static

from reader.app.app import ReaderApp
from reader.app.screens.reading import ReadingScreen, TranslationState
from reader.app.widgets.sentence_pane import SentencePane
from reader.articles.load import load_article
from reader.paths import DEFAULT_ARTICLE


async def _settle(app: ReaderApp, pilot) -> ReadingScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    return screen


def _panel_text(screen: ReadingScreen) -> str:
    return str(screen.query_one("#panel-body", Static).render())


def _term_offset(pane: SentencePane, sentence: int, term: int) -> tuple[int, int]:
    """Screen offset (inside the pane) of the first cell of a term."""
    for y, line in enumerate(pane.laid_lines()):
        for s, k, start, _end in line.terms:
            if (s, k) == (sentence, term):
                return (1 + line.text[:start].cell_len, y)  # 1 = the pane's left padding
    raise AssertionError("term not laid out")


async def test_no_model_shows_install_command_and_a_labelled_gloss() -> None:
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _settle(app, pilot)
        target = "\n".join(pane_lines(screen.target_pane))
        assert "reader models install en ko" in target
        assert "Glossary gloss, not a translation" in target
        # Korean under the linked terms of the first sentence.
        assert "김정은" in target and "조선로동당" in target
        label = str(screen.query_one("#target-label", Static).render())
        assert "no translation model installed" in label
        # The source pane works fully.
        assert pane_lines(screen.source_pane)[0].startswith("Kim Jong Un, general secretary")


async def test_cursor_keys_move_the_highlight_in_both_panes() -> None:
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _settle(app, pilot)
        await pilot.press("j", "j", "down")
        assert screen.cursor == 3
        assert screen.source_pane.cursor == 3 and screen.target_pane.cursor == 3
        await pilot.press("k")
        assert screen.cursor == 2
        await pilot.press("G")
        assert screen.cursor == len(screen.view.sentences) - 1  # type: ignore[union-attr]
        await pilot.press("g")
        assert screen.cursor == 0


async def test_tab_cycles_terms_and_opens_the_panel() -> None:
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _settle(app, pilot)
        assert not screen.query_one("#panel").display
        await pilot.press("tab")
        assert screen.selected == (0, 0)
        assert screen.query_one("#panel").display
        first_span = screen.view.sentences[0].source_spans[0]  # type: ignore[union-attr]
        entry = app.context.glossary.get(first_span.entry_id)
        assert entry is not None and entry.en in _panel_text(screen) and entry.ko in _panel_text(screen)
        await pilot.press("tab")
        assert screen.selected == (0, 1)
        await pilot.press("shift+tab", "shift+tab")
        last = screen.view.term_positions()[-1]  # type: ignore[union-attr]
        assert screen.selected == last and screen.cursor == last[0]
        await pilot.press("escape")
        assert not screen.query_one("#panel").display


async def test_clicking_a_term_opens_its_entry_and_a_related_link_follows() -> None:
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _settle(app, pilot)
        sentence = screen.view.sentences[1]  # type: ignore[union-attr]
        assert sentence.source_spans, "the seed's second sentence links terms"
        x, y = _term_offset(screen.source_pane, 1, 0)
        assert await pilot.click("#source", offset=(x, y))
        await pilot.pause()
        assert screen.cursor == 1 and screen.selected == (1, 0)
        assert app.context.glossary.get(sentence.source_spans[0].entry_id).en in _panel_text(screen)  # type: ignore[union-attr]


async def test_clicking_a_sentence_moves_the_cursor() -> None:
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _settle(app, pilot)
        first, _ = screen.source_pane.sentence_lines(2)  # type: ignore[misc]
        line = pane_lines(screen.source_pane)[first]
        column = len(line) - 2  # near the end of the line: plain text, not a term in the seed
        assert await pilot.click("#source", offset=(1 + column, first))
        await pilot.pause()
        assert screen.cursor == 2


async def test_echo_model_fills_the_translation_pane_and_is_labelled(installed_echo_model: Path) -> None:
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _settle(app, pilot)
        assert screen.translation_state is TranslationState.DONE
        view = screen.view
        assert view is not None and view.fully_translated
        assert [s.translation for s in view.sentences] == [s.source for s in view.sentences]
        label = str(screen.query_one("#target-label", Static).render())
        assert "echo" in label and "NOT A TRANSLATION" in label
        # English terms are not Korean: every sentence with a Korean-bearing term is flagged.
        target_text = "\n".join(pane_lines(screen.target_pane))
        assert "⚑" in target_text
        await pilot.press("tab")
        assert "Not in this sentence's translation" in _panel_text(screen)


async def test_second_open_is_served_from_the_cache(installed_echo_model: Path) -> None:
    article = load_article(DEFAULT_ARTICLE)
    app = ReaderApp(article)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(app, pilot)
    from reader.context import ReaderContext

    cache = ReaderContext().translation_cache
    from reader.translate.argos_engine import load_engine

    identity = load_engine("en", "ko").identity
    assert len(cache.get_many(identity, article.sentences)) == len(set(article.sentences))


async def test_markup_and_escapes_in_an_article_stay_literal(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "Markup Test\n2024-01-01\nPyongyang, January 1 (KCNA) -- "
        "[b]Bold[/b] and [@click=app.quit]quit now[/] and \x1b[31mred\x1b[0m text.\n-0-\n",
        encoding="utf-8",
    )
    app = ReaderApp(load_article(hostile))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _settle(app, pilot)
        text = " ".join(pane_lines(screen.source_pane))
        assert "[b]Bold[/b]" in text and "[@click=app.quit]quit now[/]" in text
        assert "\x1b" not in text and "[31m" not in text
        lines = pane_lines(screen.source_pane)
        y = next(i for i, line in enumerate(lines) if "quit now" in line)
        await pilot.click("#source", offset=(1 + lines[y].index("quit now") + 2, y))
        await pilot.pause()
        assert app.is_running, "clicking article text must not run an action it names"


async def test_narrow_terminal_stacks_the_panes() -> None:
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _settle(app, pilot)
        source = screen.query_one("#source-column").region
        target = screen.query_one("#target-column").region
        assert target.y > source.y and target.x == source.x
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        source = screen.query_one("#source-column").region
        target = screen.query_one("#target-column").region
        assert target.x > source.x and target.y == source.y


@pytest.mark.parametrize("theme", ["kcna-high-contrast", "textual-light"])
async def test_themes_restyle_terms(theme: str) -> None:
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _settle(app, pilot)
        before = term_colour(screen.source_pane, "person")
        app.theme = theme
        await pilot.pause()
        after = term_colour(screen.source_pane, "person")
        assert before != after


async def test_scrolling_one_pane_brings_the_same_sentence_to_the_top_of_the_other() -> None:
    from bench.app_keys import long_article

    app = ReaderApp(long_article(120))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _settle(app, pilot)
        source, target = screen.source_pane, screen.target_pane
        first, _ = source.sentence_lines(60)  # type: ignore[misc]
        source.scroll_to(y=first, animate=False, immediate=True)
        await pilot.pause()
        assert source.top_sentence() == 60
        assert target.top_sentence() == 60
        first, _ = target.sentence_lines(90)  # type: ignore[misc]
        target.scroll_to(y=first, animate=False, immediate=True)
        await pilot.pause()
        assert source.top_sentence() == 90


async def test_translation_streams_in_with_progress_and_a_new_article_cancels_the_old_job(
    installed_echo_model: Path,
) -> None:
    from bench.app_keys import long_article
    from reader.app.messages import SentencesTranslated, TranslationProgress

    seen: list[object] = []
    long = long_article(150)
    app = ReaderApp(long)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        deadline = time.monotonic() + 30
        while not any(isinstance(m, SentencesTranslated) and m.translations for m in seen):
            assert time.monotonic() < deadline, "no batch of translations arrived"
            await pilot.pause(0.05)
        first_token = screen.token
        # Sentences arrive batch by batch while the rest are still pending.
        assert 0 < screen.view.translated_count < len(long.sentences)  # type: ignore[union-attr]
        assert any(isinstance(m, TranslationProgress) for m in seen)
        seed = load_article(DEFAULT_ARTICLE)
        screen.open_article(seed)
        await settle(pilot)
        assert screen.token == first_token + 1
        view = screen.view
        assert view is not None and view.article is seed
        assert [s.translation for s in view.sentences] == [s.source for s in view.sentences]
        from textual.worker import Worker, WorkerState

        cancelled = [
            m for m in seen
            if isinstance(m, Worker.StateChanged) and m.state == WorkerState.CANCELLED and m.worker.group == "translate"
        ]
        assert cancelled, "opening another article cancels the running job"


async def test_the_cursor_sentence_stays_in_view_when_the_panel_narrows_the_panes() -> None:
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _settle(app, pilot)
        await pilot.press("j", "j", "j", "tab")
        await pilot.pause(0.2)
        for pane in (screen.source_pane, screen.target_pane):
            first, last = pane.sentence_lines(screen.cursor)  # type: ignore[misc]
            top, height = int(pane.scroll_y), pane.scrollable_content_region.height
            assert first < top + height and last >= top, f"cursor sentence off screen in #{pane.id}"
