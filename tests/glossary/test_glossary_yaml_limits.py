"""Hostile user YAML (alias bombs, deep nesting, node floods) is refused before it is built, cheaply.

Bounds: the target is 0.1 s and 50 MB; the time bound asserted here is 1 s so that a busy 2-core machine cannot
make it flake (measured: about 1 ms and under 1 MB for the 1 KB bomb). Memory is asserted at the target itself:
it does not depend on load.
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from glossary.data import load_glossary, read_glossary_file
from glossary.yamlio import UntrustedYamlError, check_untrusted_yaml
from reader.settings import Settings, load_settings


def billion_laughs(levels: int = 9, indent: str = "  ") -> str:
    """Nine lists of nine aliases of the list before: 9**9 (387 million) strings once expanded, 0.5 KB of text."""
    lines = [f'{indent}a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        lines.append(f"{indent}a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _bomb_glossary(tmp_path: Path) -> Path:
    # The bomb is the category: an unknown category is reported with its value's repr, which would expand it.
    path = tmp_path / "bomb.yaml"
    text = "- id: bomb\n  en: bomb\n  anchors:\n" + billion_laughs(indent="    ") + "  category: *a8\n"
    path.write_text(text, encoding="utf-8")
    assert len(text) < 1024
    return path


def test_an_alias_bomb_in_a_user_glossary_is_skipped_fast_with_one_warning(tmp_path: Path) -> None:
    path = _bomb_glossary(tmp_path)
    load_glossary(include_user_dir=False)  # the curated glossary is read (and cached) outside the measurement
    tracemalloc.start()
    started = time.perf_counter()
    try:
        glossary = load_glossary([path], include_user_dir=False)
        elapsed = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    warnings = [w for w in glossary.warnings if "bomb.yaml" in w]
    assert len(warnings) == 1
    # Refused at the first alias (line 5), before anything was built from the file.
    assert warnings[0].endswith("bomb.yaml:5: YAML aliases (*name) are not allowed in this file; user glossary skipped")
    assert glossary.get("bomb") is None
    assert peak < 50 * 1024 * 1024
    assert elapsed < 1.0


def test_deeply_nested_user_yaml_is_refused_without_recursing(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("- id: deep\n  en: " + "[" * 100 + "]" * 100 + "\n", encoding="utf-8")
    result = read_glossary_file(path, curated=False)
    assert [str(p) for p in result.problems] == [f"{path}:2: nested more than 16 levels deep"]
    # Far deeper than Python's recursion limit: libyaml's own limit answers, still as one line.
    path.write_text("- id: deep\n  en: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    result = read_glossary_file(path, curated=False)
    assert len(result.problems) == 1 and "nesting depth" in str(result.problems[0])


def test_a_flood_of_nodes_is_refused() -> None:
    text = "[" + ", ".join(["x"] * 1_000) + "]"
    with pytest.raises(UntrustedYamlError, match="more than 500 YAML nodes"):
        check_untrusted_yaml(text, max_nodes=500)
    check_untrusted_yaml(text, max_nodes=2_000)  # the same under a higher limit is fine


def test_anchors_without_aliases_and_ordinary_user_entries_still_load(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- &first\n  id: my-term\n  en: my term\n  ko: 내 용어\n  category: phrase\n  note: a note\n",
        encoding="utf-8",
    )
    glossary = load_glossary([path], include_user_dir=False)
    assert glossary.get("my-term") is not None
    assert not [w for w in glossary.warnings if "mine.yaml" in w]


def test_an_alias_bomb_in_the_settings_file_gives_the_defaults_and_one_warning(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text(billion_laughs(indent="") + "theme: *a8\n", encoding="utf-8")
    started = time.perf_counter()
    settings = load_settings(path)
    assert time.perf_counter() - started < 1.0
    assert settings.theme == Settings().theme
    assert len(settings.warnings) == 1
    assert "YAML aliases (*name) are not allowed" in settings.warnings[0] and str(path) in settings.warnings[0]
