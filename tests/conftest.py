"""Suite-wide guards: no network, and every test in its own XDG dirs so nothing touches the user's files."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "kcna-en-2024-dev.jsonl"
SEED = REPO / "seeds" / "2023-10-20-kim-jong-un-receives-lavrov.txt"

_LOOPBACK_HOSTS = {"127.0.0.1", "::1", "localhost"}
_real_connect = socket.socket.connect
_real_create_connection = socket.create_connection


def _is_loopback(address: object) -> bool:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        return host in _LOOPBACK_HOSTS or host.startswith("127.")
    # Unix domain sockets (str/bytes paths) stay on this machine.
    return isinstance(address, (str, bytes))


class NetworkBlocked(RuntimeError):
    pass


def _guarded_connect(self: socket.socket, address: object) -> object:
    if not _is_loopback(address):
        raise NetworkBlocked(f"test tried to connect to {address!r}; the suite stays off the network")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def socket_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that opens a connection to anything but loopback."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every XDG dir and Argos's package dir at a fresh temporary home."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        path = home / name.lower()
        path.mkdir()
        monkeypatch.setenv(name, str(path))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(home / "xdg_data_home" / "argos-translate" / "packages"))
    # An unreachable index, so a test that forgets to serve one fails fast instead of reaching out.
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    return home


@pytest.fixture(scope="session")
def echo_model_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real en->ko ``.argosmodel`` whose translation equals its input, built offline once per worker."""
    out_dir = tmp_path_factory.mktemp("echo-model")
    result = subprocess.run(
        [sys.executable, str(REPO / "tests" / "fixtures" / "echo_model.py"), str(out_dir)],
        check=True,
        capture_output=True,
        text=True,
    )
    return Path(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def corpus_path() -> Path:
    if not CORPUS.exists():
        pytest.skip(f"dev corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture
def installed_echo_model(echo_model_package: Path) -> Path:
    """The echo model unpacked into this test's own ``ARGOS_PACKAGES_DIR``, as Argos installs it (plain unzip)."""
    import os
    import zipfile

    packages_dir = Path(os.environ["ARGOS_PACKAGES_DIR"])
    packages_dir.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(echo_model_package) as archive:
        archive.extractall(packages_dir)
        top = archive.namelist()[0].split("/")[0]
    return packages_dir / top


@pytest.fixture
def installed_echo_model_ko_en(echo_model_package: Path) -> Path:
    """The echo model installed as a ko->en package: the same weights, its metadata naming the other direction."""
    import json
    import os
    import zipfile

    packages_dir = Path(os.environ["ARGOS_PACKAGES_DIR"])
    target = packages_dir / "translate-ko_en-1_0"
    target.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(echo_model_package) as archive:
        top = archive.namelist()[0].split("/")[0]
        for member in archive.infolist():
            relative = member.filename[len(top) + 1 :]
            if not relative or member.is_dir():
                continue
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(archive.read(member))
    metadata_path = target / "metadata.json"
    metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
    metadata.update(
        from_code="ko", from_name="Korean", to_code="en", to_name="English", code="translate-ko_en"
    )
    metadata_path.write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")
    return target
