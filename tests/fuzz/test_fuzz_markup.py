"""Property tests for markup safety: whatever text the data holds, the screen shows exactly that text.

Data reaches the screen without control characters (``strip_controls`` runs on every article at import, and a
glossary entry with one is refused), so the properties are stated for such text: markup-like brackets,
``$variables``, escapes written out, any other Unicode.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from strategies import hostile_text
from textual.content import Content
from textual.fuzzy import Matcher

from glossary.model import Entry
from reader.app.commands import highlight_literal
from reader.app.panes import header_text
from reader.app.widgets.glossary_panel import PanelContent, render_panel
from reader.articles.model import Article
from reader.articles.normalize import strip_controls

#: Text as data reaches the screen.
screen_text = hostile_text.map(strip_controls)


@given(screen_text, st.text(max_size=6))
def test_palette_hits_show_any_title_literally(title: str, query: str) -> None:
    content = highlight_literal(Matcher(query), title, prefix="Open: ")
    assert isinstance(content, Content) and content.plain == "Open: " + title


@given(screen_text, st.lists(screen_text, max_size=3))
def test_the_article_header_shows_any_title_literally(title: str, keywords: list[str]) -> None:
    article = Article(title=title, date="2024-05-03", place="Pyongyang", keywords=keywords, paragraphs=[["A."]])
    plain = header_text(article).plain
    assert plain.startswith(title) and all(keyword in plain for keyword in keywords)


@given(screen_text, screen_text, screen_text)
def test_the_panel_shows_any_entry_text_literally(english: str, korean: str, note: str) -> None:
    entry = Entry(id="fuzz", category="phrase", en=english, ko=korean, note=note)
    plain = render_panel(PanelContent(entry=entry, korean=korean)).plain
    assert english in plain and korean in plain and note in plain
