"""One command shape for ``reader`` and ``glossary``: the same dispatcher, did-you-mean, --version, exit codes,
and an empty JSON list (not silence) when nothing matches."""

from __future__ import annotations

import json

import pytest

from reader import __version__
from reader.commands.glossary import main as glossary_main
from reader.commands.reader import main as reader_main

COMMANDS = {"reader": reader_main, "glossary": glossary_main}


@pytest.mark.parametrize(("prog", "typo", "meant"), [("reader", "imprt", "import"), ("glossary", "lokup", "lookup")])
def test_a_mistyped_verb_gets_did_you_mean_and_exit_2(
    prog: str, typo: str, meant: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert COMMANDS[prog]([typo, "x"]) == 2
    assert capsys.readouterr().err.strip() == f"{prog}: unknown verb '{typo}'; did you mean '{meant}'?"


@pytest.mark.parametrize("prog", ["reader", "glossary"])
def test_both_commands_print_their_version_and_their_verbs(prog: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert COMMANDS[prog](["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"{prog} {__version__}"
    assert COMMANDS[prog](["--help"]) == 0
    assert "verbs:" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("prog", "argv"),
    [
        ("glossary", ["lookup", "zzzqqq nothing like it", "--json", "--no-user-glossary"]),
        ("reader", ["library", "search", "zzzqqq", "--json"]),
        ("reader", ["concordance", "zzzqqq nothing like it", "--json"]),
        ("reader", ["people", "zzzqqq nothing like it", "--json"]),
    ],
)
def test_nothing_found_is_exit_1_and_never_a_silent_json_answer(
    prog: str, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code = COMMANDS[prog](argv)
    out = capsys.readouterr().out
    assert code == 1
    assert json.loads(out) == []


def test_glossary_check_reports_problems_as_json(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "mine.yaml"
    bad.write_text("- id: Not An Id\n  en: x\n  ko: 가\n", encoding="utf-8")
    assert glossary_main(["check", str(bad), "--json"]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert problems and all(set(p) == {"file", "line", "message"} for p in problems)
    assert all(p["line"] >= 1 for p in problems)
