"""``reader study`` as a user scripts it: ratings on stdin, stats, leeches, errors as one line."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
from pathlib import Path

import pytest
from cli_helpers import READER, cli_env, logged_ratings, reader, store_file

NOW = "2026-01-05T09:00:00+00:00"


@pytest.fixture
def env(tmp_path: Path, seeded_template: Path) -> dict[str, str]:
    return cli_env(tmp_path / "home", seeded_template)


def test_scripted_session_reads_one_rating_per_line_and_ends_at_eof(env, seed_top) -> None:
    result = reader(["study", "--now", NOW], env, stdin="3\ngood\nbanana\n1\nEasy\n")
    assert result.returncode == 0, result.stderr
    assert logged_ratings(env) == [3, 3, 1, 4]
    assert "'banana' is not a rating" in result.stderr
    assert "Reviewed 4 cards, 75% correct" in result.stdout
    # The seed article's most frequent term comes first, with its answer and the four intervals.
    assert f"Korean for:\n    {seed_top.en}\n  = {seed_top.ko}" in result.stdout
    assert "1 Again 1m   2 Hard 6m   3 Good 10m   4 Easy" in result.stdout
    assert "Traceback" not in result.stderr


def test_stats_json_and_leeches_after_a_session(env) -> None:
    before = json.loads(reader(["study", "stats", "--json", "--now", NOW], env).stdout)
    assert before["reviews_total"] == 0 and before["due_today"] == 0 and before["new_today"] > 3
    reader(["study", "--now", NOW], env, stdin="3\n3\n4\n")
    result = reader(["study", "stats", "--json", "--now", NOW], env)
    stats = json.loads(result.stdout)
    assert stats["reviews_total"] == 3
    assert stats["states"]["learning"] == 2 and stats["states"]["young"] == 1
    assert stats["due_today"] == 2  # the two learning cards come back today
    assert stats["new_today"] == before["new_today"] - 3
    assert len(stats["forecast"]) == 30 and stats["forecast"][0]["due"] == 2
    text = reader(["study", "stats", "--now", NOW], env).stdout
    assert "Reviews in all: 3." in text and "today    2 " in text
    assert "No leeches" in reader(["study", "leeches", "--now", NOW], env).stdout


def test_bad_requests_are_one_line_errors(env, tmp_path: Path) -> None:
    for args, message in [
        (["study", "--category", "sports"], "unknown category 'sports'"),
        (["study", "export", "--output", str(tmp_path / "nowhere" / "deck.apkg")], "its folder does not exist"),
        (["study", "export"], "export needs --output PATH"),
        (["study", "optimize"], "nothing to learn from yet"),
        (["study", "--now", "yesterday"], "is not an ISO date-time"),
    ]:
        result = reader(args, env)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_a_damaged_store_is_named_in_one_line(env) -> None:
    store_file(env).write_bytes(b"this is not sqlite" * 100)
    result = reader(["study", "stats"], env)
    assert result.returncode == 2
    assert str(store_file(env)) in result.stderr and "Traceback" not in result.stderr


def test_killing_the_session_loses_only_the_card_on_screen(env) -> None:
    process = subprocess.Popen(
        [str(READER), "study", "--now", NOW],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        bufsize=1,
    )
    assert process.stdin is not None and process.stdout is not None

    def wait_for_card() -> None:
        while True:
            line = process.stdout.readline()
            assert line, "the session ended early"
            if line.startswith("  1 Again"):
                return

    try:
        wait_for_card()
        for rating in ("3", "1", "4"):
            process.stdin.write(rating + "\n")
            process.stdin.flush()
            wait_for_card()  # the next card is on screen, so the answer before it was handled
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert logged_ratings(env) == [3, 1, 4]
    conn = sqlite3.connect(store_file(env))
    assert conn.execute("SELECT count(*) FROM study_cards").fetchone()[0] == 3
    conn.close()


def test_user_story_in_a_plain_terminal_study_today_and_find_the_due_card_tomorrow(env, seed_top) -> None:
    # Day 1: forget the first term once, know every other; more lines than cards are simply not read.
    day1 = reader(["study", "--now", NOW], env, stdin="again\n" + "3\n" * 200)
    assert day1.returncode == 0
    assert "Nothing more is due today." in day1.stdout
    ratings = logged_ratings(env)
    assert ratings.count(1) == 1 and len(ratings) > 30

    tomorrow = "2026-01-06T09:00:00+00:00"
    stats = json.loads(reader(["study", "stats", "--json", "--now", tomorrow], env).stdout)
    assert stats["due_today"] == 1 and stats["reviews_total"] == len(ratings)
    day2 = reader(["study", "--now", tomorrow], env, stdin="3\n")
    # Yesterday's forgotten term comes first; the other kind of card of each term met yesterday is new today.
    due = re.search(r"Due: (\d+) learning, (\d+) review, (\d+) new\.", day2.stdout)
    assert due is not None and due.groups()[:2] == ("0", "1") and int(due[3]) > 0
    assert f"[review · recognition] Korean for:\n    {seed_top.en}" in day2.stdout
    assert f"Still to do today: 0 learning, 0 review, {due[3]} new." in day2.stdout
    assert logged_ratings(env)[-1] == 3
