"""``reader export``: an article with its translation (or gloss) and term notes, as Markdown and safe HTML."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from reader.commands.reader import main
from reader.context import ReaderContext
from reader.paths import DEFAULT_ARTICLE
from reader.reports.article_report import GLOSS_LABEL, markdown_escape, render

HOSTILE = """Future <script>alert('x')</script> [click](javascript:alert(1)) *bold*
2024-05-01

Pyongyang, May 1 (KCNA) -- Kim Jong Un met <img src=x onerror="alert(2)"> officials of the WPK.
- A line that looks like a list item. # And a hash.
"""


def _report(tmp_path: Path, text: str, fmt: str) -> str:
    article_file = tmp_path / "article.txt"
    article_file.write_text(text, encoding="utf-8")
    context = ReaderContext()
    return render(context.article_report(context.load_article(article_file)), fmt)


def test_markdown_without_a_model_carries_the_labelled_gloss_and_the_term_notes() -> None:
    context = ReaderContext()
    report = context.article_report(context.load_article(DEFAULT_ARTICLE))
    text = render(report, "md")
    assert text.startswith("# Respected Comrade Kim Jong Un Receives Russian Foreign Minister\n")
    assert f"Translation: {GLOSS_LABEL}" in text
    assert "Kim Jong Un = 김정은" in text  # the gloss pairs each linked term with its Korean form
    wpk = context.glossary.get("wpk")
    assert wpk is not None and f"**Workers' Party of Korea** ({wpk.ko};" in text
    # The notes list every linked entry once, the most frequent first.
    notes = text.split("## Glossary notes", 1)[1]
    assert notes.count("**Kim Jong Un**") == 1


def test_with_a_model_the_translation_is_labelled_with_its_engine(installed_echo_model: Path) -> None:
    context = ReaderContext()
    article = context.load_article(DEFAULT_ARTICLE)
    text = render(context.article_report(article), "md")
    assert "NOT A TRANSLATION" in text.split("\n## ", 1)[0]  # the echo model says what it is, at the top
    assert GLOSS_LABEL not in text
    assert text.count("> The talk proceeded in a friendly and amicable atmosphere.") == 2  # source, then "translation"


def test_html_export_escapes_every_piece_of_article_text(tmp_path: Path) -> None:
    page = _report(tmp_path, HOSTILE, "html")
    tree = lxml.html.fromstring(page)
    assert not tree.xpath("//script") and not tree.xpath("//img")
    assert not [a for el in tree.iter() for a in el.attrib if a.lower().startswith("on")]
    title = tree.findtext(".//title")
    assert title is not None and "<script>alert('x')</script>" in title  # shown as the characters it holds
    assert '<img src=x onerror="alert(2)">' in tree.text_content()


def test_markdown_export_shows_markup_and_markdown_syntax_as_typed(tmp_path: Path) -> None:
    text = _report(tmp_path, HOSTILE, "md")
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;" in text and "\\[click\\](javascript:alert(1))" in text and "\\*bold\\*" in text
    assert "> \\- A line that looks like a list item." in text


@pytest.mark.parametrize(("raw", "shown"), [("# x", "\\# x"), ("- item", "\\- item"), ("12) x", "12\\) x")])
def test_markdown_line_starts_are_defused(raw: str, shown: str) -> None:
    assert markdown_escape(raw) == shown


def test_reader_export_writes_a_library_article_by_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    context = ReaderContext()
    context.ensure_seeded()
    library_id, _ = context.library.add(context.load_article(DEFAULT_ARTICLE), {})
    out = tmp_path / "report.html"
    assert main(["export", str(library_id), "--format", "html", "--output", str(out)]) == 0
    assert "Russian Foreign Minister" in lxml.html.fromstring(out.read_text(encoding="utf-8")).findtext(".//h1")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left behind


def test_reader_export_of_an_unknown_id_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "99999"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["reader: 99999: no file, and no library article with this id"]


async def test_the_export_key_writes_the_open_article(tmp_path: Path) -> None:
    from reader.app.app import ReaderApp
    from reader.app.screens.export import ExportPrompt
    from reader.articles.load import load_article

    target = tmp_path / "lavrov.html"
    app = ReaderApp(load_article(DEFAULT_ARTICLE))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, ExportPrompt)
        assert (
            prompt.query_one("#export-path").value
            == "respected-comrade-kim-jong-un-receives-russian-foreign-minister.md"
        )
        prompt.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(n.message == f"Exported to {target}" for n in app._notifications)
    page = lxml.html.fromstring(target.read_text(encoding="utf-8"))
    assert page.findtext(".//h1") == "Respected Comrade Kim Jong Un Receives Russian Foreign Minister"
