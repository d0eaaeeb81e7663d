"""Checking ``attested:`` sources: does the Korean form really occur in the named file of the DPRK Korean corpus?

The corpus (``shared/corpus/ko-new-year-addresses/YEAR.txt``) is real DPRK text with its flaws: byte-order marks,
CRLF, full-width digits (``제７기``) and compounds written with or without spaces. A claim holds when ``ko`` or one of
``ko_variants`` occurs in the file after both are folded the same way: NFC, full-width digits to ASCII, every space
removed. For a pattern entry the ``ko`` template's fixed parts must occur in order with digits in the slots.

Worked example: the entry ``ko: 조선로동당 중앙위원회`` claims ``attested: 2019.txt``; the file writes
``조선로동당중앙위원회`` (no space). Both fold to ``조선로동당중앙위원회``, so the claim holds. A claim for
``ko: 조선로동당 제{term}기 중앙위원회 제{meeting}차 전원회의`` holds on ``조선로동당 제７기 중앙위원회 제３차전원회의``:
the template becomes the pattern ``조선로동당제[0-9]+기중앙위원회제[0-9]+차전원회의``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from glossary.model import Entry

#: Where a source checkout finds the shared corpus: ``<checkout>/../shared/corpus/ko-new-year-addresses``.
#: An installed package has no such folder, and the check then says the claims were not verified.
DEFAULT_KOREAN_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ko-new-year-addresses"

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_SPACE = re.compile(r"\s+")
_TEMPLATE_FIELD = re.compile(r"\{[^{}]*\}")


def fold(text: str) -> str:
    """The form both sides are compared in: NFC, full-width digits as ASCII, no spaces (``제７기 제３차`` ->
    ``제7기제3차``)."""
    return _SPACE.sub("", unicodedata.normalize("NFC", text).translate(_FULL_WIDTH_DIGITS)).lstrip("\ufeff")


def form_pattern(form: str) -> re.Pattern[str]:
    """A folded Korean form, or a ``{slot}`` template with digits in its slots, as a regex on folded text."""
    parts = _TEMPLATE_FIELD.split(form)
    return re.compile("[0-9]+".join(re.escape(fold(part)) for part in parts))


def attestable_forms(entry: Entry) -> tuple[str, ...]:
    """The forms an ``attested`` claim may rest on: ``ko`` and the ``ko_variants`` (not the ROK spelling)."""
    return tuple(dict.fromkeys(f for f in (entry.ko, *entry.ko_variants) if f))


@dataclass
class KoreanCorpus:
    """The folded text of each file of the Korean corpus directory, read once."""

    directory: Path
    _texts: dict[str, str] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        return self.directory.is_dir()

    def names(self) -> list[str]:
        return sorted(p.name for p in self.directory.glob("*.txt")) if self.available else []

    def text(self, name: str) -> str | None:
        """The folded text of ``name``, or ``None`` when the corpus has no such file."""
        if name not in self._texts:
            path = self.directory / name
            if path.parent != self.directory or not path.is_file():
                return None
            raw = path.read_bytes().decode("utf-8", errors="replace")
            self._texts[name] = fold(raw)
        return self._texts[name]

    def occurs(self, entry: Entry, name: str) -> bool | None:
        """Whether a form of ``entry`` occurs in file ``name``; ``None`` when the file does not exist."""
        text = self.text(name)
        if text is None:
            return None
        return any(_compiled(form).search(text) for form in attestable_forms(entry))

    def files_with(self, entry: Entry) -> list[str]:
        """Every file of the corpus in which a form of ``entry`` occurs, by name."""
        return [name for name in self.names() if self.occurs(entry, name)]


@lru_cache(maxsize=4096)
def _compiled(form: str) -> re.Pattern[str]:
    return form_pattern(form)


@dataclass(frozen=True)
class FailedClaim:
    """An ``attested`` claim the corpus does not bear out, with where it was made."""

    entry: Entry
    file: str
    line: int
    reason: str


def failed_claims(entries: Iterable[Entry], corpus: KoreanCorpus) -> list[FailedClaim]:
    """Every ``attested:`` claim among ``entries`` that names a missing file or a file without the form."""
    failed: list[FailedClaim] = []
    for entry in entries:
        origin_file, _, origin_line = entry.origin.rpartition(":")
        for source in entry.sources:
            if source.attested is None:
                continue
            line = source.line or (int(origin_line) if origin_line.isdigit() else 1)
            found = corpus.occurs(entry, source.attested)
            if found is None:
                failed.append(FailedClaim(entry, origin_file, line,
                                          f"'{entry.id}' claims attested: {source.attested}, but the Korean corpus "
                                          "has no such file"))
            elif not found:
                forms = " / ".join(attestable_forms(entry))
                failed.append(FailedClaim(entry, origin_file, line,
                                          f"'{entry.id}' claims attested: {source.attested}, but {forms} does not "
                                          f"occur in it (NFC, full-width digits folded, spaces ignored)"))
    return failed
