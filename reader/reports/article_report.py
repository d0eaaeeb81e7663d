"""An article as a report: source, translation labelled with its engine (or the glossary gloss), term notes.

Built from the reading view, so a report shows what the reader shows. Rendered as Markdown or as a standalone
HTML page; in both, every piece of article and glossary text is escaped, so an article containing
``<script>`` or Markdown syntax prints as the characters it holds and runs or formats nothing.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from reader.translate.cache import TranslationCache
from reader.translate.engine import Engine
from reader.translate.service import translate_sentences
from reader.view import EntryLookup, ReadingView, TermMatcher, apply_translation, gloss_line

#: Label of the right-hand column when no model translated the article.
GLOSS_LABEL = "Glossary gloss (no translation model installed): each linked term with its Korean form"


@dataclass(frozen=True)
class TermNote:
    """One glossary entry the article links, with how often it occurs there."""

    entry_id: str
    category: str
    en: str
    ko: str
    note: str
    occurrences: int


@dataclass(frozen=True)
class ReportSentence:
    source: str
    translation: str | None  # None when the article was not translated
    gloss: tuple[tuple[str, str], ...] = ()  # (English term, Korean form) when it was not
    flagged: bool = False  # the translation lacks the Korean form of a linked term


@dataclass
class ArticleReport:
    title: str
    dateline: str
    source: str
    translation_label: str
    paragraphs: list[list[ReportSentence]] = field(default_factory=list)
    terms: list[TermNote] = field(default_factory=list)


def translate_view(
    view: ReadingView, engine: Engine, cache: TranslationCache, matcher: TermMatcher, entries: EntryLookup
) -> str:
    """Translate every sentence of ``view`` (through the cache) and link its Korean; returns the engine's label."""
    sentences = [s.source for s in view.sentences]
    for index, translation in enumerate(translate_sentences(sentences, engine, cache)):
        apply_translation(view, index, translation, matcher, entries)
    return engine.model_label


def build_report(
    view: ReadingView, matcher: TermMatcher, entries: EntryLookup, translation_label: str | None
) -> ArticleReport:
    """The report of ``view``: translated sentences if ``translation_label`` is given, else the glossary gloss."""
    article = view.article
    dateline = " · ".join(part for part in (article.date, article.place, article.agency) if part)
    label = translation_label or GLOSS_LABEL
    if "not a translation" in label.lower():  # a test model says so first, as in the app
        label = f"TEST MODEL, NOT A TRANSLATION: {label}"
    report = ArticleReport(article.title, dateline, article.source, label)
    counts: dict[str, int] = {}
    for paragraph in view.paragraphs:
        rows = []
        for index in paragraph:
            sentence = view.sentences[index]
            for span in sentence.source_spans:
                counts[span.entry_id] = counts.get(span.entry_id, 0) + 1
            if translation_label is not None:
                rows.append(
                    ReportSentence(sentence.source, sentence.translation, flagged=bool(sentence.missing_entry_ids))
                )
            else:
                gloss = tuple((english, korean or "?") for english, korean, _span in gloss_line(sentence, matcher))
                rows.append(ReportSentence(sentence.source, None, gloss))
        report.paragraphs.append(rows)
    for entry_id, occurrences in counts.items():
        entry = entries.get(entry_id)
        if entry is not None:
            report.terms.append(TermNote(entry.id, entry.category, entry.en, entry.ko, entry.note, occurrences))
    report.terms.sort(key=lambda term: (-term.occurrences, term.en.lower()))
    return report


# -- Markdown ---------------------------------------------------------------------------------------------------

_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]|~])")
_MARKDOWN_LINE_START = re.compile(r"^(#|[-+]\s|\d+[.)]\s)")


def markdown_escape(text: str) -> str:
    r"""Text that Markdown shows as typed: HTML characters as entities, inline syntax backslash-escaped, and a
    leading heading or list marker defused. Full stops, hyphens and brackets elsewhere stay readable.

    >>> markdown_escape("<b>*Kim*</b> [x](y) at 5.30 p.m.")
    '&lt;b&gt;\\*Kim\\*&lt;/b&gt; \\[x\\](y) at 5.30 p.m.'
    >>> markdown_escape("1. The first point")
    '1\\. The first point'
    """
    escaped = _MARKDOWN_INLINE.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))
    return _MARKDOWN_LINE_START.sub(_defuse_line_start, escaped)


def _defuse_line_start(match: re.Match[str]) -> str:
    marker = match.group(1)
    if marker[0].isdigit():  # "1. " -> "1\. ": the number stays, the list does not start
        number, rest = marker.rstrip(), marker[len(marker.rstrip()) :]
        return f"{number[:-1]}\\{number[-1]}{rest}"
    return "\\" + marker


def to_markdown(report: ArticleReport) -> str:
    e = markdown_escape
    lines = [f"# {e(report.title)}", ""]
    if report.dateline:
        lines += [e(report.dateline), ""]
    if report.source:
        lines += [f"Source: {e(report.source)}", ""]
    lines += [f"Translation: {e(report.translation_label)}", ""]
    for number, paragraph in enumerate(report.paragraphs, start=1):
        lines += [f"## Paragraph {number}", ""]
        for sentence in paragraph:
            lines.append(f"> {e(sentence.source)}")
            lines.append(">")
            if sentence.translation is not None:
                flag = " ⚑ (a glossary term's Korean form is missing)" if sentence.flagged else ""
                lines.append(f"> {e(sentence.translation)}{flag}")
            else:
                gloss = "; ".join(f"{e(en)} = {e(ko)}" for en, ko in sentence.gloss) or "(no glossary terms)"
                lines.append(f"> *{gloss}*")
            lines.append("")
    lines += ["## Glossary notes", ""]
    if not report.terms:
        lines.append("No glossary terms in this article.")
    for term in report.terms:
        lines.append(f"- **{e(term.en)}** ({e(term.ko)}; {e(term.category)}; {term.occurrences}×): {e(term.note)}")
    return "\n".join(lines).rstrip() + "\n"


# -- HTML -------------------------------------------------------------------------------------------------------

_PAGE_STYLE = (
    "body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5}"
    "table{border-collapse:collapse;width:100%}td{vertical-align:top;padding:.3em .6em;border-top:1px solid #ddd}"
    "td.ko{font-family:'Noto Sans CJK KR',sans-serif}.flag{color:#a15c00}.label{color:#555}"
)


def to_html(report: ArticleReport) -> str:
    """A standalone page; all text escaped (no element, attribute or script can come from the article)."""

    def e(text: str) -> str:
        return html.escape(text, quote=True)

    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(report.title)}</title>",
        f"<style>{_PAGE_STYLE}</style></head><body>",
        f"<h1>{e(report.title)}</h1>",
    ]
    if report.dateline:
        parts.append(f"<p>{e(report.dateline)}</p>")
    if report.source:
        parts.append(f'<p class="label">Source: {e(report.source)}</p>')
    parts.append(f'<p class="label">Translation: {e(report.translation_label)}</p>')
    for paragraph in report.paragraphs:
        parts.append("<table>")
        for sentence in paragraph:
            if sentence.translation is not None:
                flag = ' <span class="flag">⚑</span>' if sentence.flagged else ""
                right = f"{e(sentence.translation)}{flag}"
            else:
                right = "; ".join(f"{e(en)} = {e(ko)}" for en, ko in sentence.gloss) or "(no glossary terms)"
            parts.append(f'<tr><td>{e(sentence.source)}</td><td class="ko">{right}</td></tr>')
        parts.append("</table>")
    parts.append("<h2>Glossary notes</h2><dl>")
    for term in report.terms:
        parts.append(
            f'<dt><b>{e(term.en)}</b> {e(term.ko)} <span class="label">({e(term.category)}, {term.occurrences}×)'
            f"</span></dt><dd>{e(term.note)}</dd>"
        )
    parts.append("</dl></body></html>")
    return "\n".join(parts) + "\n"


RENDERERS = {"md": to_markdown, "html": to_html}


def render(report: ArticleReport, fmt: str) -> str:
    return RENDERERS[fmt](report)
