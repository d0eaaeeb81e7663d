"""Messages the translation worker posts to the reading screen (post_message is thread-safe)."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from glossary.model import Span


@dataclass
class SentencesTranslated(Message):
    """Some sentences of the article opened as ``token`` are translated, with the Korean terms found in each
    (matched in the worker, so the screen only attaches them)."""

    token: int
    translations: dict[int, str]
    target_spans: dict[int, list[Span]] = field(default_factory=dict)


@dataclass
class TranslationProgress(Message):
    token: int
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        # Only the latest progress matters; let the queue coalesce them.
        return isinstance(message, TranslationProgress) and message.token == self.token


@dataclass
class TranslationUnavailable(Message):
    """No model for the pair (or the model failed to load): the pane shows the install hint and the gloss."""

    token: int
    reason: str
    install_command: str


@dataclass
class TranslationStarted(Message):
    token: int
    model_label: str


@dataclass
class ImportProgress(Message):
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ImportProgress)


@dataclass
class ImportFinished(Message):
    added: int
    duplicates: int
    errors: tuple[str, ...]
