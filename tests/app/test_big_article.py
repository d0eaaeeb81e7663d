"""A huge article stays responsive: the title shows, keys work and q quits while the rest is still being laid out;
a token longer than any line is folded, never a blank screen."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from textual import events

from reader.app.app import ReaderApp
from reader.app.screens.reading import ReadingScreen
from reader.articles.corpus import iter_corpus
from reader.articles.model import Article

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "corpus-sample.jsonl"
TITLE = "A Very Long Article"


def huge_article(target_chars: int = 1_500_000) -> Article:
    """The sample corpus's paragraphs over and over: tens of thousands of sentences."""
    paragraphs = [paragraph for article in iter_corpus(SAMPLE) for paragraph in article.paragraphs]
    chosen: list[list[str]] = []
    size = 0
    while size < target_chars:
        for paragraph in paragraphs:
            chosen.append(list(paragraph))
            size += sum(len(sentence) + 1 for sentence in paragraph)
    return Article(title=TITLE, date="2024-01-01", paragraphs=chosen, source="test")


def _visible_text(pane) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(pane.render_line(y).text for y in range(pane.scrollable_content_region.height))


async def _wait_for(condition, timeout: float = 15.0) -> float:  # type: ignore[no-untyped-def]
    """Seconds until ``condition()`` holds (polled while the event loop runs)."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < timeout, "timed out"
        await asyncio.sleep(0.005)
    return time.monotonic() - started


def _key(app: ReaderApp, key: str) -> None:
    # As the terminal driver delivers a key. (Pilot.press also waits for the process to go idle, which it never
    # does while the article is laid out in the background: a second or more per key.)
    app.post_message(events.Key(key, key if len(key) == 1 else None))


async def test_huge_article_shows_its_title_and_handles_keys_while_still_being_laid_out() -> None:
    article = huge_article()
    app = ReaderApp(article)
    async with app.run_test(size=(120, 40)):
        await _wait_for(lambda: isinstance(app.screen, ReadingScreen))
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        source = screen.source_pane
        await _wait_for(lambda: source.scrollable_content_region.height > 0)
        assert TITLE in str(screen.query_one("#article-header").render())
        assert article.paragraphs[0][0][:40] in _visible_text(source)
        assert source.layout_pending, "the test needs an article still being laid out"

        _key(app, "j")
        _key(app, "j")
        await _wait_for(lambda: screen.cursor == 2, timeout=5.0)
        # The last sentence: its block is laid out on demand and the line index points at it.
        _key(app, "G")
        last = len(article.sentences) - 1
        await _wait_for(lambda: screen.cursor == last, timeout=5.0)
        first, _ = source.sentence_lines(last)  # type: ignore[misc]
        top = int(source.scroll_y)
        assert top <= first < top + source.scrollable_content_region.height
        assert article.sentences[last][:30] in _visible_text(source)
        assert source.layout_pending  # all of that happened while the rest was still being laid out

        _key(app, "q")
        assert await _wait_for(lambda: not app.is_running, timeout=5.0) < 5.0


async def test_a_two_megabyte_token_is_folded_onto_lines_not_a_blank_screen() -> None:
    token = "x" * 2_000_000
    article = Article(title="One token", paragraphs=[[f"Before {token} after."]], source="test")
    app = ReaderApp(article)
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for(lambda: isinstance(app.screen, ReadingScreen))
        await pilot.pause()
        source = app.screen.source_pane  # type: ignore[attr-defined]
        lines = [line for line in _visible_text(source).split("\n") if line.strip()]
        assert lines[0].strip() == "Before"
        assert len(lines) >= source.scrollable_content_region.height - 1
        assert all(set(line.strip()) == {"x"} for line in lines[1:])
        _key(app, "q")
        await _wait_for(lambda: not app.is_running, timeout=5.0)
