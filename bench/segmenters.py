"""Sentence splitters on KCNA English: error rate on the hand-checked gold set, speed on the whole corpus.

Run: ``.venv/bin/python -m bench.segmenters`` (``make bench`` installs the candidates: pysbd, syntok,
blingfire). The baseline is the project's own rules (``reader.articles.segment``); speed ratios are
"times slower than the baseline" in the same run. A candidate that is not installed is reported and skipped.

Errors are counted three ways: paragraphs not split exactly as the gold, gold sentences not reproduced
exactly, and boundaries wrong (missed + spurious, over the gold's boundary count). Whitespace is
collapsed before comparing, since libraries differ in what trailing space they keep.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "data" / "segmentation_gold.jsonl"
CORPUS = REPO.parent / "shared" / "corpus" / "kcna-en-2024-dev.jsonl"
FALLBACK_CORPUS = REPO / "tests" / "data" / "corpus-sample.jsonl"

Splitter = Callable[[str], list[str]]


def _own_rules() -> Splitter:
    from reader.articles.segment import split_sentences

    return split_sentences


def _pysbd() -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    return segmenter.segment


def _syntok() -> Splitter:
    from syntok import segmenter
    from syntok.tokenizer import Tokenizer

    tokenizer = Tokenizer()

    def split(text: str) -> list[str]:
        return ["".join(str(token) for token in sentence) for sentence in segmenter.split(tokenizer.tokenize(text))]

    return split


def _blingfire() -> Splitter:
    import blingfire

    def split(text: str) -> list[str]:
        return blingfire.text_to_sentences(text).split("\n")

    return split


CANDIDATES: dict[str, Callable[[], Splitter]] = {
    "own rules": _own_rules,
    "pysbd": _pysbd,
    "syntok": _syntok,
    "blingfire": _blingfire,
}


def _clean(sentences: list[str]) -> list[str]:
    return [" ".join(s.split()) for s in sentences if s.strip()]


def _boundaries(sentences: list[str]) -> set[int]:
    """Boundary positions as counts of non-space characters before each break (spacing-independent)."""
    positions: set[int] = set()
    seen = 0
    for sentence in sentences[:-1]:
        seen += len("".join(sentence.split()))
        positions.add(seen)
    return positions


@dataclass
class Score:
    paragraphs_wrong: int = 0
    paragraphs: int = 0
    sentences_right: int = 0
    sentences: int = 0
    boundaries_missed: int = 0
    boundaries_spurious: int = 0
    boundaries: int = 0

    def line(self) -> str:
        boundary_errors = self.boundaries_missed + self.boundaries_spurious
        return (
            f"paragraphs wrong {self.paragraphs_wrong}/{self.paragraphs} "
            f"({100 * self.paragraphs_wrong / self.paragraphs:.1f}%), "
            f"sentences right {self.sentences_right}/{self.sentences} "
            f"({100 * self.sentences_right / self.sentences:.1f}%), "
            f"boundary errors {boundary_errors}/{self.boundaries} "
            f"({100 * boundary_errors / max(self.boundaries, 1):.1f}%: "
            f"{self.boundaries_missed} missed, {self.boundaries_spurious} spurious)"
        )


def score(split: Splitter, gold: list[dict]) -> Score:
    result = Score()
    for row in gold:
        expected = _clean(row["sentences"])
        got = _clean(split(row["paragraph"]))
        result.paragraphs += 1
        result.paragraphs_wrong += got != expected
        result.sentences += len(expected)
        result.sentences_right += sum(1 for s in expected if s in got)
        gold_breaks, got_breaks = _boundaries(expected), _boundaries(got)
        result.boundaries += len(gold_breaks)
        result.boundaries_missed += len(gold_breaks - got_breaks)
        result.boundaries_spurious += len(got_breaks - gold_breaks)
    return result


def corpus_paragraphs() -> list[str]:
    """Every normalised paragraph of the dev corpus (or of the test sample when the corpus is absent)."""
    from reader.articles.corpus import iter_corpus

    path = CORPUS if CORPUS.exists() else FALLBACK_CORPUS
    return [" ".join(p) for article in iter_corpus(path) for p in article.paragraphs]


def seconds_for(split: Splitter, paragraphs: list[str], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for paragraph in paragraphs:
            split(paragraph)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = corpus_paragraphs()
    print(f"gold: {len(gold)} paragraphs, {sum(len(r['sentences']) for r in gold)} sentences; "
          f"speed over {len(paragraphs)} corpus paragraphs (best of 3)")
    baseline: float | None = None
    for name, make in CANDIDATES.items():
        try:
            split = make()
        except ImportError as exc:
            print(f"{name:>10}: not installed ({exc.name}); `make bench` installs it")
            continue
        seconds = seconds_for(split, paragraphs)
        baseline = baseline or seconds
        print(f"{name:>10}: {score(split, gold).line()}")
        print(f"{'':>10}  {seconds * 1000:.0f} ms for the corpus, "
              f"{len(paragraphs) / seconds:,.0f} paragraphs/s, {seconds / baseline:.1f}x the own rules' time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
