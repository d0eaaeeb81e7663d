"""Export the deck to Anki: ``.apkg`` through genanki, or a TSV with Anki's text-import headers.

genanki writes a real Anki collection (note type, templates and CSS travel with it), which a hand-written
SQLite file would have to reproduce. Identity is fixed so a re-import updates notes instead of duplicating
them: the model and deck ids below never change, a note's GUID comes from its entry id only, and the file is
stamped with the current time (Anki updates a note only when the file's copy is newer).
"""

from __future__ import annotations

import html
import itertools
import json
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import genanki

from glossary.model import Entry
from reader.errors import InputError
from reader.study.cards import Cloze, kinds_for, romanization_of

# Generated once with random.randrange(1 << 30, 1 << 31); never change them, or Anki sees a new note type / deck.
MODEL_ID = 1_607_392_319
DECK_ID = 1_873_204_551
DECK_NAME = "kcna-reader::Glossary"
GUID_NAMESPACE = "kcna-reader-glossary"
FIELDS = ("English", "Korean", "Romanization", "Category", "Note", "Context")

_CSS = (
    ".card { font-family: sans-serif; font-size: 22px; text-align: center; } .small { font-size: 15px; color: #666; }"
)

MODEL = genanki.Model(
    MODEL_ID,
    "kcna-reader glossary term",
    fields=[{"name": name} for name in FIELDS],
    templates=[
        {
            "name": "Recognition (English -> Korean)",
            "qfmt": "{{English}}",
            "afmt": "{{FrontSide}}<hr id=answer>{{Korean}}<div class=small>{{Romanization}}</div>"
            "<div class=small>{{Note}}</div><div class=small>{{Context}}</div>",
        },
        {
            "name": "Production (Korean -> English)",
            "qfmt": "{{Korean}}<div class=small>{{Romanization}}</div>",
            "afmt": "{{FrontSide}}<hr id=answer>{{English}}<div class=small>{{Note}}</div>"
            "<div class=small>{{Context}}</div>",
        },
    ],
    css=_CSS,
)


def note_guid(entry_id: str) -> str:
    """The note's GUID: from the entry id alone, so editing the entry's text keeps the note."""
    return str(genanki.guid_for(GUID_NAMESPACE, entry_id))


def note_fields(entry: Entry, cloze: Cloze | None) -> list[str]:
    """HTML-escaped field values (``quote=False``: Anki shows ``&#x27;`` literally in some places)."""
    context = cloze.sentence if cloze else (entry.example.text if entry.example else "")
    raw = [entry.en, entry.ko, romanization_of(entry), entry.category, entry.note, context]
    return [html.escape(value, quote=False) for value in raw]


def exportable(entries: Sequence[Entry]) -> list[Entry]:
    """Entries an Anki card can hold: those with a recognition card (a Korean form, words rather than a mark
    such as ``-0-``, and not a pattern template with ``{slots}``)."""
    return [e for e in entries if "recognition" in kinds_for(e)]


def write_apkg(entries: Sequence[Entry], clozes: dict[str, Cloze | None], output: Path, now: datetime) -> int:
    deck = genanki.Deck(DECK_ID, DECK_NAME)
    for entry in entries:
        tags = [entry.category.replace(" ", "_")]
        deck.add_note(
            genanki.Note(
                model=MODEL, fields=note_fields(entry, clozes.get(entry.id)), tags=tags, guid=note_guid(entry.id)
            )
        )
    _atomic_write(output, lambda tmp: _write_package(genanki.Package(deck), tmp, now.timestamp()))
    return len(entries)


def _write_package(package: genanki.Package, output: Path, timestamp: float) -> None:
    """``genanki.Package.write_to_file`` without its cost: its scratch collection commits with full fsyncs (0.3 s
    of a 0.35 s export of 250 notes on this machine class) and is left behind in the temp dir.

    The collection here is scratch too, beside the output, unsynced and removed after zipping: only the zip is
    kept, and ``_atomic_write`` renames it into place whole, so nothing half-written can reach the user.
    """
    fd, scratch_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".anki2", dir=output.parent)
    os.close(fd)
    scratch = Path(scratch_name)
    try:
        conn = sqlite3.connect(scratch)
        try:
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            package.write_to_db(conn.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            conn.commit()
        finally:
            conn.close()
        with zipfile.ZipFile(output, "w") as archive:
            archive.write(scratch, "collection.anki2")
            archive.writestr("media", json.dumps({}))
    finally:
        scratch.unlink(missing_ok=True)


def tsv_text(entries: Sequence[Entry], clozes: dict[str, Cloze | None]) -> str:
    """Anki text import: headers first, then ``guid, fields..., tags`` per line, tabs and newlines removed."""
    header = [
        "#separator:tab",
        "#html:true",
        f"#deck:{DECK_NAME}",
        "#guid column:1",
        f"#tags column:{len(FIELDS) + 2}",
        "#columns:" + "\t".join(("GUID", *FIELDS, "Tags")),
    ]
    rows = []
    for entry in entries:
        values = [note_guid(entry.id), *note_fields(entry, clozes.get(entry.id)), entry.category]
        rows.append("\t".join(" ".join(v.split()) for v in values))
    return "\n".join(header + rows) + "\n"


def write_tsv(entries: Sequence[Entry], clozes: dict[str, Cloze | None], output: Path) -> int:
    text = tsv_text(entries, clozes)
    _atomic_write(output, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return len(entries)


def _atomic_write(output: Path, write: Callable[[Path], object]) -> None:
    """Write to a temporary file beside ``output`` and rename it in: never a half-written export."""
    directory = output.parent if str(output.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(output, "its folder does not exist")
    if output.is_dir():
        raise InputError(output, "is a directory; give a file name")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{output.name}.", dir=directory)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.replace(tmp, output)
    except OSError as exc:
        raise InputError(output, f"cannot write the export ({exc.strerror or exc})") from None
    finally:
        tmp.unlink(missing_ok=True)
