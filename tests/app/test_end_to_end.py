"""The real `reader` command in a real terminal (tmux): the seed article with the echo model, read off the screen."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

READER = Path(sys.executable).with_name("reader")


def _tmux(socket: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True, timeout=20)


def _wait_for_screen(socket: str, wanted: str, seconds: float = 30.0) -> str:
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux(socket, "capture-pane", "-p", "-t", "reader").stdout
        if wanted in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{wanted!r} never appeared; last screen:\n{screen}")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")
def test_reader_in_tmux_shows_the_seed_and_its_echo_translation(installed_echo_model: Path) -> None:
    socket = f"kcna-e2e-{os.getpid()}"
    names = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "ARGOS_PACKAGES_DIR")
    env = " ".join(f"{name}={shlex.quote(os.environ[name])}" for name in names)
    # COLUMNS/LINES inherited from the test runner would override the real terminal size.
    command = f"env -u COLUMNS -u LINES {env} TERM=xterm-256color {shlex.quote(str(READER))}"
    started = _tmux(socket, "new-session", "-d", "-s", "reader", "-x", "120", "-y", "40", command)
    assert started.returncode == 0, started.stderr
    try:
        screen = _wait_for_screen(socket, "NOT A TRANSLATION")  # the pane says what the echo model is
        screen = _wait_for_screen(socket, "⚑")  # the translation has arrived and been checked
        lines = screen.splitlines()
        assert any("Respected Comrade Kim Jong Un Receives Russian Foreign Minister" in line for line in lines[:3])
        right_half = "\n".join(line[60:] for line in lines)
        left_half = "\n".join(line[:60] for line in lines)
        # The echo model's "translation" equals the source, so the right pane reads like the left.
        assert "Kim Jong Un, general secretary of the Workers' Party of" in right_half
        assert "Kim Jong Un, general secretary of the Workers' Party of" in left_half
        _tmux(socket, "send-keys", "-t", "reader", "q")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _tmux(socket, "has-session", "-t", "reader").returncode == 0:
            time.sleep(0.2)
        assert _tmux(socket, "has-session", "-t", "reader").returncode != 0, "q did not quit the reader"
    finally:
        _tmux(socket, "kill-server")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")
def test_reader_in_tmux_shows_the_korean_seed_with_korean_on_the_left(installed_echo_model_ko_en: Path) -> None:
    from reader.paths import SEEDS_DIR

    seed = SEEDS_DIR / "2019-01-01-kim-jong-un-new-year-address-ko.txt"
    socket = f"kcna-e2e-ko-{os.getpid()}"
    names = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "ARGOS_PACKAGES_DIR")
    env = " ".join(f"{name}={shlex.quote(os.environ[name])}" for name in names)
    command = (
        f"env -u COLUMNS -u LINES {env} TERM=xterm-256color {shlex.quote(str(READER))} {shlex.quote(str(seed))}"
    )
    started = _tmux(socket, "new-session", "-d", "-s", "reader", "-x", "120", "-y", "40", command)
    assert started.returncode == 0, started.stderr
    try:
        screen = _wait_for_screen(socket, "NOT A TRANSLATION")
        assert "Korean · original" in screen and "English · " in screen  # the headers name the real direction
        # The echo model's "translation" of the opening salutation equals it: shown once in each pane.
        deadline = time.monotonic() + 30
        while screen.count("동포형제자매들!") < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            screen = _tmux(socket, "capture-pane", "-p", "-t", "reader").stdout
        assert screen.count("동포형제자매들!") >= 2, screen
        assert "reader models install" not in screen
        _tmux(socket, "send-keys", "-t", "reader", "q")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _tmux(socket, "has-session", "-t", "reader").returncode == 0:
            time.sleep(0.2)
        assert _tmux(socket, "has-session", "-t", "reader").returncode != 0, "q did not quit the reader"
    finally:
        _tmux(socket, "kill-server")
