"""The ``Engine`` protocol: what the translation service, the app and the command line need from a model."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from reader.progress import ProgressCallback


@runtime_checkable
class Engine(Protocol):
    """A sentence-level translator.

    ``identity`` names the model and every setting that changes its output (package code, version, beam);
    the translation cache is keyed by it, so two engines with the same identity must give the same output.
    ``model_label`` is the human description shown beside translations (it says so when the model is a test
    fixture rather than a real translation model).
    """

    identity: str
    model_label: str

    def translate_batch(self, sentences: list[str], progress: ProgressCallback | None = None) -> list[str]:
        """Translate each sentence; the result has the same length and order (empty in, empty out)."""
        ...
