"""The ``Article``: what every later step (matching, translation, the app, study) reads."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass
class Article:
    """One article, normalised and split into sentences.

    ``paragraphs`` holds the normalised sentences, paragraph by paragraph; the dateline's body text
    (after "(KCNA) --") is the first sentence(s) of the first paragraph.
    """

    title: str
    date: str | None = None  # ISO YYYY-MM-DD, None when the input has no date line
    place: str | None = None  # dateline place, e.g. "Pyongyang"
    dateline_date: str | None = None  # dateline date as printed, e.g. "October 20"
    agency: str | None = None  # "KCNA"
    keywords: list[str] = field(default_factory=list)  # stray keyword lines under the date
    paragraphs: list[list[str]] = field(default_factory=list)
    source: str = ""  # file path or "corpus:<id>"
    article_id: str | None = None  # corpus id when read from the corpus
    topic: str | None = None  # the agency's section, when known
    url: str | None = None
    warnings: list[str] = field(default_factory=list)  # e.g. invalid UTF-8 replaced
    lang: str = "en"  # the source language, "en" or "ko" (detected from the script, or given)
    # A South Korean compiler's headnote (해제) before a DPRK original: kept apart from ``paragraphs``.
    headnote: list[str] = field(default_factory=list)

    @property
    def sentences(self) -> list[str]:
        """All sentences in reading order."""
        return [s for paragraph in self.paragraphs for s in paragraph]

    @property
    def text(self) -> str:
        """The body as paragraphs of sentences joined by spaces, paragraphs by newlines."""
        return "\n".join(" ".join(p) for p in self.paragraphs)

    @property
    def content_hash(self) -> str:
        """Identity of the content (title + body), used to skip duplicate imports."""
        digest = hashlib.sha256()
        digest.update(self.title.strip().encode())
        digest.update(b"\0")
        digest.update(self.text.encode())
        return digest.hexdigest()

    def to_json(self) -> dict:
        """The shape ``reader parse --json`` prints."""
        return {
            "title": self.title,
            "lang": self.lang,
            "date": self.date,
            "place": self.place,
            "keywords": list(self.keywords),
            "paragraphs": [list(p) for p in self.paragraphs],
            **({"headnote": list(self.headnote)} if self.headnote else {}),
        }
