"""Anki export: re-exports keep note GUIDs and ids (so Anki updates notes), with a newer modification time."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from cli_helpers import cli_env, reader

from reader.study.export import DECK_ID, MODEL_ID, note_guid


@pytest.fixture
def env(tmp_path: Path, seeded_template: Path) -> dict[str, str]:
    return cli_env(tmp_path / "home", seeded_template)


def read_apkg(path: Path, tmp_path: Path) -> tuple[dict[str, tuple[int, int, str]], dict, dict]:
    """notes by GUID -> (model id, modification time, fields), plus the collection's models and decks."""
    with zipfile.ZipFile(path) as archive:
        archive.extract("collection.anki2", tmp_path)
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        notes = {
            guid: (mid, mod, flds) for guid, mid, mod, flds in conn.execute("SELECT guid, mid, mod, flds FROM notes")
        }
        models_json, decks_json = conn.execute("SELECT models, decks FROM col").fetchone()
    finally:
        conn.close()
    (tmp_path / "collection.anki2").unlink()
    return notes, json.loads(models_json), json.loads(decks_json)


def test_apkg_reexport_keeps_guids_and_is_newer(env, tmp_path: Path, seed_top) -> None:
    first, second = tmp_path / "one.apkg", tmp_path / "two.apkg"
    assert (
        reader(["study", "export", "--output", str(first), "--now", "2026-01-05T09:00:00+00:00"], env).returncode == 0
    )
    result = reader(
        ["study", "export", "--format", "apkg", "--output", str(second), "--now", "2026-02-01T09:00:00+00:00"], env
    )
    assert result.returncode == 0 and "Wrote" in result.stdout

    notes1, models, decks = read_apkg(first, tmp_path)
    notes2, _, _ = read_apkg(second, tmp_path)
    assert set(notes1) == set(notes2) and len(notes1) >= 15
    assert note_guid(seed_top.id) in notes1
    assert str(MODEL_ID) in models and str(DECK_ID) in decks
    assert {mid for mid, _, _ in notes1.values()} == {MODEL_ID}
    # The second file's copies are newer, so Anki's default import (update if newer) applies them.
    for guid, (_, mod1, flds1) in notes1.items():
        assert notes2[guid][1] > mod1 and notes2[guid][2] == flds1
    fields = notes1[note_guid(seed_top.id)][2].split("\x1f")
    assert fields[:2] == [seed_top.en, seed_top.ko]


def test_tsv_has_anki_headers_and_the_same_guids(env, tmp_path: Path) -> None:
    tsv, apkg = tmp_path / "deck.tsv", tmp_path / "deck.apkg"
    reader(["study", "export", "--format", "tsv", "--output", str(tsv)], env)
    reader(["study", "export", "--output", str(apkg)], env)
    lines = tsv.read_text(encoding="utf-8").splitlines()
    headers = [line for line in lines if line.startswith("#")]
    assert "#separator:tab" in headers and "#guid column:1" in headers and "#html:true" in headers
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    columns = next(h for h in headers if h.startswith("#columns:")).removeprefix("#columns:").split("\t")
    assert all(len(row) == len(columns) for row in rows)
    notes, _, _ = read_apkg(apkg, tmp_path)
    assert {row[0] for row in rows} == set(notes)
