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

from glossary.model import (
    CATEGORIES,
    REGISTERS,
    SUPPORTABLE_FIELDS,
    Entry,
    Example,
    Holder,
    Reference,
    Romanization,
    Sense,
    Source,
)
from glossary.yamlio import LineDict

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ARTICLE_ID_PATTERN = re.compile(r"[0-9a-f]{12}")
DATE_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
TEMPLATE_FIELD = re.compile(r"\{([^{}]*)\}")

#: Fields every curated entry gives. A user file needs only ``id`` (and ``en``, ``ko``, ``category`` for a new
#: entry: ``glossary.data`` checks that once it knows whether the id is new).
REQUIRED_FIELDS = ("id", "en", "ko", "note", "sources")
USER_REQUIRED_FIELDS = ("id",)
KNOWN_FIELDS = frozenset(
    {
        *REQUIRED_FIELDS,
        "ko_rok",
        "ko_variants",
        "register",
        "holder",
        "senses",
        "hangul",
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
SOURCE_FIELDS = frozenset({"for", "ref", "attested", "note"})
HOLDER_FIELDS = frozenset({"who", "since", "until", "note"})
SENSE_FIELDS = frozenset({"ko", "default", "context", "note"})
REFERENCE_KINDS = ("dictionary", "reference", "corpus", "official", "secondary")
#: An ``attested:`` value names a file of the Korean corpus directory, nothing else.
ATTESTED_FILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.txt")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, printed as ``file:line: message``."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        # A problem with the file as a whole (too big, unreadable) has no line: never print "file:0:".
        return f"{self.file}:{self.line}: {self.message}" if self.line > 0 else f"{self.file}: {self.message}"


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

    def add_at(self, item: Any, key: str, message: str) -> None:
        """A problem inside a nested mapping (a source, holder or sense item): at that item's own line."""
        line = item.line_of(key) if isinstance(item, LineDict) else self.raw.line_of(key)
        self.problems.append(Problem(self.file, line, message))

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


def _dates(c: _Collector, mapping: LineDict | None = None, where: str = "") -> tuple[str | None, str | None]:
    """``since``/``until`` of the entry, or of a nested mapping (a holder) when ``mapping`` is given."""
    mapping = c.raw if mapping is None else mapping
    parsed: dict[str, str | None] = {}
    for key in ("since", "until"):
        raw = mapping.get(key)
        if raw is None:
            parsed[key] = None
            continue
        text = _date_text(raw)
        if text is None or not _valid_date(text):
            c.add_at(mapping, key, f"'{where}{key}' must be a date YYYY, YYYY-MM or YYYY-MM-DD, not {raw!r}")
            parsed[key] = None
        else:
            parsed[key] = text
    since, until = parsed["since"], parsed["until"]
    # Compare at the coarser precision: "2016" is not after "2016-05".
    if since and until:
        common = min(len(since), len(until))
        if since[:common] > until[:common]:
            c.add_at(mapping, "until", f"'{where}since' {since} is after '{where}until' {until}")
    return since, until


def _romanization(c: _Collector) -> Romanization:
    raw = c.raw.get("romanization")
    if raw is None:
        return Romanization()
    if isinstance(raw, dict) and "mr" in raw:
        c.add("romanization", "romanization 'mr' is now 'kcna' (the DPRK system as KCNA prints names)")
        return Romanization()
    if not isinstance(raw, dict) or not set(raw) <= {"kcna", "rr"} or not all(isinstance(v, str) for v in raw.values()):
        c.add("romanization", "'romanization' must be a mapping with 'kcna' and/or 'rr' strings")
        return Romanization()
    return Romanization(kcna=raw.get("kcna", "").strip(), rr=raw.get("rr", "").strip())


def _mapping_items(c: _Collector, key: str, what: str) -> list[LineDict]:
    """The list-of-mappings field ``key`` (sources, holder, senses); a problem for each item that is not one."""
    value = c.raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        c.add(key, f"'{key}' must be a list of {what}")
        return []
    items: list[LineDict] = []
    for index, item in enumerate(value):
        if isinstance(item, LineDict):
            items.append(item)
        else:
            line = _item_line(value, index) or c.raw.line_of(key)
            c.problems.append(Problem(c.file, line, f"{key} item {index + 1} must be a mapping of {what}"))
    return items


def _item_line(sequence: Any, index: int) -> int:
    lines = getattr(sequence, "item_lines", None)
    return lines[index] if lines and index < len(lines) else 0


def _unknown_keys(c: _Collector, item: LineDict, known: frozenset[str], where: str) -> None:
    """Unknown fields of a nested item, and any text in it that carries a terminal escape sequence."""
    for key, value in item.items():
        if key not in known:
            c.add_at(item, str(key), f"unknown field '{key}' in {where} (known: {', '.join(sorted(known))})")
        texts = value if isinstance(value, list) else [value]
        if any(isinstance(text, str) and CONTROL_CHARACTER.search(text) for text in texts):
            c.add_at(item, str(key), f"'{key}' in {where} contains a terminal escape sequence (ESC or a C1 control);"
                     " remove it")


def _sources(c: _Collector) -> tuple[Source, ...]:
    """``sources``: each item says what it supports (``for``) and where (``ref`` or ``attested``)."""
    sources: list[Source] = []
    for item in _mapping_items(c, "sources", "{for: [...], ref: KEY} or {for: [ko], attested: FILE}"):
        _unknown_keys(c, item, SOURCE_FIELDS, "a source")
        supports = item.get("for")
        if isinstance(supports, str):
            supports = [supports]
        if not isinstance(supports, list) or not supports:
            c.add_at(item, "for", "a source must say what it supports: 'for: [...]' with any of "
                     + ", ".join(SUPPORTABLE_FIELDS))
            continue
        unknown = [str(s) for s in supports if s not in SUPPORTABLE_FIELDS]
        if unknown:
            c.add_at(item, "for", f"a source cannot support {', '.join(map(repr, unknown))}; "
                     f"'for' takes any of {', '.join(SUPPORTABLE_FIELDS)}")
            continue
        ref, attested = item.get("ref"), item.get("attested")
        if (ref is None) == (attested is None):
            c.add_at(item, "for", "a source needs exactly one of 'ref: KEY' (a key of sources.yaml) and "
                     "'attested: FILE' (a file of the Korean corpus)")
            continue
        if ref is not None and (not isinstance(ref, str) or not ref.strip()):
            c.add_at(item, "ref", "'ref' must be a key of glossary/data/sources.yaml")
            continue
        if attested is not None:
            attested = _date_text(attested) if not isinstance(attested, str) else attested
            if not isinstance(attested, str) or not ATTESTED_FILE.fullmatch(attested):
                c.add_at(item, "attested", f"'attested' must name a file of the Korean corpus like 2019.txt, "
                         f"not {item.get('attested')!r}")
                continue
            if set(supports) != {"ko"}:
                c.add_at(item, "for", "an 'attested' source supports the Korean form only: write 'for: [ko]'")
                continue
        note = item.get("note", "")
        sources.append(Source(supports=tuple(dict.fromkeys(str(s) for s in supports)),
                              ref=ref.strip() if isinstance(ref, str) else None, attested=attested,
                              note=note.strip() if isinstance(note, str) else "", line=item.line))
    return tuple(sources)


def _holders(c: _Collector) -> tuple[Holder, ...]:
    holders: list[Holder] = []
    for item in _mapping_items(c, "holder", "{who: person-id or name, since: YYYY, until: YYYY}"):
        _unknown_keys(c, item, HOLDER_FIELDS, "a holder")
        who = item.get("who")
        if not isinstance(who, str) or not who.strip():
            c.add_at(item, "who", "a holder needs 'who': a person entry id or a name")
            continue
        since, until = _dates(c, item, "holder ")
        note = item.get("note", "")
        holders.append(Holder(who=who.strip(), since=since, until=until,
                              note=note.strip() if isinstance(note, str) else ""))
    return tuple(holders)


def _senses(c: _Collector) -> tuple[Sense, ...]:
    senses: list[Sense] = []
    for item in _mapping_items(c, "senses", "{ko: ..., default: true} or {ko: ..., context: [...]}"):
        _unknown_keys(c, item, SENSE_FIELDS, "a sense")
        ko = item.get("ko")
        if not isinstance(ko, str) or not ko.strip():
            c.add_at(item, "ko", "a sense needs 'ko': its Korean form")
            continue
        default = item.get("default", False)
        if not isinstance(default, bool):
            c.add_at(item, "default", "a sense's 'default' must be true or false")
            default = False
        context = item.get("context", [])
        if isinstance(context, str):
            context = [context]
        if not isinstance(context, list) or not all(isinstance(w, str) and w.strip() for w in context):
            c.add_at(item, "context", "a sense's 'context' must be a list of English words")
            context = []
        if not default and not context:
            c.add_at(item, "ko", f"sense {ko.strip()!r} is neither the default nor picked by a 'context'")
        note = item.get("note", "")
        senses.append(Sense(ko=ko.strip(), default=default, context=tuple(w.strip() for w in context),
                            note=note.strip() if isinstance(note, str) else ""))
    defaults = sum(1 for sense in senses if sense.default)
    if senses and defaults != 1:
        c.add("senses", f"senses need exactly one 'default: true' (found {defaults})")
    return tuple(senses)


def _register(c: _Collector) -> str | None:
    raw = c.raw.get("register")
    if raw is None:
        return None
    if raw not in REGISTERS:
        c.add("register", f"unknown register {raw!r}; known: {', '.join(REGISTERS)}")
        return None
    return str(raw)


def _hangul(c: _Collector, category: str) -> str | None:
    raw = c.raw.get("hangul")
    if raw is None:
        return None
    if raw != "inferred":
        c.add("hangul", f"'hangul' takes only 'inferred' (hangul inferred from KCNA's romanization), not {raw!r}")
        return None
    if category != "person":
        c.add("hangul", "'hangul: inferred' is for person names only")
    return "inferred"


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
    """The file's category for curated files; for user files the entry's own ``category``, or "" when it gives
    none (an override keeps the curated category; a new user entry without one is refused by the loader)."""
    raw = c.raw.get("category")
    if file_category is not None:
        if raw is not None and raw != file_category:
            c.add("category", f"category '{raw}' differs from the file's category '{file_category}'")
        return file_category
    if raw is None:
        return ""
    if raw not in CATEGORIES:
        c.add("category", f"unknown category {raw!r}; known: {', '.join(CATEGORIES)}")
    return str(raw)


def parse_entry(raw: Any, file: str, line: int, file_category: str | None) -> tuple[Entry | None, list[Problem]]:
    """Build one entry; ``file_category`` is the file stem for curated files, ``None`` for user files.

    Returns ``(None, problems)`` when the item is not a mapping at all; otherwise the entry as far as it could be
    read, with its problems (an entry with problems must not be used for matching, but ``glossary check`` still
    runs the cross-entry rules on it so one run reports everything).
    """
    if not isinstance(raw, LineDict):
        return None, [Problem(file, line, "each entry must be a mapping of fields")]
    c = _Collector(file, raw)
    curated = file_category is not None
    required = REQUIRED_FIELDS if curated else USER_REQUIRED_FIELDS
    for key in raw:
        if key == "verified":
            c.add("verified", "'verified' is no longer written by hand: an entry is verified when a source "
                  "supports its Korean form ('for: [ko]'); remove the field")
        elif key not in KNOWN_FIELDS:
            c.add(str(key), f"unknown field '{key}'")
    entry_id = c.text("id", required=True)
    if entry_id and not ID_PATTERN.fullmatch(entry_id):
        c.add("id", f"id {entry_id!r} is not a slug like 'wpk-central-committee' (a-z, 0-9, single hyphens)")
    category = _category(c, file_category)
    en = c.text("en", required="en" in required)
    ko = c.text("ko", required="ko" in required)
    note = c.text("note", required="note" in required)
    if curated and "sources" not in raw:
        c.add("sources", "missing required field 'sources' (a list; may be empty while the entry is unsourced)")
    sources = _sources(c)
    ko_rok = c.text("ko_rok")
    if ko_rok and ko and ko_rok == ko:
        c.add("ko_rok", f"ko_rok {ko_rok!r} is the same as ko: give the ROK spelling only where it differs")
    since, until = _dates(c)
    parent = c.text("parent")
    pattern, slots = _pattern(c, ko)
    entry = Entry(
        id=entry_id,
        category=category,
        en=en,
        ko=ko,
        ko_rok=ko_rok,
        ko_variants=c.text_list("ko_variants"),
        variants=c.text_list("variants"),
        romanization=_romanization(c),
        note=note,
        since=since,
        until=until,
        parent=parent or None,
        related=c.text_list("related"),
        example=_example(c),
        sources=sources,
        register=_register(c),
        holder=_holders(c),
        senses=_senses(c),
        hangul=_hangul(c, category),
        pattern=pattern,
        slots=slots,
        origin=f"{file}:{raw.line}",
    )
    return entry, c.problems


def parse_reference(key: Any, raw: Any, file: str, line: int) -> tuple[Reference | None, list[Problem]]:
    """One item of ``sources.yaml``: ``key: {cite: ..., kind: ..., url: ..., note: ...}``."""
    where = raw.line if isinstance(raw, LineDict) else line
    if not isinstance(key, str) or not key.strip():
        return None, [Problem(file, where, f"source key {key!r} must be a non-empty string")]
    if not isinstance(raw, LineDict):
        return None, [Problem(file, where, f"source '{key}' must be a mapping with 'cite' and 'kind'")]
    problems = [Problem(file, raw.line_of(k), f"unknown field '{k}' in source '{key}'")
                for k in raw if k not in {"cite", "kind", "url", "note"}]
    cite, kind = raw.get("cite"), raw.get("kind")
    if not isinstance(cite, str) or not cite.strip():
        problems.append(Problem(file, raw.line_of("cite"), f"source '{key}' needs 'cite': a full citation"))
    if kind not in REFERENCE_KINDS:
        problems.append(Problem(file, raw.line_of("kind"),
                                f"source '{key}': 'kind' must be one of {', '.join(REFERENCE_KINDS)}, not {kind!r}"))
    url, note = raw.get("url", ""), raw.get("note", "")
    if problems:
        return None, problems
    return Reference(key=key, cite=str(cite).strip(), kind=str(kind), url=str(url or "").strip(),
                     note=str(note or "").strip()), []
