"""``ArgosEngine``: an installed Argos Translate package driven directly through CTranslate2.

Why not ``argostranslate.translate.translate()``: it re-splits text with a sentence model it downloads,
sends one sentence per batch (its batch size counts tokens), glues the sentences of a paragraph back
together (alignment lost), turns real underscores into spaces, and remembers only the previous call.
Here the caller's sentences go in as they are, batched by examples, and come back one for one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from reader.errors import InputError, NoModelError
from reader.models.index import version_key
from reader.models.install import InstalledPackage, installed_packages
from reader.progress import ProgressCallback
from reader.translate.clauses import join_translations, split_to_fit

if TYPE_CHECKING:
    import ctranslate2

DEFAULT_BEAM_SIZE = 4
#: Sentences per CTranslate2 batch: large enough to fill the CPU's vector units, small enough that
#: progress (and the app's incremental drawing) moves every second or so on a real model.
DEFAULT_MAX_BATCH_SIZE = 32
#: The most source pieces the model is given at once, passed to CTranslate2 as ``max_input_length`` (its own
#: default, 1024, truncates silently; Argos's Transformer packages, like the echo model, have 1024 positions).
#: A longer sentence is cut at clause boundaries first (``reader.translate.clauses``); +1 leaves room for </s>.
MAX_INPUT_PIECES = 1024


class Tokenizer(Protocol):
    def encode(self, sentence: str) -> list[str]: ...

    def decode(self, pieces: list[str]) -> str: ...


class SentencePieceTokenizer:
    """SentencePiece pieces in and out; decoding keeps real underscores (unlike Argos's own decode)."""

    def __init__(self, model_file: Path) -> None:
        import sentencepiece

        self._processor = sentencepiece.SentencePieceProcessor(model_file=str(model_file))

    def encode(self, sentence: str) -> list[str]:
        return list(self._processor.encode(sentence, out_type=str))

    def decode(self, pieces: list[str]) -> str:
        return str(self._processor.decode(pieces))


class BpeTokenizer:
    """Moses + BPE packages (``bpe.model``): argostranslate's tokenizer module is light (sacremoses only)."""

    def __init__(self, model_file: Path, from_code: str, to_code: str) -> None:
        from argostranslate.tokenizer import BPETokenizer

        self._tokenizer = BPETokenizer(model_file, from_code, to_code)

    def encode(self, sentence: str) -> list[str]:
        return list(self._tokenizer.encode(sentence))

    def decode(self, pieces: list[str]) -> str:
        return str(self._tokenizer.decode(pieces))


def package_tokenizer(package: InstalledPackage) -> Tokenizer:
    if (package.path / "sentencepiece.model").is_file():
        return SentencePieceTokenizer(package.path / "sentencepiece.model")
    if (package.path / "bpe.model").is_file():
        return BpeTokenizer(package.path / "bpe.model", package.from_code, package.to_code)
    raise InputError(package.path, "package has neither sentencepiece.model nor bpe.model")


def decoding_length_limit(longest_source_pieces: int) -> int:
    """Room for the longest output we accept: twice the source plus slack.

    CTranslate2 stops at 256 pieces by default, which silently cuts long KCNA sentences; a fixed larger cap
    would let a looping model run on. Example: a 300-piece source may produce up to 610 pieces.
    """
    return 2 * longest_source_pieces + 10


class ArgosEngine:
    """Translate sentences with one installed Argos package (see the module docstring)."""

    def __init__(
        self,
        package: InstalledPackage,
        beam_size: int = DEFAULT_BEAM_SIZE,
        max_batch_size: int = DEFAULT_MAX_BATCH_SIZE,
        max_input_pieces: int = MAX_INPUT_PIECES,
    ) -> None:
        if beam_size < 1:
            raise ValueError("beam_size must be at least 1")
        self.package = package
        self.target_prefix = _target_prefix(package.path)
        self.beam_size = beam_size
        self.max_batch_size = max_batch_size
        self.max_input_pieces = max_input_pieces
        self.identity = f"argos:{package.code}:{package.package_version}:beam{beam_size}"
        self.model_label = _model_label(package)
        self._tokenizer = package_tokenizer(package)
        self._workers = _cpu_count()
        self._translator = _load_translator(package.path / "model", self._workers)

    def translate_batch(self, sentences: list[str], progress: ProgressCallback | None = None) -> list[str]:
        """Translate ``sentences`` one for one; blank sentences come back unchanged without model work.

        A sentence longer than the model's input (``max_input_pieces``) goes in as clauses that fit and comes
        back joined (``reader.translate.clauses``). The clauses are sorted by length before batching so each
        batch pads little, then put back in order.
        Example: ``["", "Long one.", "Hi."]`` -> model sees ``["Hi.", "Long one."]`` -> ``["", t2, t3]``.
        """
        results = list(sentences)
        # (sentence index, clause number, pieces) for every clause the model must translate.
        jobs: list[tuple[int, int, list[str]]] = []
        clause_spaces: dict[int, list[str]] = {}
        for index, sentence in enumerate(sentences):
            if not sentence.strip():
                continue
            clauses = split_to_fit(sentence, lambda text: len(self._tokenizer.encode(text)), self.max_input_pieces - 1)
            clause_spaces[index] = [space for _, space in clauses]
            jobs.extend((index, number, self._tokenizer.encode(clause)) for number, (clause, _) in enumerate(clauses))
        jobs.sort(key=lambda job: len(job[2]))
        translated: dict[int, list[str]] = {index: [""] * len(spaces) for index, spaces in clause_spaces.items()}
        remaining = {index: len(spaces) for index, spaces in clause_spaces.items()}
        done = len(sentences) - len(clause_spaces)
        if progress is not None:
            progress(done, len(sentences))
        for start in range(0, len(jobs), self.max_batch_size):
            batch = jobs[start : start + self.max_batch_size]
            translations = self._translate_tokens([job[2] for job in batch])
            for (index, number, _), translation in zip(batch, translations, strict=True):
                translated[index][number] = translation
                remaining[index] -= 1
                if not remaining[index]:
                    results[index] = join_translations(translated[index], clause_spaces[index])
                    done += 1
            if progress is not None:
                progress(done, len(sentences))
        return results

    def _translate_tokens(self, batch: list[list[str]]) -> list[str]:
        prefix = self.target_prefix
        # Split each call into one sub-batch per worker so CTranslate2 runs them in parallel.
        per_worker = -(-len(batch) // self._workers)
        options: dict[str, Any] = {
            "beam_size": self.beam_size,
            "max_batch_size": min(self.max_batch_size, per_worker),
            "batch_type": "examples",
            # Explicit, so no default can cut a sentence: every input is at most this long (see translate_batch).
            "max_input_length": self.max_input_pieces,
            # +1: the target prefix token counts toward the decoded length.
            "max_decoding_length": decoding_length_limit(max(len(t) for t in batch)) + (1 if prefix else 0),
        }
        if prefix:
            options["target_prefix"] = [[prefix] for _ in batch]
        outputs = self._translator.translate_batch(batch, **options)
        return [self._detokenize(output.hypotheses[0]) for output in outputs]

    def _detokenize(self, pieces: list[str]) -> str:
        prefix = self.target_prefix
        if prefix and pieces and pieces[0] == prefix:
            pieces = pieces[1:]
        text = self._tokenizer.decode(pieces)
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :].lstrip(" ")
        return text


def _model_label(package: InstalledPackage) -> str:
    label = f"Argos {package.code} {package.package_version} ({package.from_code}->{package.to_code})"
    return f"{label}: {package.description}" if package.description else label


def _target_prefix(folder: Path) -> str:
    """Multilingual packages name the target language with a first decoder token (e.g. ``__ko__``)."""
    try:
        metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(folder / "metadata.json", f"unreadable ({exc})") from None
    prefix = metadata.get("target_prefix", "") if isinstance(metadata, dict) else ""
    return prefix if isinstance(prefix, str) else ""


def _cpu_count() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def _load_translator(model_dir: Path, workers: int) -> ctranslate2.Translator:
    import ctranslate2

    if not model_dir.is_dir():
        raise InputError(model_dir, "package has no CTranslate2 model folder")
    try:
        # Parallel batches, one thread each: as fast as threads inside one batch on an idle machine, and far
        # faster on a busy one, where OpenMP threads inside small operations wait on each other
        # (measured on 2 busy cores with the echo model: 1.3 s with 1 thread per batch vs 21.6 s with 2).
        return ctranslate2.Translator(str(model_dir), device="cpu", inter_threads=workers, intra_threads=1)
    except (RuntimeError, ValueError) as exc:
        raise InputError(model_dir, f"cannot load the CTranslate2 model ({exc})") from None


def load_engine(from_code: str = "en", to_code: str = "ko", beam_size: int = DEFAULT_BEAM_SIZE) -> ArgosEngine:
    """The engine for the newest installed package of the pair; ``NoModelError`` when there is none."""
    matches = [p for p in installed_packages() if (p.from_code, p.to_code) == (from_code, to_code)]
    if not matches:
        raise NoModelError(from_code, to_code)
    newest = max(matches, key=lambda package: version_key(package.package_version))
    return ArgosEngine(newest, beam_size=beam_size)
