"""``glossary export``: the glossary in the formats other tools read.

- ``json``: every entry with every field (the YAML schema, as JSON).
- ``csv``: two columns, English source, Korean target, no header: the one-source-one-target shape of DeepL
  glossaries (a source may appear once, so each variant is its own line pointing at the same Korean) and of
  OmegaT's glossary import. Pattern entries are left out: a regex is not a term a CAT tool can use.
- ``tbx``: TBX v3 (ISO 30042:2019), TBX-Basic dialect, DCA style; valid against LTAC-Global's
  ``TBXcoreStructV03_TBX-Basic_integrated.rng`` (checked in the tests).
- ``anki-tsv``: Anki's text import with its header lines (Anki 2.1.54+): GUID column = the entry id, so
  re-importing updates notes instead of duplicating them; fields Front (English) and Back (Korean, notes).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from xml.etree import ElementTree as ET

from glossary.data import Glossary
from glossary.forms import is_acronym
from glossary.model import Entry, Source

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
# XML 1.0 forbids most C0 controls; DeepL also rejects C1 controls and the Unicode line/paragraph separators.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def source_to_dict(source: Source) -> dict:
    """A ``sources`` item as written in YAML: ``{for: [...], ref: KEY}`` or ``{for: [ko], attested: FILE}``."""
    data: dict = {"for": list(source.supports)}
    data.update({k: v for k, v in (("ref", source.ref), ("attested", source.attested), ("note", source.note)) if v})
    return data


def entry_to_dict(entry: Entry) -> dict:
    """Every field of an entry as plain JSON types, empty optional fields left out."""
    data: dict = {"id": entry.id, "category": entry.category, "en": entry.en, "ko": entry.ko}
    optional: dict = {
        "ko_rok": entry.ko_rok,
        "variants": list(entry.variants),
        "romanization": {k: v for k, v in (("kcna", entry.romanization.kcna), ("rr", entry.romanization.rr)) if v},
        "note": entry.note,
        "since": entry.since,
        "until": entry.until,
        "parent": entry.parent,
        "related": list(entry.related),
        "example": {"text": entry.example.text, "article": entry.example.article} if entry.example else None,
        "ko_variants": list(entry.ko_variants),
        "register": entry.register,
        "holder": [
            {k: v for k, v in (("who", h.who), ("since", h.since), ("until", h.until), ("note", h.note)) if v}
            for h in entry.holder
        ],
        "senses": [
            {k: v for k, v in (("ko", s.ko), ("default", s.default), ("context", list(s.context)), ("note", s.note))
             if v}
            for s in entry.senses
        ],
        "hangul": entry.hangul,
        "sources": [source_to_dict(s) for s in entry.sources],
        "pattern": entry.pattern,
        "slots": dict(entry.slots),
    }
    data.update({k: v for k, v in optional.items() if v})
    data["verified"] = entry.verified
    return data


def _clean(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


def to_json(glossary: Glossary) -> str:
    return json.dumps([entry_to_dict(e) for e in glossary], ensure_ascii=False, indent=2) + "\n"


def to_csv(glossary: Glossary) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    seen: set[str] = set()
    for entry in glossary:
        if entry.pattern or not entry.ko:
            continue
        for form in entry.surface_forms:
            source = _clean(form)
            if source and source not in seen:  # DeepL rejects a repeated source term
                seen.add(source)
                writer.writerow([source, _clean(entry.ko)])
    return out.getvalue()


def _tbx_id(entry_id: str) -> str:
    # conceptEntry/@id is an xs:ID (an XML name), which may not start with a digit: "8th-congress".
    return entry_id if entry_id[0].isalpha() else f"e-{entry_id}"


def _term_type(form: str, canonical: bool) -> str:
    if is_acronym(form.split()[-1]) and len(form.split()) == 1:
        return "acronym"
    return "fullForm" if canonical else "variant"


def _term_sec(parent: ET.Element, term: str, notes: list[tuple[str, str]]) -> None:
    term_sec = ET.SubElement(parent, "termSec")
    ET.SubElement(term_sec, "term").text = _clean(term)
    for note_type, value in notes:
        ET.SubElement(term_sec, "termNote", type=note_type).text = value


def _concept(body: ET.Element, entry: Entry) -> None:
    concept = ET.SubElement(body, "conceptEntry", id=_tbx_id(entry.id))
    ET.SubElement(concept, "descrip", type="subjectField").text = f"DPRK state media: {entry.category}"
    if entry.note:
        ET.SubElement(concept, "descrip", type="definition").text = _clean(entry.note)
    for source in entry.sources:
        described = f"{source.label} (for {', '.join(source.supports)})"
        ET.SubElement(concept, "admin", type="source").text = _clean(described)
    if entry.pattern:
        ET.SubElement(concept, "note").text = _clean(f"Pattern entry; regex: {entry.pattern}")
    english = ET.SubElement(concept, "langSec", {"xml:lang": "en"})
    for index, form in enumerate(dict.fromkeys(entry.surface_forms)):
        status = "preferredTerm-admn-sts" if index == 0 else "admittedTerm-admn-sts"
        _term_sec(english, form, [("termType", _term_type(form, index == 0)), ("administrativeStatus", status)])
    if entry.ko:
        korean = ET.SubElement(concept, "langSec", {"xml:lang": "ko"})
        _term_sec(korean, entry.ko, [("administrativeStatus", "preferredTerm-admn-sts"),
                                     ("geographicalUsage", "KP")])
        if entry.ko_rok and entry.ko_rok != entry.ko:
            _term_sec(korean, entry.ko_rok, [("administrativeStatus", "admittedTerm-admn-sts"),
                                             ("geographicalUsage", "KR")])


def to_tbx(glossary: Glossary) -> str:
    root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", "xml:lang": "en", "xmlns": TBX_NAMESPACE})
    header = ET.SubElement(root, "tbxHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title").text = "KCNA reader DPRK glossary"
    ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "p").text = (
        "Exported from the kcna-reader curated glossary (glossary/data/*.yaml)."
    )
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for entry in glossary:
        _concept(body, entry)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


ANKI_DECK = "KCNA Reader::Glossary"


def _anki_back(entry: Entry) -> str:
    parts = [entry.ko]
    if entry.ko_rok and entry.ko_rok != entry.ko:
        parts.append(f"(ROK: {entry.ko_rok})")
    roman = " / ".join(r for r in (entry.romanization.kcna, entry.romanization.rr) if r)
    if roman:
        parts.append(f"[{roman}]")
    if entry.note:
        parts.append(f"- {entry.note}")
    return _clean(" ".join(parts))


def to_anki_tsv(glossary: Glossary) -> str:
    out = io.StringIO()
    out.write("#separator:tab\n#html:false\n#notetype:Basic\n")
    out.write(f"#deck:{ANKI_DECK}\n#guid column:1\n#tags column:4\n#columns:GUID\tFront\tBack\tTags\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for entry in glossary:
        if entry.pattern or not entry.ko:
            continue
        writer.writerow([f"kcna-glossary-{entry.id}", _clean(entry.en), _anki_back(entry),
                         f"kcna-glossary {entry.category}"])
    return out.getvalue()


EXPORTERS: dict[str, Callable[[Glossary], str]] = {
    "json": to_json,
    "csv": to_csv,
    "tbx": to_tbx,
    "anki-tsv": to_anki_tsv,
}
