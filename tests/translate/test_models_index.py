"""Installing from the Argos index, served offline by a local http.server."""

from __future__ import annotations

import io
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from index_server import IndexServer, running_index_server
from model_zips import build_package, metadata_for

from reader import paths
from reader.commands.reader import main
from reader.errors import ReaderError
from reader.models import install as models
from reader.models.index import FILE_INSTALL_HINT
from reader.progress import human_size


@pytest.fixture
def index_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[IndexServer]:
    with running_index_server() as server:
        monkeypatch.setenv("ARGOS_PACKAGE_INDEX", server.index_setting)
        yield server


def _entry(server: IndexServer, archive: Path, version: str = "1.0", **fields: object) -> dict:
    link = server.serve(f"/v1/{archive.name}", archive.read_bytes())
    return {**metadata_for(version=version), "links": ["ipfs://Qm-not-fetchable", link], **fields}


def _nothing_left_behind() -> None:
    packages_dir = paths.argos_packages_dir()
    assert not packages_dir.exists() or [p.name for p in packages_dir.iterdir()] == [".reader-models.lock"]
    assert not paths.cache_dir().exists() or list(paths.cache_dir().iterdir()) == []


def test_install_pair_end_to_end_then_list(
    index_server: IndexServer, echo_model_package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index_server.serve_index([_entry(index_server, echo_model_package)])
    size = echo_model_package.stat().st_size

    assert main(["models", "install", "en", "ko"]) == 0

    out, err = capsys.readouterr()
    assert "installed translate-en_ko 1.0 (English -> Korean" in out
    # stderr is not a terminal here: at most one plain line per 10% step (64 KiB reads, so some steps are skipped).
    percents = [int(line.split(": ")[1].split("%")[0]) for line in err.splitlines()]
    assert percents[0] == 0 and percents[-1] == 100
    assert percents == sorted(set(percents)) and all(p % 10 == 0 for p in percents)
    assert err.splitlines()[-1] == f"downloading en->ko: 100% ({human_size(size)} of {human_size(size)})"
    assert index_server.requests == ["/index.json", f"/v1/{echo_model_package.name}"]
    assert all(agent.startswith("kcna-reader") for agent in index_server.user_agents)
    assert main(["models", "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["code"], listed["package_version"]) == ("translate-en_ko", "1.0")
    assert list(paths.cache_dir().iterdir()) == []  # the download was deleted after installing


def test_download_cut_off_halfway_installs_nothing(
    index_server: IndexServer, echo_model_package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = echo_model_package.read_bytes()
    link = index_server.serve("/v1/cut.argosmodel", body, cut_after=len(body) // 2)
    index_server.serve_index([{**metadata_for(), "links": [link]}])

    assert main(["models", "install", "en", "ko"]) == 2

    err_lines = capsys.readouterr().err.splitlines()
    assert err_lines[-1] == (
        f"reader: download of {link} was cut off after {len(body) // 2:,} of {len(body):,} bytes; {FILE_INSTALL_HINT}"
    )
    assert models.installed_packages() == []
    _nothing_left_behind()


def test_newest_version_is_chosen_and_replaces_the_installed_one(index_server: IndexServer, tmp_path: Path) -> None:
    old = build_package(tmp_path / "translate-en_ko-1_0.argosmodel")
    new = build_package(
        tmp_path / "translate-en_ko-1_10.argosmodel", top="translate-en_ko-1_10", metadata=metadata_for(version="1.10")
    )
    other = build_package(tmp_path / "translate-ko_en-1_0.argosmodel", metadata=metadata_for("ko", "en"))
    index_server.serve_index(
        [
            _entry(index_server, new, "1.10"),
            _entry(index_server, old, "1.9"),
            {**_entry(index_server, other), "from_code": "ko", "to_code": "en"},
        ]
    )
    models.install_from_file(old)

    installed = models.install_from_index("en", "ko")

    assert (installed.package_version, installed.path.name) == ("1.10", "translate-en_ko-1_10")
    assert [p.package_version for p in models.installed_packages()] == ["1.10"]


def test_index_entry_pointing_at_a_bad_archive_names_the_link(index_server: IndexServer) -> None:
    link = index_server.serve("/v1/html.argosmodel", b"<html>not found</html>")
    index_server.serve_index([{**metadata_for(), "links": [link]}])
    with pytest.raises(ReaderError) as raised:
        models.install_from_index("en", "ko")
    assert str(raised.value) == f"{link}: not a zip archive"
    _nothing_left_behind()


def test_zip_bomb_from_the_index_is_refused_and_its_download_deleted(index_server: IndexServer, tmp_path: Path) -> None:
    bomb = build_package(tmp_path / "bomb.argosmodel", extra={"translate-en_ko-1_0/model/zeros.bin": b"\0" * 20_000_000})
    link = index_server.serve("/v1/bomb.argosmodel", bomb.read_bytes())
    index_server.serve_index([{**metadata_for(), "links": [link]}])
    with pytest.raises(ReaderError, match="a zip bomb, not a model") as raised:
        models.install_from_index("en", "ko")
    assert str(raised.value).startswith(f"{link}: ")
    _nothing_left_behind()


def test_pair_missing_from_index_lists_what_is_offered(index_server: IndexServer, capsys) -> None:
    index_server.serve_index([{**metadata_for("ko", "en"), "links": []}, {"junk": True}, "not an entry"])
    assert main(["models", "install", "en", "de"]) == 2
    assert capsys.readouterr().err == (
        f"reader: the model index {index_server.base_url}/index.json has no en->de package (it offers: ko en); "
        f"{FILE_INSTALL_HINT}\n"
    )


@pytest.mark.parametrize(
    ("route", "body", "status", "problem"),
    [
        ("/other.json", b"[]", 200, "HTTP 404"),
        ("/index.json", b"{oops", 200, "is not valid JSON"),
        ("/index.json", b'{"a": 1}', 200, "is not a JSON list"),
        ("/index.json", b"[]", 500, "HTTP 500"),
    ],
)
def test_index_problems_are_one_line_naming_the_url(
    index_server: IndexServer, route: str, body: bytes, status: int, problem: str, capsys
) -> None:
    index_server.serve(route, body, status=status)
    assert main(["models", "available"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{index_server.base_url}/index.json" in err and problem in err


def test_offline_install_names_the_install_from_file_way_out(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A host name that cannot resolve: what "offline" looks like ([Errno -2] or -3), without touching the network.
    import socket

    def no_dns(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "https://index.invalid/")
    assert main(["models", "install", "en", "ko"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("reader: cannot fetch the model index https://index.invalid/index.json: ")
    assert err.rstrip().endswith("reader models install --file PATH")
    _nothing_left_behind()


@pytest.mark.parametrize("status", [404, 500])
def test_index_failures_name_the_install_from_file_way_out(
    index_server: IndexServer, status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    index_server.serve("/index.json", b"[]", status=status)
    assert main(["models", "install", "en", "ko"]) == 2
    err = capsys.readouterr().err
    assert f"HTTP {status}" in err and err.rstrip().endswith("reader models install --file PATH")


def test_unreachable_index_fails_fast_with_the_url(capsys: pytest.CaptureFixture[str]) -> None:
    # conftest points ARGOS_PACKAGE_INDEX at the closed port 127.0.0.1:9.
    assert main(["models", "install", "en", "ko"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: cannot fetch the model index http://127.0.0.1:9/index.json: ")
    assert err.count("\n") == 1
    _nothing_left_behind()


def test_file_index_and_available_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, echo_model_package
) -> None:
    (tmp_path / "index.json").write_text(
        json.dumps(
            [
                {**metadata_for(), "links": [echo_model_package.as_uri()]},
                {**metadata_for("ko", "en"), "links": ["https://example.invalid/ko_en.argosmodel"]},
            ]
        )
    )
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", tmp_path.as_uri() + "/")
    models.install_from_index("en", "ko")

    assert main(["models", "available", "--json"]) == 0

    offered = {row["code"]: row["installed_version"] for row in json.loads(capsys.readouterr().out)}
    assert offered == {"translate-en_ko": "1.0", "translate-ko_en": None}


def test_missing_trailing_slash_gets_a_hint(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", tmp_path.as_uri())
    with pytest.raises(ReaderError, match="should end with '/'"):
        models.fetch_index()


def test_up_to_date_model_is_not_downloaded_again_unless_reinstall(
    index_server: IndexServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = build_package(tmp_path / "translate-en_ko-1_0.argosmodel")
    index_server.serve_index([_entry(index_server, archive)])
    models.install_from_file(archive)

    assert main(["models", "install", "en", "ko"]) == 0
    assert "already installed and is the newest" in capsys.readouterr().out
    assert index_server.requests == ["/index.json"]

    assert main(["models", "install", "en", "ko", "--reinstall"]) == 0
    assert capsys.readouterr().out.startswith("installed translate-en_ko 1.0")
    assert index_server.requests[-1] == f"/v1/{archive.name}"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_terminal_gets_a_live_bar_with_byte_counts(
    index_server: IndexServer, echo_model_package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_server.serve_index([_entry(index_server, echo_model_package)])
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)

    assert main(["models", "install", "en", "ko"]) == 0

    drawn = terminal.getvalue()
    size = human_size(echo_model_package.stat().st_size).split()[0]
    assert "downloading en->ko" in drawn and f"{size}/{size} kB" in drawn
    assert "\r" in drawn and "100% (" not in drawn  # redrawn in place, not the plain per-10% lines


def test_download_left_by_a_killed_install_is_swept_after_a_day(index_server: IndexServer, tmp_path: Path) -> None:
    archive = build_package(tmp_path / "translate-en_ko-1_0.argosmodel")
    index_server.serve_index([_entry(index_server, archive)])
    paths.cache_dir().mkdir(parents=True)
    stale = paths.cache_dir() / "download-killed.argosmodel.part"
    recent = paths.cache_dir() / "download-running.argosmodel.part"
    for leftover in (stale, recent):
        leftover.write_bytes(b"PK partial")
    os.utime(stale, (time.time() - 2 * 24 * 3600,) * 2)

    models.install_from_index("en", "ko")

    assert sorted(paths.cache_dir().iterdir()) == [recent]  # a download in progress elsewhere is left alone
