"""Kiwi against mecab-ko as the Korean matcher's edge arbiter: accuracy on DPRK words, speed, load time.

    .venv/bin/python -m bench.korean_analysers [--corpus DIR]

Accuracy: ``tests/data/korean_edges_gold.jsonl`` holds 96 eojeols from the New Year addresses, four per DPRK term
(령도를, 로동당들과, 현지지도하시였으며, 녀성로력으로, 련대성을, 선군정치는, ...), each read by hand: the term's end is a
morpheme boundary in every one. An analyser scores an eojeol when it puts a token boundary there. Then, with each
analyser plugged into ``glossary.korean_match.KoreanMatcher``, the share of glossary-form occurrences linked over
the whole corpus and the time to annotate it. Load time is the first call in a fresh process (import included).
Kiwi is not a dependency (223 MB): ``.venv/bin/pip install kiwipiepy kiwipiepy-model`` to compare; an analyser
that is not installed is reported as missing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "ko-new-year-addresses"
GOLD = REPO / "tests" / "data" / "korean_edges_gold.jsonl"

LOAD = {
    "mecab-ko": "from glossary.korean_match import mecab_boundaries; b = mecab_boundaries(); b('시작')",
    "kiwi": "from kiwipiepy import Kiwi; k = Kiwi(); k.tokenize('시작')",
}


def kiwi_boundaries() -> Callable[[str], set[int]] | None:
    try:
        from kiwipiepy import Kiwi
    except ImportError:
        return None
    kiwi = Kiwi()

    def boundaries(eojeol: str) -> set[int]:
        edges: set[int] = set()
        for token in kiwi.tokenize(eojeol):
            edges.update((token.start, token.end))
        return edges

    return boundaries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    from glossary.data import load_glossary
    from glossary.korean_match import KoreanMatcher, korean_forms_of, mecab_boundaries

    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [p.read_text(encoding="utf-8-sig") for p in sorted(args.corpus.glob("*.txt"))]
    glossary = load_glossary(include_user_dir=False)
    entries = list(glossary.entries.values())
    forms = [(f, i) for i, e in enumerate(entries) if not e.pattern for f in korean_forms_of(e)]
    from bench.korean_annotate import coverage

    analysers = {"mecab-ko": mecab_boundaries(), "kiwi": kiwi_boundaries(), "none (rules only)": None}
    for name, boundaries in analysers.items():
        if boundaries is None and name != "none (rules only)":
            print(f"{name}: not installed")
            continue
        if boundaries is not None:
            right = sum(len(g["term"]) in boundaries(g["eojeol"]) for g in gold)
            started = time.perf_counter()
            for text in texts:
                for eojeol in text.split():
                    boundaries(eojeol)
            whole = time.perf_counter() - started
            chars = sum(len(t) for t in texts)
            print(f"{name}: edges right {right}/{len(gold)}; every eojeol of the corpus {whole:.2f} s"
                  f" ({chars / whole / 1000:.0f} k chars/s)")
            load = subprocess.run([sys.executable, "-c", f"import time; t=time.perf_counter(); {LOAD[name]};"
                                   " print(time.perf_counter()-t)"], capture_output=True, text=True, cwd=REPO)
            print(f"{name}: load + first call in a fresh process {float(load.stdout or 'nan'):.3f} s")
        matcher = KoreanMatcher(forms, boundaries)
        started = time.perf_counter()
        hits = [matcher.hits(t) for t in texts]
        took = time.perf_counter() - started
        linked, total = coverage(texts, [[(s, e) for s, e, _ in h] for h in hits], [f for f, _ in forms])
        print(f"{name}: corpus annotated in {took:.2f} s, glossary forms linked {linked}/{total}"
              f" = {100 * linked / total:.1f}%")


if __name__ == "__main__":
    main()
