"""What each pane shows, as blocks for ``reader.app.layout``: a pure function of the reading view.

Labels matter here: a translation pane without a real model says so, and the glossary gloss is never called a
translation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text

from glossary.model import Span
from reader.app.layout import Block, FlowBlock, GlossBlock, NoteBlock, PaneSentence, TermMark, split_flow
from reader.articles.model import Article
from reader.view import LANGUAGE_NAMES, EntryLookup, ReadingView, SentenceView, TermMatcher, gloss_line

#: Drawn after a translated sentence that lacks the Korean form of a term linked in its source.
MISSING_TERM_MARKER = "⚑"
PENDING_TEXT = "…"
GLOSS_LABEL = "Glossary gloss, not a translation: each linked term with its Korean form under it."
GLOSS_LABEL_FROM_KOREAN = "Glossary gloss, not a translation: each linked Korean term with its English under it."


def header_text(article: Article) -> Text:
    header = Text(article.title, style="bold")
    details = [part for part in (article.date, article.place, article.agency) if part]
    if details:
        header.append("\n" + " · ".join(details), style="dim")
    if article.keywords:
        header.append("   " + " / ".join(article.keywords), style="italic dim")
    # What reading the file met (invalid UTF-8, an impossible date) stays beside the article it concerns.
    for warning in article.warnings:
        header.append("\n⚠ " + warning, style="bold")
    return header


def _marks(spans: Sequence[Span]) -> list[TermMark]:
    return [TermMark(span.start, span.end, span.category, span.entry_id) for span in spans]


def source_sentence(sentence: SentenceView) -> PaneSentence:
    return PaneSentence(sentence.index, sentence.source, _marks(sentence.source_spans))


def target_sentence(sentence: SentenceView) -> PaneSentence:
    """The translation, or a dim placeholder while the sentence is not yet translated."""
    if sentence.translation is None:
        return PaneSentence(sentence.index, PENDING_TEXT, dim=True)
    marker = MISSING_TERM_MARKER if sentence.missing_entry_ids else ""
    return PaneSentence(sentence.index, sentence.translation, _marks(sentence.target_spans), marker=marker)


def _flow_blocks(view: ReadingView, make: Callable[[SentenceView], PaneSentence]) -> list[Block]:
    blocks: list[Block] = []
    for paragraph in view.paragraphs:
        # A paragraph of thousands of sentences is cut into blocks the pane can lay out one at a time.
        blocks.extend(split_flow(FlowBlock([make(view.sentences[i]) for i in paragraph])))
    return blocks


def source_blocks(view: ReadingView) -> list[Block]:
    return _flow_blocks(view, source_sentence)


def target_blocks(view: ReadingView) -> list[Block]:
    """Translations as they arrive; a sentence not yet translated shows a dim placeholder."""
    return _flow_blocks(view, target_sentence)


def rebuilt_block(
    block: Block, view: ReadingView, make: Callable[[SentenceView], PaneSentence], gloss: Callable[[SentenceView], Block]
) -> Block:
    """``block`` made again from the view's current state (its sentences got terms or translations)."""
    if isinstance(block, FlowBlock):
        return FlowBlock([make(view.sentences[s.index]) for s in block.sentences], continues=block.continues)
    if isinstance(block, GlossBlock):
        return gloss(view.sentences[block.sentence])
    return block


def gloss_block(sentence: SentenceView, matcher: TermMatcher, entries: EntryLookup | None = None) -> GlossBlock:
    """One sentence's gloss: each linked term with its other-language form ("?" when the glossary has none)."""
    pairs = [
        (term, other or "?", number) for number, (term, other, _span) in enumerate(gloss_line(sentence, matcher, entries))
    ]
    return GlossBlock(sentence.index, pairs)


def gloss_blocks(
    view: ReadingView, matcher: TermMatcher, reason: str, install_command: str, entries: EntryLookup | None = None
) -> list[Block]:
    """No model: the install hint, then the interlinear glossary gloss of every sentence, plainly labelled."""
    blocks = gloss_heading(view, reason, install_command)
    blocks.extend(gloss_block(sentence, matcher, entries) for sentence in view.sentences)
    return blocks


def gloss_heading(view: ReadingView, reason: str, install_command: str) -> list[Block]:
    """What heads the gloss pane: why there is no translation, how to install a model, what the gloss is."""
    return [
        NoteBlock(f"No translation: {reason}", style_class="hint"),
        NoteBlock(f"Install one:  {install_command}", style_class="hint"),
        NoteBlock(GLOSS_LABEL_FROM_KOREAN if view.source_lang == "ko" else GLOSS_LABEL, style_class="label"),
    ]


def format_seconds_left(seconds: float) -> str:
    """ "0:07 left", "1:02:05 left": as the command line's progress bar shows time remaining.

    >>> format_seconds_left(7.4), format_seconds_left(3725)
    ('0:07 left', '1:02:05 left')
    """
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return (f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}") + " left"


def source_label(article: Article) -> Text:
    """The source pane's header: the article's real language."""
    return Text("Korean · original" if article.lang == "ko" else "English · KCNA")


def target_label(state: str, model_label: str, view: ReadingView | None, seconds_left: float | None = None) -> Text:
    language = LANGUAGE_NAMES.get(view.target_lang or "ko", "Korean") if view is not None else "Korean"
    if state == "unavailable":
        return Text(f"{language} · glossary gloss (no translation model installed)", style="bold")
    label = Text(f"{language} · ")
    if "not a translation" in model_label.lower():
        # A test model (the echo model) must say so first: the label may be cut where the pane is narrow.
        label.append("test model, NOT A TRANSLATION", style="bold reverse")
        label.append(" · ")
    label.append(model_label or "loading model…")
    if view is not None and state in ("translating", "pending") and not view.fully_translated:
        label.append(f" · {view.translated_count}/{len(view.sentences)}", style="dim")
        if seconds_left is not None:
            label.append(f" · {format_seconds_left(seconds_left)}", style="dim")
    return label
