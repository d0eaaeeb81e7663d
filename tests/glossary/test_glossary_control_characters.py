"""Glossary text is drawn in a terminal: a user entry carrying an escape sequence is refused, not drawn."""

from __future__ import annotations

from pathlib import Path

from glossary.data import load_glossary


def test_a_user_entry_with_an_escape_sequence_is_skipped_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "escapes.yaml"
    # YAML's "\e" is ESC: this note would turn the terminal red and retitle the window.
    path.write_text(
        '- id: escape-note\n  en: "Escape Test Term"\n  ko: "시험"\n  category: phrase\n'
        '  note: "\\e[31mred\\e]0;owned\\a"\n',
        encoding="utf-8",
    )
    glossary = load_glossary([path], include_user_dir=False)
    assert glossary.get("escape-note") is None
    assert any("escapes.yaml:" in w and "terminal escape sequence" in w for w in glossary.warnings), glossary.warnings


def test_curated_entries_hold_no_escape_sequences() -> None:
    glossary = load_glossary(include_user_dir=False)
    assert not [w for w in glossary.warnings if "escape sequence" in w]


def test_escape_sequences_in_nested_items_are_refused_at_their_line(tmp_path: Path) -> None:
    path = tmp_path / "nested.yaml"
    path.write_text(
        '- id: nested\n  en: Nested\n  ko: 둥지\n  category: title\n'
        '  senses:\n    - {ko: 둥지, default: true, note: "\\e[31mred"}\n'
        '  holder:\n    - {who: "\\e]0;owned\\a"}\n',
        encoding="utf-8",
    )
    glossary = load_glossary([path], include_user_dir=False)
    assert glossary.get("nested") is None
    assert glossary.warnings and glossary.warnings[0].startswith(f"{path}:8: 'who' in a holder contains a terminal")
    assert "(and 1 more problems)" in glossary.warnings[0]  # the sense's note, at line 6
    from glossary.validate import check_paths

    lines = [(p.line, p.message.split(" contains")[0]) for p in check_paths([path]).problems]
    assert lines == [(6, "'note' in a sense"), (8, "'who' in a holder")]
