"""Glossary text is drawn in a terminal: a user entry carrying an escape sequence is refused, not drawn."""

from __future__ import annotations

from pathlib import Path

from glossary.data import load_glossary


def test_a_user_entry_with_an_escape_sequence_is_skipped_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "escapes.yaml"
    # YAML's "\e" is ESC: this note would turn the terminal red and retitle the window.
    path.write_text(
        '- id: escape-note\n  en: "Escape Test Term"\n  ko: "시험"\n'
        '  note: "\\e[31mred\\e]0;owned\\a"\n  sources: ["test"]\n  verified: false\n',
        encoding="utf-8",
    )
    glossary = load_glossary([path], include_user_dir=False)
    assert glossary.get("escape-note") is None
    assert any("escapes.yaml:" in w and "terminal escape sequence" in w for w in glossary.warnings), glossary.warnings


def test_curated_entries_hold_no_escape_sequences() -> None:
    glossary = load_glossary(include_user_dir=False)
    assert not [w for w in glossary.warnings if "escape sequence" in w]
