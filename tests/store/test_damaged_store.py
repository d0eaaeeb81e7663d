"""A store damaged inside (pages overwritten, header intact): every verb and the app say so in one line, exit 2.

Before, ``reader import`` and ``reader study stats`` ended in a ``sqlite3.DatabaseError`` traceback (exit 1) and
``l`` in the app crashed; only a wholly invalid file got the one-line message.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import io
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_damage import READER, SEEDS, damage_the_middle, damaged_copy, first_page_where, make_real_store
from textual.pilot import WaitForScreenTimeout
from textual.widgets import Input

from reader.app.app import ReaderApp
from reader.app.screens.library import ImportPrompt, LibraryScreen
from reader.articles.load import load_article
from reader.articles.model import Article
from reader.commands.reader import main
from reader.context import ReaderContext
from reader.errors import StoreError
from reader.library.store import Library
from reader.paths import DEFAULT_ARTICLE, store_path
from reader.store.db import open_store

SEED = SEEDS / DEFAULT_ARTICLE.name


@pytest.fixture(scope="module")
def real_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store the real ``reader`` made: the seeds imported, the study tables created."""
    return make_real_store(tmp_path_factory.mktemp("made-by-reader"))


@pytest.fixture
def damaged_store(real_store: Path) -> Path:
    """The user's store (in this test's XDG dirs), damaged in the middle."""
    return damage_the_middle(real_store, store_path())


def assert_one_line_naming_the_store(err: str, store: Path) -> None:
    lines = [line for line in err.strip().splitlines() if not line.startswith("importing")]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"reader: {store}: not a usable database (database disk image is malformed); ")
    assert f"move it aside (e.g. mv '{store}' '{store}.bad')" in lines[0]


@pytest.mark.parametrize(
    "args",
    [
        ["import", str(SEEDS)],
        ["study", "stats"],
        ["study", "stats", "--json"],
        ["study", "leeches"],
        ["study"],
        ["study", "optimize"],
    ],
    ids=lambda args: " ".join(Path(arg).name for arg in args),
)
def test_every_store_verb_names_a_damaged_store_in_one_line(args, damaged_store: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("3\n"))
    assert main(args) == 2
    assert_one_line_naming_the_store(capsys.readouterr().err, damaged_store)


def test_study_export_says_so_and_writes_nothing(damaged_store: Path, tmp_path: Path, capsys) -> None:
    deck = tmp_path / "deck.apkg"
    assert main(["study", "export", "--output", str(deck)]) == 2
    assert_one_line_naming_the_store(capsys.readouterr().err, damaged_store)
    assert not deck.exists()


@pytest.mark.parametrize("args", [["translate", str(SEED)], ["--plain", str(SEED)]], ids=lambda args: args[0])
def test_translating_through_a_damaged_cache_says_so(args, damaged_store: Path, installed_echo_model, capsys) -> None:
    assert main(args) == 2
    assert_one_line_naming_the_store(capsys.readouterr().err, damaged_store)


def test_the_real_command_exits_2_without_a_traceback(damaged_store: Path) -> None:
    result = subprocess.run(
        [str(READER), "study", "stats"], env=dict(os.environ), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert_one_line_naming_the_store(result.stderr, damaged_store)


def test_an_unexpected_error_still_exits_non_zero_with_its_traceback(tmp_path: Path) -> None:
    # A bug (here: a connection used after it was closed) is not dressed up as a damaged store.
    code = (
        "import sys\n"
        "from reader.commands import study\n"
        "from reader.commands.reader import main\n"
        "def broken(args):\n"
        "    from reader.store.db import open_store\n"
        "    conn = open_store()\n"
        "    conn.close()\n"
        "    conn.execute('SELECT 1')\n"
        "study.run = broken\n"
        "sys.exit(main(['study', 'stats']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode not in (0, 2)
    assert "Traceback" in result.stderr and "Cannot operate on a closed database" in result.stderr


# -- the app -----------------------------------------------------------------------------------------------------


async def press_while_the_app_may_end(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Press ``keys``; return when Pilot has delivered them or the app has ended.

    Pilot waits for the screen to settle after a key, and a screen that ended the app never does.
    """
    pressing = asyncio.ensure_future(pilot.press(*keys))
    deadline = time.monotonic() + 20
    while not pressing.done() and pilot.app.return_code is None and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    if not pressing.done():
        pressing.cancel()
    with contextlib.suppress(asyncio.CancelledError, WaitForScreenTimeout):
        await pressing


async def run_until_exit(app: ReaderApp, *keys: str, typed: str = "") -> None:
    """Run the app; once the opened article is recorded, press ``keys`` (``typed`` goes into the import prompt);
    wait until the app ends by itself."""
    async with app.run_test(size=(120, 40)) as pilot:
        deadline = time.monotonic() + 40
        while app.return_code is None and not app.initial_article_recorded and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        for key in keys:
            if app.return_code is None:
                await press_while_the_app_may_end(pilot, key)
            if typed and app.return_code is None and isinstance(app.screen, ImportPrompt):
                app.screen.query_one("#import-path", Input).value = typed
                await press_while_the_app_may_end(pilot, "enter")
        while app.return_code is None and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
    assert app.return_code is not None, f"the app did not end: {[n.message for n in app._notifications]}"


def assert_app_ended_on(app: ReaderApp, store: Path) -> None:
    assert app.return_code == 2
    assert isinstance(app.fatal_error, StoreError)
    # SQLite's own words differ with the page (a damaged full-text index: "vtable constructor failed").
    assert str(app.fatal_error).startswith(f"{store}: not a usable database (")
    assert str(app.fatal_error).endswith(
        f"move it aside (e.g. mv '{store}' '{store}.bad') and the reader starts a new one"
    )


async def test_the_app_ends_with_the_line_when_it_meets_the_damage_at_start(damaged_store: Path) -> None:
    app = ReaderApp(load_article(SEED), context=ReaderContext())
    await run_until_exit(app)
    assert_app_ended_on(app, damaged_store)


@functools.cache
def seed_article() -> Article:
    return load_article(SEED)


def seed_on_screen(path: Path) -> None:
    """What the app does with the store before the first key: the seeds are there, the opened one is marked."""
    library = Library(open_store(path))
    assert library.count() > 0
    library_id, _added = library.add(seed_article(), {})
    library.mark_opened(library_id)


def list_the_library(path: Path) -> None:
    Library(open_store(path)).items("")


def install_damaged(template: Path, pages: list[int]) -> Path:
    """The user's store (in this test's XDG dirs): ``template`` with ``pages`` overwritten."""
    return damaged_copy(template, store_path(), pages)


async def test_l_on_a_damaged_library_ends_the_app_with_the_line(real_store: Path, tmp_path: Path) -> None:
    # A page the start does not read but the library list does: the app starts, then `l` meets the damage.
    page = first_page_where(real_store, tmp_path / "scratch.sqlite3", survives=[seed_on_screen], fails=list_the_library)
    store = install_damaged(real_store, [page])
    app = ReaderApp(load_article(SEED), context=ReaderContext())
    await run_until_exit(app, "l")
    assert_app_ended_on(app, store)


async def test_a_worker_meeting_the_damage_ends_the_app_with_the_line(real_store: Path, tmp_path: Path) -> None:
    article = tmp_path / "new-article.txt"
    article.write_text(
        "Talks Held\nPyongyang, January 2 (KCNA) -- Talks were held in Pyongyang on Thursday.\n", encoding="utf-8"
    )

    def import_the_article(path: Path) -> None:
        _id, added = Library(open_store(path)).add(load_article(article), {"kcna": 1})
        assert added

    page = first_page_where(
        real_store, tmp_path / "scratch.sqlite3", survives=[seed_on_screen, list_the_library], fails=import_the_article
    )
    store = install_damaged(real_store, [page])
    app = ReaderApp(load_article(SEED), context=ReaderContext())
    # Ctrl-O in the library imports in a thread worker; its error reaches the app through _worker_failed.
    await run_until_exit(app, "l", "ctrl+o", typed=str(article))
    assert_app_ended_on(app, store)


async def test_study_on_a_damaged_store_ends_the_app_with_the_line(real_store: Path, tmp_path: Path) -> None:
    scratch = tmp_path / "scratch.sqlite3"
    shared = ReaderContext(store_path=scratch)  # one glossary and matcher for every page tried

    def study(path: Path) -> None:
        context = shared.for_thread()  # its own connection, to the fresh copy
        try:
            context.study_session().next_card()
        finally:
            context.conn.close()

    page = first_page_where(real_store, scratch, survives=[seed_on_screen, list_the_library], fails=study)
    store = install_damaged(real_store, [page])
    app = ReaderApp(load_article(SEED), context=ReaderContext())
    await run_until_exit(app, "s")
    assert_app_ended_on(app, store)


async def test_a_bug_in_the_app_is_not_taken_for_a_damaged_store(damaged_store: Path, monkeypatch) -> None:
    def broken_mount(self: LibraryScreen) -> None:
        raise RuntimeError("a bug in the library screen")

    monkeypatch.setattr(LibraryScreen, "on_mount", broken_mount)
    healthy = damaged_store.with_name("healthy.sqlite3")
    app = ReaderApp(load_article(SEED), context=ReaderContext(store_path=healthy))
    with pytest.raises(RuntimeError, match="a bug in the library screen"):
        await run_until_exit(app, "l")
    assert app.return_code == 1 and app.fatal_error is None


def _tmux(socket: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True, timeout=20)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")
def test_the_real_app_prints_the_line_after_the_terminal_is_restored(damaged_store: Path, tmp_path: Path) -> None:
    socket = f"kcna-damaged-{os.getpid()}"
    names = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "ARGOS_PACKAGES_DIR")
    env = " ".join(f"{name}={shlex.quote(os.environ[name])}" for name in names)
    code_file = tmp_path / "exit-code"
    command = (
        f"env -u COLUMNS -u LINES {env} TERM=xterm-256color {shlex.quote(str(READER))} {shlex.quote(str(SEED))}; "
        f"echo $? > {shlex.quote(str(code_file))}; sleep 30"
    )
    assert _tmux(socket, "new-session", "-d", "-s", "reader", "-x", "120", "-y", "40", command).returncode == 0
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not code_file.exists():
            time.sleep(0.2)
        assert code_file.exists(), _tmux(socket, "capture-pane", "-p", "-t", "reader").stdout
        time.sleep(0.2)
        assert code_file.read_text().strip() == "2"
        screen = _tmux(socket, "capture-pane", "-p", "-J", "-t", "reader").stdout
        # The app's screen is gone (the terminal is restored) and the line is what is left.
        assert "Respected Comrade Kim Jong Un Receives" not in screen
        lines = [line for line in screen.splitlines() if line.strip()]
        assert len(lines) == 1, screen
        assert lines[0].startswith(f"reader: {damaged_store}: not a usable database")
    finally:
        _tmux(socket, "kill-server")
