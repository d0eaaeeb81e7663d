"""Every entry's ``romanization: {kcna, rr}``, generated from its ``ko`` by ``glossary.romanize``; hand values only
where usage differs from the rule, each backed by a ``for: [romanization]`` source.

    python -m glossary.romanfill [FILE ...]          write the generated romanization into each entry that lacks
                                                     one or whose hand value has no source (default: the shipped
                                                     files); only romanization lines change
    python -m glossary.romanfill --check [FILE ...]  print what would change, change nothing (exit 1 if anything)

How an entry is romanized (``expected``):
- the kind comes from the category: person -> "person", place -> "place", anything else -> "term";
- a solid compound is divided into words when the word list ``romanize_words.txt`` covers it completely
  (조선민주주의인민공화국 -> Joson Minjujuui Inmin Konghwaguk); a place name ending in a generic stays one word
  (모란봉구역 -> Moranbong-guyok), and so does a person's name;
- names are capitalized word by word (person, place, party and state bodies, military, organizations, media,
  events); titles, phrases and ideology stay lower case, except names inside them (Kim Il Sung, Joson, Juche).

A hand value is an override: ``glossary check`` reports one that differs from the generated value without a
``for: [romanization]`` source (stale, or a rule violation), and one with such a source that equals the generated
value in both fields (redundant).

Worked example: ``- {id: wpk, category: party-body, ko: 조선로동당, ...}`` -> 조선 + 로동당 ->
``{kcna: Joson Rodongdang, rr: Joseon Rodongdang}``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from functools import cache
from pathlib import Path

from glossary.model import Entry, Romanization
from glossary.romanize import LEXICON, Kind, is_hangul_syllable, kcna, kcna_english_forms, rr, split_generic
from glossary.schema import Problem

WORDS_FILE = Path(__file__).with_name("romanize_words.txt")
KIND_BY_CATEGORY: dict[str, Kind] = {"person": "person", "place": "place"}
#: Categories whose entries are names: every word capitalized.
NAME_CATEGORIES = frozenset(
    {"person", "place", "party-body", "state-body", "military", "organization", "media", "event"}
)


@cache
def words() -> frozenset[str]:
    """The word list that divides solid compounds (comments and blank lines skipped)."""
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def divide(word: str) -> list[str]:
    """``word`` divided into listed words, with unlisted runs of two or more syllables between them.

    The division with the fewest syllables left unlisted wins, then the one with the fewest pieces; a word
    that no listed word helps stays whole.

    >>> divide("조선민주주의인민공화국"), divide("신포시바다가양식사업소"), divide("수재민")
    (['조선', '민주주의', '인민', '공화국'], ['신포시', '바다가양식', '사업소'], ['수재민'])
    """
    known = words() | LEXICON.keys()
    if word in known or len(word) < 4 or not all(is_hangul_syllable(c) for c in word):
        return [word]
    size = len(word)
    # best[i]: (unlisted syllables, pieces, cut positions) of the best division of word[:i].
    best: list[tuple[int, int, tuple[int, ...]] | None] = [(0, 0, ())] + [None] * size
    for end in range(2, size + 1):
        for start in range(0, end - 1):
            previous = best[start]
            if previous is None:
                continue
            piece = word[start:end]
            unlisted = 0 if piece in known else len(piece)
            candidate = (previous[0] + unlisted, previous[1] + 1, (*previous[2], end))
            current = best[end]
            if current is None or candidate[:2] < current[:2]:
                best[end] = candidate
    result = best[size]
    if result is None or result[0] == size:
        return [word]
    pieces, start = [], 0
    for end in result[2]:
        pieces.append(word[start:end])
        start = end
    return pieces


def _divided(ko: str, kind: Kind) -> str:
    if kind == "person":
        return " ".join(ko.split())
    out: list[str] = []
    for word in ko.split():
        keeps_generic = kind == "place" and split_generic(word) is not None
        out.extend([word] if keeps_generic else divide(word))
    return " ".join(out)


def _capitalized(text: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in text.split(" "))


def expected(entry: Entry) -> Romanization:
    """The generated romanization of ``entry`` (empty when its ``ko`` has no Hangul)."""
    ko = entry.ko
    if not any(is_hangul_syllable(c) for c in ko):
        return Romanization()
    kind = KIND_BY_CATEGORY.get(entry.category, "term")
    divided = _divided(ko, kind)
    # Each divided word is romanized alone: no sound change across the division (조선|로동당: Joson Rodongdang).
    if kind == "person":
        pair = kcna(divided, kind), rr(divided, kind)
    else:
        pieces = divided.split(" ")
        pair = " ".join(kcna(p, kind) for p in pieces), " ".join(rr(p, kind) for p in pieces)
    if entry.category in NAME_CATEGORIES:
        pair = _capitalized(pair[0]), _capitalized(pair[1])
    return Romanization(kcna=pair[0], rr=pair[1])


def english_forms(entry: Entry) -> list[str]:
    """The forms KCNA's English may print for a person's or place's generated romanization: the romanization,
    and for places the generic translated (경루동 Kyongru-dong; 평안북도 North Phyongan Province).

    >>> english_forms(Entry(id="x", category="place", en="Wonsan Kalma", ko="원산갈마"))
    ['Wonsan Kalma']
    """
    generated = expected(entry).kcna
    if entry.category != "place" or not generated:
        return [generated] if generated else []
    pieces = _divided(entry.ko, "place").split(" ")
    head = " ".join(_capitalized(kcna(p, "place")) for p in pieces[:-1])
    tails = kcna_english_forms(pieces[-1], "place")
    return list(dict.fromkeys([*(f"{head} {t}".strip() for t in tails), generated]))


def has_override_source(entry: Entry) -> bool:
    return bool(entry.sources_for("romanization"))


def romanization_problems(entry: Entry) -> list[str]:
    """What ``glossary check`` says about an entry's romanization; [] when it is generated or a sourced override."""
    generated = expected(entry)
    given = entry.romanization
    if not generated.kcna:
        return []
    differing = [
        f"{name} {value!r} (the romanizer gives {rule!r})"
        for name, value, rule in (("kcna", given.kcna, generated.kcna), ("rr", given.rr, generated.rr))
        if value and value != rule
    ]
    if differing and not has_override_source(entry):
        return [
            f"romanization of '{entry.id}': {'; '.join(differing)}: a hand value needs a source for: [romanization]"
            " (usage that differs from the rule); otherwise drop it and run python -m glossary.romanfill"
        ]
    if not differing and has_override_source(entry) and given.kcna and given.rr:
        return [
            f"romanization of '{entry.id}' is given by hand (a source is for: [romanization]) but equals the"
            " romanizers' output: the override is redundant"
        ]
    return []


def romanization_check(entries: list[Entry]) -> list[Problem]:
    """``romanization_problems`` of curated entries as ``file:line`` problems for ``glossary check``."""
    problems: list[Problem] = []
    for entry in entries:
        file, _, line = entry.origin.rpartition(":")
        for message in romanization_problems(entry):
            problems.append(Problem(file, int(line) if line.isdigit() else 0, message))
    return problems


# ---------------------------------------------------------------------------------------------------------------
# Rewriting files: only romanization lines change, so the rest of each file (comments, order, wrapping) stays.

_ENTRY_START = re.compile(r"^- ")
_KEY_LINE = re.compile(r"^  ([a-z_]+):")
_BEFORE_ROMANIZATION = frozenset({"id", "category", "en", "variants", "ko", "ko_rok", "ko_variants", "hangul",
                                  "pattern", "slots"})
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 .'-]*$")


def _scalar(value: str) -> str:
    """A YAML flow scalar: plain when safe, else double-quoted (JSON strings are YAML)."""
    return value if _PLAIN.match(value) and not value.endswith(" ") else json.dumps(value, ensure_ascii=False)


def romanization_line(value: Romanization) -> str:
    return f"  romanization: {{kcna: {_scalar(value.kcna)}, rr: {_scalar(value.rr)}}}\n"


def wanted(entry: Entry) -> Romanization | None:
    """The romanization to write, or None to leave the entry as it is (a sourced override, or nothing to do)."""
    generated = expected(entry)
    if not generated.kcna or has_override_source(entry):
        return None
    return None if entry.romanization == generated else generated


def rewrite(text: str, entries: list[Entry]) -> str:
    """``text`` (one glossary file) with the romanization line of each entry in ``entries`` set to ``wanted``.

    Entries are located by the line in their ``origin`` ("file:line", 1-based, the line of ``- id:``).
    """
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if _ENTRY_START.match(line)]
    changes: list[tuple[int, int, str]] = []  # (first line, end line exclusive, replacement)
    for entry in entries:
        value = wanted(entry)
        if value is None:
            continue
        line_number = int(entry.origin.rsplit(":", 1)[1]) - 1
        begin = max((s for s in starts if s <= line_number), default=None)
        if begin is None:
            continue
        end = min((s for s in starts if s > begin), default=len(lines))
        changes.append(_change_in_block(lines, begin, end, romanization_line(value)))
    for first, stop, replacement in sorted(changes, reverse=True):
        lines[first:stop] = [replacement]
    return "".join(lines)


def _change_in_block(lines: list[str], begin: int, end: int, new_line: str) -> tuple[int, int, str]:
    """Where the entry's romanization goes: its old lines, or a new line after the keys that come before it."""
    insert_at = None
    for i in range(begin, end):
        found = _KEY_LINE.match(lines[i]) if i > begin else re.match(r"^- ([a-z_]+):", lines[i])
        if not found:
            continue
        key = found.group(1)
        if key == "romanization":
            stop = i + 1
            if "}" not in lines[i]:  # a flow mapping wrapped over several lines
                while stop < end and "}" not in lines[stop - 1]:
                    stop += 1
            return i, stop, new_line
        if key not in _BEFORE_ROMANIZATION and insert_at is None:
            insert_at = i
    if insert_at is None:
        insert_at = end
        while insert_at > begin + 1 and not lines[insert_at - 1].strip():
            insert_at -= 1
    return insert_at, insert_at, new_line


def fill_file(path: Path, check_only: bool = False) -> int:
    """Rewrite one file's romanization lines; the number of entries changed (or that would change)."""
    from glossary.data import read_glossary_file

    parsed = read_glossary_file(path, curated=True)
    entries = [item.entry for item in parsed.items]
    changed = sum(1 for e in entries if wanted(e) is not None)
    if changed and not check_only:
        text = path.read_text(encoding="utf-8")
        path.write_text(rewrite(text, entries), encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    from glossary.data import curated_files

    parser = argparse.ArgumentParser(prog="python -m glossary.romanfill", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything would change")
    args = parser.parse_args(argv)
    total = 0
    for path in args.files or curated_files():
        if path.name == "sources.yaml":
            continue
        changed = fill_file(path, check_only=args.check)
        if changed:
            print(f"{path}: {changed} {'would change' if args.check else 'romanized'}")
        total += changed
    return 1 if args.check and total else 0


if __name__ == "__main__":
    sys.exit(main())
