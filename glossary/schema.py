"""One YAML mapping -> one ``Entry``, with every rule of ``glossary/README.md`` checked on the way.

Both the loader (which skips a broken entry with a warning) and ``glossary check`` (which lists every problem)
use ``parse_entry``, so the two can never disagree about what a valid entry is. Rules that need the other
entries (duplicate ids, shared variants, dangling references) live in ``glossary.validate``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from glossary.model import CATEGORIES, Entry, Example, Romanization
from glossary.yamlio import LineDict

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ARTICLE_ID_PATTERN = re.compile(r"[0-9a-f]{12}")
DATE_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
TEMPLATE_FIELD = re.compile(r"\{([^{}]*)\}")

REQUIRED_FIELDS = ("id", "en", "ko", "note", "sources", "verified")
KNOWN_FIELDS = frozenset(
    {
        *REQUIRED_FIELDS,
        "ko_rok",
        "variants",
        "romanization",
        "since",
        "until",
        "parent",
        "related",
        "example",
        "pattern",
        "slots",
        "category",
    }
)
DEFAULT_USER_CATEGORY = "phrase"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, printed as ``file:line: message``."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


#: ESC and the C1 controls: what starts a terminal escape sequence (colour, cursor moves, a new window title).
#: Other controls are left to ``glossary check``'s other rules; the terminal neither acts on them nor do they
#: survive Rich's rendering.
CONTROL_CHARACTER = re.compile("[\x1b\x80-\x9f]")


class _Collector:
    """Gathers the problems of one entry, each at the line of the field it concerns."""

    def __init__(self, file: str, raw: LineDict) -> None:
        self.file = file
        self.raw = raw
        self.problems: list[Problem] = []

    def add(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.file, self.raw.line_of(key), message))

    def text(self, key: str, required: bool = False) -> str:
        value = self.raw.get(key)
        if value is None:
            if required:
                self.add(key, f"missing required field '{key}'")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.add(key, f"'{key}' must be a non-empty string")
            return ""
        self._refuse_controls(key, value)
        return value.strip()

    def _refuse_controls(self, key: str, *values: str) -> None:
        """Glossary text is drawn in a terminal: an escape sequence (YAML's "\\e") could restyle or retitle it."""
        if any(CONTROL_CHARACTER.search(value) for value in values):
            self.add(key, f"'{key}' contains a terminal escape sequence (ESC or a C1 control); remove it")

    def text_list(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.add(key, f"'{key}' must be a list of non-empty strings")
            return ()
        self._refuse_controls(key, *value)
        return tuple(v.strip() for v in value)


def _date_text(value: Any) -> str | None:
    """YAML turns unquoted ``2021`` into an int and ``2021-02-11`` into a date; take them all back to text."""
    if isinstance(value, bool):
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return value if isinstance(value, str) else None


def _valid_date(text: str) -> bool:
    found = DATE_PATTERN.fullmatch(text)
    if not found:
        return False
    year, month, day = (int(g) if g else 1 for g in found.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _dates(c: _Collector) -> tuple[str | None, str | None]:
    parsed: dict[str, str | None] = {}
    for key in ("since", "until"):
        raw = c.raw.get(key)
        if raw is None:
            parsed[key] = None
            continue
        text = _date_text(raw)
        if text is None or not _valid_date(text):
            c.add(key, f"'{key}' must be a date YYYY, YYYY-MM or YYYY-MM-DD, not {raw!r}")
            parsed[key] = None
        else:
            parsed[key] = text
    since, until = parsed["since"], parsed["until"]
    # Compare at the coarser precision: "2016" is not after "2016-05".
    if since and until:
        common = min(len(since), len(until))
        if since[:common] > until[:common]:
            c.add("until", f"'since' {since} is after 'until' {until}")
    return since, until


def _romanization(c: _Collector) -> Romanization:
    raw = c.raw.get("romanization")
    if raw is None:
        return Romanization()
    if not isinstance(raw, dict) or not set(raw) <= {"mr", "rr"} or not all(isinstance(v, str) for v in raw.values()):
        c.add("romanization", "'romanization' must be a mapping with 'mr' and/or 'rr' strings")
        return Romanization()
    return Romanization(mr=raw.get("mr", "").strip(), rr=raw.get("rr", "").strip())


def _example(c: _Collector) -> Example | None:
    raw = c.raw.get("example")
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or "article" not in raw:
        c.add("example", "'example' must be a mapping with 'text' and 'article'")
        return None
    article = str(raw["article"])
    if not ARTICLE_ID_PATTERN.fullmatch(article):
        c.add("example", f"example.article must be a 12-hex corpus id, not {article!r}")
        return None
    return Example(text=raw["text"], article=article)


def _pattern(c: _Collector, ko: str) -> tuple[str | None, tuple[tuple[str, str], ...]]:
    pattern = c.raw.get("pattern")
    raw_slots = c.raw.get("slots")
    if pattern is None:
        if raw_slots is not None:
            c.add("slots", "'slots' is only for pattern entries")
        return None, ()
    if not isinstance(pattern, str) or not pattern.strip():
        c.add("pattern", "'pattern' must be a non-empty string")
        return None, ()
    import regex  # only parsing YAML validates patterns; a warm start never does

    try:
        groups = set(regex.compile(pattern).groupindex)
    except (regex.error, OverflowError, RecursionError) as exc:
        c.add("pattern", f"pattern does not compile: {exc}")
        return None, ()
    if not groups:
        c.add("pattern", "pattern has no named groups: write each slot as (?P<name>...)")
        return None, ()
    for name in TEMPLATE_FIELD.findall(ko):
        if name not in groups:
            c.add("ko", f"ko template names slot '{{{name}}}' that the pattern lacks")
    if not isinstance(raw_slots, dict) or not all(isinstance(v, str) for v in raw_slots.values()):
        c.add("slots", "pattern entries need 'slots': a mapping slot name -> what it means")
        return pattern, ()
    for name in raw_slots:
        if name not in groups:
            c.add("slots", f"slot '{name}' is not a named group of the pattern")
    return pattern, tuple((str(k), v) for k, v in raw_slots.items())


def _category(c: _Collector, file_category: str | None) -> str:
    raw = c.raw.get("category")
    if file_category is not None:
        if raw is not None and raw != file_category:
            c.add("category", f"category '{raw}' differs from the file's category '{file_category}'")
        return file_category
    category = raw if raw is not None else DEFAULT_USER_CATEGORY
    if category not in CATEGORIES:
        c.add("category", f"unknown category {category!r}; known: {', '.join(CATEGORIES)}")
    return str(category)


def parse_entry(raw: Any, file: str, line: int, file_category: str | None) -> tuple[Entry | None, list[Problem]]:
    """Build one entry; ``file_category`` is the file stem for curated files, ``None`` for user files.

    Returns ``(None, problems)`` when the item is not a mapping at all; otherwise the entry as far as it could be
    read, with its problems (an entry with problems must not be used for matching, but ``glossary check`` still
    runs the cross-entry rules on it so one run reports everything).
    """
    if not isinstance(raw, LineDict):
        return None, [Problem(file, line, "each entry must be a mapping of fields")]
    c = _Collector(file, raw)
    for key in raw:
        if key not in KNOWN_FIELDS:
            c.add(str(key), f"unknown field '{key}'")
    entry_id = c.text("id", required=True)
    if entry_id and not ID_PATTERN.fullmatch(entry_id):
        c.add("id", f"id {entry_id!r} is not a slug like 'wpk-central-committee' (a-z, 0-9, single hyphens)")
    category = _category(c, file_category)
    en = c.text("en", required=True)
    ko = c.text("ko", required=True)
    note = c.text("note", required=True)
    sources = c.text_list("sources")
    if "sources" not in raw:
        c.add("sources", "missing required field 'sources'")
    verified = raw.get("verified")
    if not isinstance(verified, bool):
        c.add("verified", "missing required field 'verified' (true or false)" if verified is None else
              "'verified' must be true or false")
        verified = False
    elif verified and not sources:
        c.add("verified", "verified: true needs at least one source")
    since, until = _dates(c)
    parent = c.text("parent")
    pattern, slots = _pattern(c, ko)
    entry = Entry(
        id=entry_id,
        category=category,
        en=en,
        ko=ko,
        ko_rok=c.text("ko_rok"),
        variants=c.text_list("variants"),
        romanization=_romanization(c),
        note=note,
        since=since,
        until=until,
        parent=parent or None,
        related=c.text_list("related"),
        example=_example(c),
        sources=sources,
        verified=verified,
        pattern=pattern,
        slots=slots,
        origin=f"{file}:{raw.line}",
    )
    return entry, c.problems
