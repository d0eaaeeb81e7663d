"""The ``glossary`` command: output shapes and exit codes, run in-process and, once, as the console script."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from glossary import data
from reader.commands import glossary as cli

FIXTURE_DATA = Path(__file__).resolve().parent / "data" / "curated"
ARTICLE = "Pyongyang, May 1 (KCNA) -- Kim Jong Un, general secretary of the Workers’ Party of Korea [WPK], met vice-ministers.\n"


@pytest.fixture(autouse=True)
def fixture_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command in this file sees the small fixture glossary as the shipped data."""
    monkeypatch.setattr(data, "DATA_DIR", FIXTURE_DATA)
    monkeypatch.setattr(
        data, "load_glossary", _with_default_dir(data.load_glossary), raising=True
    )
    monkeypatch.setattr(cli, "load_glossary", data.load_glossary)


def _with_default_dir(load):  # type: ignore[no-untyped-def]
    def load_fixture(extra_paths=(), include_user_dir=True, data_dir=None):  # type: ignore[no-untyped-def]
        return load(extra_paths, include_user_dir, data_dir or FIXTURE_DATA)

    return load_fixture


def run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None,
        monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str, str]:
    if stdin is not None and monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_annotate_json_indexes_the_input_exactly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    code, out, err = run(capsys, "annotate", str(article), "--json")
    assert code == 0 and err == ""
    spans = json.loads(out)
    text = article.read_bytes().decode("utf-8")
    assert [(s["text"], s["id"]) for s in spans] == [
        ("Kim Jong Un", "kim-jong-un"),
        ("general secretary", "general-secretary"),
        ("Workers’ Party of Korea", "wpk"),
        ("WPK", "wpk"),
        ("vice-ministers", "vice-minister"),
    ]
    assert all(text[s["start"] : s["end"]] == s["text"] for s in spans)
    assert set(spans[0]) == {"start", "end", "text", "id", "category"}


def test_annotate_piped_brackets_and_escapes(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(capsys, "annotate", "-", stdin=ARTICLE, monkeypatch=monkeypatch)
    assert code == 0
    assert out == (
        "Pyongyang, May 1 (KCNA) -- [Kim Jong Un]{kim-jong-un}, [general secretary]{general-secretary} of the "
        "[Workers’ Party of Korea]{wpk} \\[[WPK]{wpk}\\], met [vice-ministers]{vice-minister}.\n"
    )


def test_annotate_terminal_styles_spans_and_never_reads_markup(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    text = "The SPA [bold]session[/bold] met.\n"
    code, out, _ = run(capsys, "annotate", "-", stdin=text, monkeypatch=monkeypatch)
    assert code == 0
    assert "\x1b[" in out  # styled
    plain = __import__("re").sub(r"\x1b\[[0-9;]*m", "", out)
    assert plain == text  # the article's own brackets printed as written


def test_annotate_korean(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _code, out, _ = run(capsys, "annotate", "-", "--korean", "--json", stdin="조선로동당의 당국", monkeypatch=monkeypatch)
    assert [(s["text"], s["id"]) for s in json.loads(out)] == [("조선로동당", "wpk"), ("당국", "party-authorities")]


def test_annotate_bad_input_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"ok\ncaf\xe9\n")
    code, out, err = run(capsys, "annotate", str(latin))
    assert (code, out) == (2, "")
    assert err == f"glossary: {latin}:2: not UTF-8 text\n"
    code, _, err = run(capsys, "annotate", str(tmp_path / "missing.txt"))
    assert code == 2 and err.count("\n") == 1 and "cannot read" in err


def test_lookup_by_each_kind_of_name(capsys: pytest.CaptureFixture[str]) -> None:
    for query, reason in [
        ("WPK", "abbreviation"),
        ("workers’ party of korea", "English"),
        ("조선노동당", "Korean (ROK spelling)"),
        ("조선로동당의", "Korean (조선로동당 + particle)"),
        ("chosŏn rodongdang", "romanization"),
        ("Joseon Rodongdang", "romanization"),
        ("Workers Party Korea", "similar to"),
    ]:
        code, out, _ = run(capsys, "lookup", query, "--json")
        hits = json.loads(out)
        assert code == 0 and hits[0]["id"] == "wpk", (query, hits[:2])
        assert hits[0]["matched"].startswith(reason), (query, hits[0]["matched"])


def test_lookup_plain_card_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lookup", "SPA", "--limit", "1")
    assert code == 0
    assert out.splitlines()[:4] == [
        "matched   abbreviation, score 95",
        "id        spa",
        "category  state-body",
        "English   Supreme People's Assembly",
    ]


def test_lookup_nothing_found_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "lookup", "zzqx")
    assert (code, out) == (1, "")
    assert err == "glossary: nothing in the glossary matches 'zzqx'\n"


def test_show_and_unknown_id_with_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "spa", "--json")
    assert code == 0 and json.loads(out)["ko"] == "최고인민회의"
    code, out, err = run(capsys, "show", "wpk-centrl-committee")
    assert (code, out) == (1, "")
    assert err.startswith("glossary: no entry with id 'wpk-centrl-committee'; did you mean: wpk-central-committee")
    assert err.count("\n") == 1


def test_list_by_category(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--category", "title")
    assert code == 0
    assert out == "general-secretary\ttitle\tgeneral secretary\t총비서\nvice-minister\ttitle\tvice-minister\t부상\n"
    code, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)) == 9


def test_broken_user_glossary_warns_on_stderr_and_command_still_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("- id: [\n", encoding="utf-8")
    code, out, err = run(capsys, "show", "spa", "--glossary", str(broken))
    assert code == 0 and "Supreme People's Assembly" in out
    assert err.startswith(f"glossary: warning: {broken}:") and err.count("\n") == 1


def test_check_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--curated", *map(str, sorted(FIXTURE_DATA.glob("*.yaml"))))
    assert code == 0 and out == "glossary check: 9 entries in 4 files, no problems\n"
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: x, en: X, ko: 엑스, note: n, sources: [], verified: true}\n", encoding="utf-8")
    code, out, err = run(capsys, "check", str(bad))
    assert code == 1
    assert out == f"{bad}:1: verified: true needs at least one source\n"
    assert err.startswith("glossary check: 1 problems")


def test_export_to_file_is_atomic_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "glossary.csv"
    code, out, err = run(capsys, "export", "--format", "csv", "--output", str(target))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").splitlines()[:2] == ["Workers' Party of Korea,조선로동당", "WPK,조선로동당"]
    assert [p.name for p in tmp_path.iterdir()] == ["glossary.csv"]
    code, _, err = run(capsys, "export", "--format", "csv", "--output", str(tmp_path / "no-dir" / "x.csv"))
    assert code == 2 and "does not exist" in err


def test_stats_reports_categories_and_coverage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": f"{i:012x}", "text": f"Kim Jong Un met Rodong Sinmun staff number {i}."} for i in range(6)]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "stats", "--corpus", str(corpus), "--json")
    summary = json.loads(out)
    assert code == 0
    assert summary["glossary"]["per_category"]["party-body"] == 3
    assert summary["corpus"]["articles"] == 6
    assert summary["corpus"]["missing"] == [{"ngram": "Rodong Sinmun", "count": 6}]
    assert summary["corpus"]["linked_share"] == 0.5
    code, _, err = run(capsys, "stats", "--corpus", str(tmp_path / "none.jsonl"))
    assert code == 2 and "no such corpus file" in err


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe")
    result = subprocess.run(
        [sys.executable, "-m", "reader.commands.glossary", "annotate", str(bad)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr == f"glossary: {bad}:1: not UTF-8 text\n"


def test_lookup_reads_hyphens_as_spaces_and_finds_plurals(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lookup", "vice ministers", "--json", "--limit", "1")
    assert code == 0
    assert [(h["id"], h["matched"]) for h in json.loads(out)] == [("vice-minister", "inflected form")]


def test_terminal_card_prints_entry_text_as_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "- {id: markup, en: Markup term, ko: 마크업, note: 'see [red]this[/red] and [link=x]y', sources: [],"
        " verified: false}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(capsys, "show", "markup", "--glossary", str(mine))
    plain = __import__("re").sub(r"\x1b\[[0-9;]*m", "", out)
    assert code == 0
    assert "╭─ Markup term  마크업" in plain
    assert "see [red]this[/red] and [link=x]y" in plain
