"""Saved web pages and Markdown files import as articles: a real HTML parser, never raw tags as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.articles.html import html_to_text
from reader.articles.load import load_article
from reader.errors import InputError
from reader.library.importer import import_articles
from reader.library.store import Library
from reader.store.db import open_store

PAGE = """<!DOCTYPE html><html><head><title>KCNA Watch</title><style>p{color:red}</style></head>
<body><nav>Home | News | <a href="/">Archive</a></nav>
<h1>Kim Jong Un Visits Farm</h1>
<div class="date">2024-05-03</div>
<p>Pyongyang, May 3 (KCNA) -- Kim Jong Un, general secretary of the <b>Workers' Party of Korea</b>, visited a farm.</p>
<p>He praised the farmers &amp; the officials.</p>
<script>track("visit")</script><!-- a comment -->
<footer>Copyright</footer></body></html>"""


def test_a_saved_page_becomes_title_and_paragraphs_without_tags(tmp_path: Path) -> None:
    page = tmp_path / "farm.html"
    page.write_text(PAGE, encoding="utf-8")
    article = load_article(page)
    assert article.title == "Kim Jong Un Visits Farm"  # the heading, not the site's <title>
    assert article.date == "2024-05-03"
    assert article.sentences == [
        "Kim Jong Un, general secretary of the Workers' Party of Korea, visited a farm.",
        "He praised the farmers & the officials.",
    ]
    assert article.place == "Pyongyang"
    text = article.title + article.text
    for leftover in ("<", "track(", "Copyright", "Archive", "color:red", "comment"):
        assert leftover not in text


def test_the_title_element_is_used_when_the_page_has_no_heading() -> None:
    text = html_to_text("<html><head><title>Rodong Sinmun Commentary</title></head><body><p>One.</p></body></html>")
    assert text.split("\n\n") == ["Rodong Sinmun Commentary", "One."]


def test_nested_blocks_give_each_paragraph_once() -> None:
    text = html_to_text(
        "<body><div>Outer start<p>Inner one.</p>outer tail</div><ul><li>Item <i>two</i></li></ul></body>"
    )
    assert text.split("\n\n") == ["Outer start outer tail", "Inner one.", "Item two"]


def test_a_page_with_no_text_is_one_clear_error(tmp_path: Path) -> None:
    page = tmp_path / "empty.htm"
    page.write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty\.htm: HTML page with no text"):
        load_article(page)


def test_a_folder_import_takes_markdown_and_html_files(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text(
        "Cabinet Meeting Held\n\nThe Cabinet held a meeting on Monday.\n", encoding="utf-8"
    )
    (tmp_path / "two.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    library = Library(open_store(tmp_path / "store.sqlite3"))
    report = import_articles([str(tmp_path)], library, lambda article: {})
    assert (report.added, report.errors) == (2, [])
    assert sorted(item.title for item in library.items("")) == ["Cabinet Meeting Held", "Kim Jong Un Visits Farm"]
