"""A Korean article in the app: Korean on the left with its terms linked, English on the right (ko->en)."""

from __future__ import annotations

from pathlib import Path

from tests_app_helpers import pane_lines, settle
from textual.widgets import Static

from reader.app.app import ReaderApp
from reader.app.screens.reading import ReadingScreen, TranslationState
from reader.articles.load import load_article
from reader.paths import SEEDS_DIR

KOREAN_SEED = SEEDS_DIR / "2019-01-01-kim-jong-un-new-year-address-ko.txt"


async def _screen(app: ReaderApp, pilot) -> ReadingScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    return screen


def _label(screen: ReadingScreen, name: str) -> str:
    return str(screen.query_one(f"#{name}-label", Static).render())


async def test_korean_article_without_a_model_names_ko_en_and_glosses_in_english() -> None:
    app = ReaderApp(load_article(KOREAN_SEED))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _screen(app, pilot)
        assert _label(screen, "source").startswith("Korean")
        assert _label(screen, "target").startswith("English · glossary gloss")
        target = "\n".join(pane_lines(screen.target_pane))
        assert "reader models install ko en" in target
        assert "each linked Korean term with its English under it" in " ".join(target.split())
        view = screen.view
        assert view is not None and view.source_lang == "ko"
        linked = [s for s in view.sentences if s.source_spans]
        assert len(linked) > len(view.sentences) // 3, "Korean terms are linked in the source pane"
        for sentence in linked:
            for span in sentence.source_spans:
                assert sentence.source[span.start : span.end] == span.text
        # The gloss shows the English of a linked Korean term.
        first = linked[0].source_spans[0]
        entry = app.context.glossary.get(first.entry_id)
        assert entry is not None and entry.en in target


async def test_korean_article_with_a_ko_en_model_links_english_terms_and_flags_missing_ones(
    installed_echo_model_ko_en: Path, tmp_path: Path
) -> None:
    short = tmp_path / "ko.txt"  # the echo model copies Korean byte by byte: a short text keeps the test quick
    short.write_text("신년사\n\n김정은동지께서 현지지도하시였다.\n조선로동당중앙위원회는 결정하였다.\n", encoding="utf-8")
    app = ReaderApp(load_article(short))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _screen(app, pilot)
        assert screen.translation_state is TranslationState.DONE
        label = _label(screen, "target")
        assert label.startswith("English · ") and "NOT A TRANSLATION" in label
        view = screen.view
        assert view is not None
        # The echo model gives the Korean back: no English form is found, so every linked term is reported missing.
        sentence = next(s for s in view.sentences if s.source_spans)
        assert sentence.translation == sentence.source
        assert sentence.missing_entry_ids, "the consistency marker works from Korean to English"
        # English glossary forms in an English translation are linked (as they would be in a real ko->en output).
        from reader.view import apply_translation

        apply_translation(view, sentence.index, "Kim Jong Un gave field guidance.", app.context.matcher, app.context.glossary)
        assert {s.entry_id for s in sentence.target_spans} >= {"kim-jong-un"}
