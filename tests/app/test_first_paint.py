"""The first frame does not wait for the glossary: the article is read with the built-in names, and re-read with
the glossary's person names once the glossary has loaded, when those repair more of the scraped glue."""

from __future__ import annotations

from pathlib import Path

from tests_app_helpers import settle

from reader.app.app import ReaderApp
from reader.context import ReaderContext

GLUED = """Kim Jong Un Receives Guest
2023-10-20

Pyongyang, October 20 (KCNA) -- Kim Jong Un receivedSergei Lavrovat the office building.
"""


def test_opening_an_article_for_the_first_frame_loads_no_glossary(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(GLUED, encoding="utf-8")
    context = ReaderContext()
    article = context.load_article(path, with_glossary_names=False)
    assert not context.glossary_loaded
    assert "receivedSergei Lavrovat" in article.sentences[0]  # the built-in names do not know him


async def test_the_glossary_names_repair_the_article_once_it_is_loaded(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(GLUED, encoding="utf-8")
    context = ReaderContext()
    app = ReaderApp(context.load_article(path, with_glossary_names=False), context=context)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.article.sentences[0].endswith("received Sergei Lavrov at the office building.")
        assert any(span.entry_id == "sergei-lavrov" for span in screen.view.sentences[0].source_spans)
