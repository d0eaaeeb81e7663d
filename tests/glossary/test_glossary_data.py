"""Loading: curated files, user glossaries (add, override, broken, oversized), line numbers, the cache."""

from __future__ import annotations

import os
import textwrap
import time
from pathlib import Path

import pytest

from glossary.data import DATA_DIR, load_glossary, user_glossary_dir
from glossary.yamlio import MAX_FILE_BYTES

FIXTURE_DATA = Path(__file__).resolve().parent / "data" / "curated"

# What a user knows: a new entry gives id, en, ko and category; an override gives the id and what it changes.
GOOD_USER = """\
- id: my-term
  en: Chollima movement
  ko: 천리마운동
  category: phrase
- id: wpk
  variants: [WPK, Rodongdang]
  note: My own note.
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_curated_files_give_category_and_origin() -> None:
    glossary = load_glossary(include_user_dir=False, data_dir=FIXTURE_DATA)
    wpk = glossary.get("wpk")
    assert wpk is not None and wpk.category == "party-body"
    assert wpk.origin.endswith("party-body.yaml:1")
    assert glossary.get("vice-minister").origin.endswith("title.yaml:9")
    assert glossary.person_names() == ["Kim Jong Un"]


def test_user_dir_adds_and_overrides_by_id() -> None:
    write(user_glossary_dir() / "mine.yaml", GOOD_USER)
    glossary = load_glossary(data_dir=FIXTURE_DATA)
    assert not glossary.warnings, glossary.warnings
    assert glossary.get("my-term").category == "phrase" and glossary.get("my-term").ko == "천리마운동"
    wpk, curated = glossary.get("wpk"), load_glossary(include_user_dir=False, data_dir=FIXTURE_DATA).get("wpk")
    # The override changes only what it gives: the curated category, Korean, ROK spelling and sources stay.
    assert wpk.note == "My own note." and wpk.variants == ("WPK", "Rodongdang")
    assert (wpk.category, wpk.ko, wpk.ko_rok, wpk.sources) == (
        curated.category, curated.ko, curated.ko_rok, curated.sources
    ) == ("party-body", "조선로동당", "조선노동당", curated.sources)
    assert wpk.verified
    assert load_glossary(include_user_dir=False, data_dir=FIXTURE_DATA).get("my-term") is None


def test_an_override_of_the_korean_is_not_verified_by_the_curated_source(tmp_path: Path) -> None:
    mine = write(tmp_path / "mine.yaml", "- {id: wpk, ko: 로동당}\n")
    glossary = load_glossary([mine], include_user_dir=False, data_dir=FIXTURE_DATA)
    wpk = glossary.get("wpk")
    assert wpk.ko == "로동당" and not wpk.verified
    assert wpk.category == "party-body" and wpk.ko_rok == "조선노동당"


def test_new_user_entry_without_category_is_refused_naming_the_line(tmp_path: Path) -> None:
    mine = write(tmp_path / "mine.yaml", "- {id: wpk, note: fine}\n- {id: new-one, en: New, ko: 새}\n")
    glossary = load_glossary([mine], include_user_dir=False, data_dir=FIXTURE_DATA)
    assert glossary.warnings == [
        f"{mine}:2: new entry 'new-one' needs 'category' (only an override of an existing id may leave them out);"
        " user glossary skipped"
    ]
    assert glossary.get("wpk").note == "The ruling party of the DPRK."


def test_broken_user_file_gives_one_warning_and_others_still_load(tmp_path: Path) -> None:
    write(user_glossary_dir() / "a-good.yaml", GOOD_USER)
    broken = write(tmp_path / "broken.yaml", "- id: x\n  en: [unclosed\n")
    glossary = load_glossary([broken], data_dir=FIXTURE_DATA)
    assert len(glossary.warnings) == 1
    assert glossary.warnings[0].startswith(f"{broken}:")
    assert "invalid YAML" in glossary.warnings[0]
    assert glossary.get("my-term") is not None and glossary.get("kim-jong-un") is not None


def test_user_file_with_a_bad_entry_is_skipped_whole_with_its_line(tmp_path: Path) -> None:
    bad = write(
        tmp_path / "bad.yaml",
        """\
        - id: fine
          en: fine term
          ko: 좋음
          category: phrase
        - id: Bad Id
          en: other
          ko: 나쁨
          category: phrase
          register: maybe
        """,
    )
    glossary = load_glossary([bad], include_user_dir=False, data_dir=FIXTURE_DATA)
    assert glossary.get("fine") is None
    assert len(glossary.warnings) == 1
    assert glossary.warnings[0].startswith(f"{bad}:5: id 'Bad Id' is not a slug")
    assert "(and 1 more problems)" in glossary.warnings[0]


def test_oversized_file_is_refused_naming_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("# padding\n" * (MAX_FILE_BYTES // 10 + 1), encoding="utf-8")
    glossary = load_glossary([big], include_user_dir=False, data_dir=FIXTURE_DATA)
    assert len(glossary.warnings) == 1
    assert "limited to 2 MB" in glossary.warnings[0] and str(big) in glossary.warnings[0]
    assert glossary.get("wpk") is not None


def test_missing_and_non_utf8_user_files_warn(tmp_path: Path) -> None:
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("- id: caf\xe9\n".encode("latin-1"))
    glossary = load_glossary([tmp_path / "nope.yaml", latin], include_user_dir=False, data_dir=FIXTURE_DATA)
    assert [w.split(": ", 1)[1] for w in glossary.warnings] == [
        "no such file; user glossary skipped",
        "not UTF-8 text; user glossary skipped",
    ]


def test_yaml_tags_are_never_constructed(tmp_path: Path) -> None:
    evil = write(tmp_path / "evil.yaml", "- !!python/object/apply:os.system ['echo hacked']\n")
    glossary = load_glossary([evil], include_user_dir=False, data_dir=FIXTURE_DATA)
    assert len(glossary.warnings) == 1 and "invalid YAML" in glossary.warnings[0]


def test_cache_is_used_and_invalidated_when_a_file_changes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for source in FIXTURE_DATA.glob("*.yaml"):
        (data / source.name).write_bytes(source.read_bytes())
    first = load_glossary(include_user_dir=False, data_dir=data)
    assert first.get("spa").en == "Supreme People's Assembly"
    spa = data / "state-body.yaml"
    spa.write_text(spa.read_text(encoding="utf-8").replace("The DPRK's legislature.", "Changed."), encoding="utf-8")
    os.utime(spa, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert load_glossary(include_user_dir=False, data_dir=data).get("spa").note == "Changed."


def test_two_glossary_versions_in_use_keep_their_own_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An installed reader and a checkout start in turn: neither may throw the other's cache away (each start
    # would parse every YAML file again).
    import glossary.data as data_module

    folders = []
    for name in ("installed", "checkout"):
        folder = tmp_path / name
        folder.mkdir()
        for source in FIXTURE_DATA.glob("*.yaml"):
            (folder / source.name).write_bytes(source.read_bytes())
        folders.append(folder)
    for folder in folders:
        load_glossary(include_user_dir=False, data_dir=folder)
    parsed: list[Path] = []
    real_parse = data_module._load_curated
    monkeypatch.setattr(data_module, "_load_curated", lambda glossary, folder: (parsed.append(folder), real_parse(glossary, folder)))
    for folder in folders:
        assert load_glossary(include_user_dir=False, data_dir=folder).get("spa").en == "Supreme People's Assembly"
    assert parsed == [], "a start parsed the YAML again: its cache was removed by the other's"


@pytest.mark.skipif(not any(DATA_DIR.glob("*.yaml")), reason="no shipped glossary data yet")
def test_shipped_glossary_loads_within_budget() -> None:
    from glossary.match import Matcher

    # CPU time, not wall time: under the parallel suite on two cores the wall clock mostly measures waiting.
    started = time.process_time()
    load_glossary(include_user_dir=False)  # cold: parses every YAML file and fills the cache
    cold = time.process_time() - started
    started = time.process_time()
    glossary = load_glossary(include_user_dir=False)
    Matcher(glossary)
    warm = time.process_time() - started
    assert len(glossary) > 0
    assert warm <= 0.2, f"load + Matcher took {warm:.3f} s of CPU"
    assert cold <= 0.6, f"cold load took {cold:.3f} s of CPU"
