"""The words a reader sees for an entry's layers: who a form is reserved for, its senses, its register, and
which source backs which field. Shared by ``glossary show`` and the app's side panel, so both say the same.

Plain strings only (no markup, no rich objects): each caller styles them as data.

Worked example: an epithet with ``holder: [{who: kim-jong-un, since: 2012}]`` and a person entry
``kim-jong-un`` (en "Kim Jong Un") reads "reserved for Kim Jong Un since 2012"; ``senses`` of "chairman" read
"위원장 (default)" and "의장 (near: Supreme People's Assembly, SPA; chairman of the SPA)"; a source
``{for: [ko, pairing], ref: CC-wiki}`` appears under "Korean form" and "pairing".
"""

from __future__ import annotations

from collections.abc import Callable

from glossary.model import Entry, Holder, Sense

#: How each ``for:`` field is named on screen, in the order shown.
FIELD_LABELS: dict[str, str] = {
    "ko": "Korean form",
    "en": "English form",
    "pairing": "pairing",
    "dates": "dates",
    "holder": "holder",
    "romanization": "romanization",
}

REGISTER_TEXT: dict[str, str] = {
    "leader-honorific": "leader-honorific: said only of the leaders",
    "neutral": "neutral",
    "hostile": "hostile: used of enemies",
}

NameOf = Callable[[str], str]


def _same(name: str) -> str:
    return name


def holder_text(holder: Holder, name_of: NameOf = _same) -> str:
    """"Kim Jong Un since 2012", "Kim Il Sung until 1994", "Kim Jong Il 1997 to 2011", with the note after."""
    who = name_of(holder.who)
    if holder.since and holder.until:
        text = f"{who} {holder.since} to {holder.until}"
    elif holder.since:
        text = f"{who} since {holder.since}"
    elif holder.until:
        text = f"{who} until {holder.until}"
    else:
        text = who
    return f"{text} ({holder.note})" if holder.note else text


def reserved_for(entry: Entry, name_of: NameOf = _same) -> str:
    """"reserved for Kim Jong Un since 2012" (several holders joined by "; "), or "" when the entry has none."""
    if not entry.holder:
        return ""
    return "reserved for " + "; ".join(holder_text(h, name_of) for h in entry.holder)


def sense_text(sense: Sense) -> str:
    """"위원장 (default)" or "의장 (near: Supreme People's Assembly, SPA; chairman of the SPA)"."""
    details = ["default"] if sense.default else []
    if sense.context:
        details.append("near: " + ", ".join(sense.context))
    if sense.note:
        details.append(sense.note)
    return f"{sense.ko} ({'; '.join(details)})" if details else sense.ko


def provenance(entry: Entry) -> list[tuple[str, str]]:
    """(field label, the sources backing it) for the Korean and English forms always, and for pairing, dates,
    holder and romanization when the entry has that field or a source claims it. An unbacked field says so."""
    rows: list[tuple[str, str]] = []
    has_dates = bool(entry.since or entry.until or any(h.since or h.until for h in entry.holder))
    for field_name, label in FIELD_LABELS.items():
        sources = entry.sources_for(field_name)
        shown = field_name in ("ko", "en", "pairing") or bool(sources) or (
            field_name == "dates" and has_dates) or (field_name == "holder" and bool(entry.holder))
        if not shown:
            continue
        if sources:
            rows.append((label, "; ".join(_source_text(s.label, s.note) for s in sources)))
        elif field_name == "ko":
            rows.append((label, "no source: unverified"))
        else:
            rows.append((label, "no source"))
    if entry.hangul == "inferred":
        rows.append(("hangul", "inferred from KCNA's romanization, not found in a Korean source"))
    return rows


def _source_text(label: str, note: str) -> str:
    return f"{label} ({note})" if note else label


def person_names(entries: dict[str, Entry]) -> NameOf:
    """A ``name_of`` that turns a person entry id into its English name and leaves plain names as they are."""

    def name_of(who: str) -> str:
        entry = entries.get(who)
        return entry.en if entry is not None else who

    return name_of
