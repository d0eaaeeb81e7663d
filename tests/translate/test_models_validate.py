"""Bad packages are refused with exit 2 and one line naming the file, before anything is written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from model_zips import build_package, build_zip, metadata_for, package_files

from reader import paths
from reader.commands.reader import main
from reader.errors import InputError
from reader.models.install import install_from_file, installed_packages, validate_package
from reader.models.package import MAX_UNPACKED_BYTES

TOP = "translate-en_ko-1_0"


def _tree(root: Path) -> dict[str, tuple[bool, int, int]]:
    """Every path under ``root`` with (is_dir, size, mtime_ns), to prove a refused install wrote nothing."""
    if not root.exists():
        return {}
    snapshot = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            full = Path(dirpath) / name
            info = full.lstat()
            snapshot[str(full.relative_to(root))] = (full.is_dir(), info.st_size, info.st_mtime_ns)
    return snapshot


def _bad_archives(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name -> (archive, words the error must contain)."""
    good = {f"{TOP}/{name}": data for name, data in package_files().items()}
    not_zip = tmp / "notes.argosmodel"
    not_zip.write_text("this is not a zip archive\n")
    folder = tmp / "a-folder.argosmodel"
    folder.mkdir()
    return {
        "dot-dot": (build_zip(tmp / "dotdot.argosmodel", {**good, f"{TOP}/../evil": b"x"}), "'..'"),
        "leading-dot-dot": (build_zip(tmp / "lead.argosmodel", {**good, "../evil": b"x"}), "'..'"),
        "absolute": (build_zip(tmp / "abs.argosmodel", {**good, "/tmp/evil-absolute": b"x"}), "absolute path"),
        "symlink": (
            build_zip(tmp / "link.argosmodel", good, symlinks={f"{TOP}/model/link": "/etc/passwd"}),
            "symbolic link",
        ),
        "no-top-folder": (build_zip(tmp / "flat.argosmodel", package_files()), "outside a top-level folder"),
        "two-top-folders": (
            build_zip(tmp / "two.argosmodel", {**good, "other/model/x": b"x"}),
            "one top-level folder, found 2",
        ),
        "no-metadata": (
            build_zip(tmp / "nometa.argosmodel", {k: v for k, v in good.items() if not k.endswith("metadata.json")}),
            "no metadata.json",
        ),
        "no-model": (
            build_zip(tmp / "nomodel.argosmodel", {k: v for k, v in good.items() if "/model/" not in k}),
            "no model/ folder",
        ),
        "bad-json": (
            build_zip(tmp / "badjson.argosmodel", {**good, f"{TOP}/metadata.json": b"{not json"}),
            "not valid JSON",
        ),
        "not-translate": (
            build_package(tmp / "sbd.argosmodel", metadata=metadata_for(type="sbd")),
            "not a translation model",
        ),
        "no-to-code": (build_package(tmp / "noto.argosmodel", metadata={"from_code": "en"}), "to_code"),
        "empty-zip": (build_zip(tmp / "empty.argosmodel", {}), "empty zip"),
        "not-a-zip": (not_zip, "not a zip archive"),
        "directory": (folder, "is a directory"),
        "missing": (tmp / "nowhere.argosmodel", "no such file"),
    }


BAD_CASES = [
    "dot-dot",
    "leading-dot-dot",
    "absolute",
    "symlink",
    "no-top-folder",
    "two-top-folders",
    "no-metadata",
    "no-model",
    "bad-json",
    "not-translate",
    "no-to-code",
    "empty-zip",
    "not-a-zip",
    "directory",
    "missing",
]


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_package_is_refused_with_one_line_and_nothing_written(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], echo_model_package: Path
) -> None:
    # A good model is already installed, so "unchanged" covers an existing packages dir too.
    assert main(["models", "install", "--file", str(echo_model_package)]) == 0
    archive, expected = _bad_archives(tmp_path)[case]
    argos_dir = paths.argos_packages_dir().parent
    before = _tree(argos_dir)
    capsys.readouterr()

    code = main(["models", "install", "--file", str(archive)])

    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(archive) in err and expected in err
    assert _tree(argos_dir) == before
    assert not (argos_dir / "evil").exists() and not Path("/tmp/evil-absolute").exists()
    assert [package.code for package in installed_packages()] == ["translate-en_ko"]


def test_valid_package_reads_codes_version_and_folder(tmp_path: Path) -> None:
    archive = build_package(tmp_path / "p.argosmodel", top="translate-en_ko-2_1", metadata=metadata_for(version="2.1"))
    info = validate_package(archive)
    assert (info.code, info.from_code, info.to_code) == ("translate-en_ko", "en", "ko")
    assert (info.top_folder, info.package_version, info.name) == ("translate-en_ko-2_1", "2.1", "English -> Korean")


def test_missing_type_and_code_default_as_argos_does(tmp_path: Path) -> None:
    metadata = {"package_version": "1.0", "from_code": "en", "to_code": "ko"}
    info = validate_package(build_package(tmp_path / "p.argosmodel", metadata=metadata))
    assert info.code == "translate-en_ko"
    assert info.name == "en -> ko"


def test_damaged_member_data_is_refused_and_cleaned_up(tmp_path: Path) -> None:
    archive = build_package(tmp_path / "p.argosmodel")
    data = bytearray(archive.read_bytes())
    # model.bin is 2048 zero bytes: flip bytes inside its compressed data so only extraction can notice.
    offset = data.index(b"model/model.bin") + len(b"model/model.bin") + 4
    data[offset : offset + 4] = b"\xff\xff\xff\xff"
    archive.write_bytes(bytes(data))

    with pytest.raises(InputError) as raised:
        install_from_file(archive)

    assert "damaged zip archive" in str(raised.value) and str(archive) in str(raised.value)
    assert installed_packages() == []
    assert [p.name for p in paths.argos_packages_dir().iterdir()] == [".reader-models.lock"]


# -- zip bombs: refused from the directory alone, nothing written --------------------------------------------


def _declare_size(archive: Path, member: str, declared: int) -> None:
    """Rewrite the uncompressed size the zip's central directory declares for ``member`` (the bytes stay small)."""
    data = bytearray(archive.read_bytes())
    name = member.encode()
    position = data.find(b"PK\x01\x02")
    while position != -1:
        name_length = int.from_bytes(data[position + 28 : position + 30], "little")
        if data[position + 46 : position + 46 + name_length] == name:
            data[position + 24 : position + 28] = declared.to_bytes(4, "little")
            archive.write_bytes(bytes(data))
            return
        position = data.find(b"PK\x01\x02", position + 4)
    raise AssertionError(f"{member} not in the central directory")


def _nothing_installed() -> None:
    packages_dir = paths.argos_packages_dir()
    assert not packages_dir.exists() or [p.name for p in packages_dir.iterdir()] == [".reader-models.lock"]


def test_zip_bomb_declaring_gigabytes_is_refused_with_nothing_written(tmp_path: Path) -> None:
    archive = build_package(tmp_path / "bomb.argosmodel")
    _declare_size(archive, f"{TOP}/model/model.bin", 0xF000_0000)  # 3.75 GiB from a 1 KB file
    assert archive.stat().st_size < 2048
    with pytest.raises(InputError, match=r"unpacks to 4,026,\d{3},\d{3} bytes, over the 2,147,483,648-byte limit"):
        install_from_file(archive)
    _nothing_installed()


def test_absurd_compression_ratio_is_refused_as_a_zip_bomb(tmp_path: Path) -> None:
    # 20 MB of zeros stores as about 20 KB: a ratio near 1,000, where real model weights manage 1x to 10x.
    zeros = {f"{TOP}/model/zeros.bin": b"\0" * 20_000_000}
    archive = build_package(tmp_path / "zeros.argosmodel", extra=zeros)
    with pytest.raises(InputError) as raised:
        install_from_file(archive)
    assert f"'{TOP}/model/zeros.bin' would unpack" in str(raised.value)
    assert "a zip bomb, not a model" in str(raised.value)
    assert main(["models", "install", "--file", str(archive)]) == 2
    _nothing_installed()


def test_the_echo_model_is_well_within_the_size_and_ratio_limits(echo_model_package: Path) -> None:
    info = validate_package(echo_model_package)
    assert info.uncompressed_bytes < MAX_UNPACKED_BYTES
