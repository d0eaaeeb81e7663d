"""Installing from a file, listing, replacing, removing, and sharing the packages dir with argostranslate."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest
from model_zips import build_package, metadata_for

from reader import paths
from reader.commands.reader import main
from reader.errors import InputError, ReaderError
from reader.models import install as models


def _folders() -> list[str]:
    return sorted(p.name for p in paths.argos_packages_dir().iterdir() if p.is_dir())


def test_echo_package_installs_lists_with_size_and_argos_finds_it(
    echo_model_package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "install", "--file", str(echo_model_package)]) == 0
    assert "installed translate-en_ko 1.0" in capsys.readouterr().out

    assert main(["models", "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    folder = paths.argos_packages_dir() / "translate-en_ko-1_0"
    assert listed["code"] == "translate-en_ko" and listed["path"] == str(folder)
    assert (listed["from_code"], listed["to_code"], listed["package_version"]) == ("en", "ko", "1.0")
    assert listed["size_bytes"] == sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) > 1_000_000
    assert (folder / "model" / "model.bin").is_file() and (folder / "sentencepiece.model").is_file()

    # argostranslate reads its settings once at import, so it gets a fresh interpreter with this env.
    probe = (
        "import argostranslate.package as p; "
        "print([(x.code, x.from_code, x.to_code) for x in p.get_installed_packages()])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=dict(os.environ), check=True
    )
    assert result.stdout.strip() == "[('translate-en_ko', 'en', 'ko')]"


def test_text_list_shows_code_version_and_human_size(
    echo_model_package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "list"]) == 0
    assert "no translation models installed" in capsys.readouterr().out
    models.install_from_file(echo_model_package)
    assert main(["models", "list"]) == 0
    row = capsys.readouterr().out.splitlines()[1]
    assert row.startswith("translate-en_ko  1.0") and "English -> Korean" in row and " MB " in row


def test_newer_version_replaces_older_folder(tmp_path: Path) -> None:
    models.install_from_file(build_package(tmp_path / "old.argosmodel", top="translate-en_ko-1_0"))
    newer = build_package(tmp_path / "new.argosmodel", top="translate-en_ko-1_1", metadata=metadata_for(version="1.1"))
    progress: list[tuple[int, int | None]] = []

    installed = models.install_from_file(newer, lambda done, total: progress.append((done, total)))

    assert installed.package_version == "1.1"
    assert _folders() == ["translate-en_ko-1_1"]
    assert progress[0][0] == 0 and progress[-1][0] == progress[-1][1] > 0


def test_interrupted_install_keeps_the_old_version_and_leaves_no_work_folder(tmp_path: Path) -> None:
    models.install_from_file(build_package(tmp_path / "old.argosmodel"))
    newer = build_package(tmp_path / "new.argosmodel", top="translate-en_ko-1_1", metadata=metadata_for(version="1.1"))

    def interrupt_halfway(done: int, total: int | None) -> None:
        if done and total and done < total:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        models.install_from_file(newer, interrupt_halfway)

    assert [(p.code, p.package_version) for p in models.installed_packages()] == [("translate-en_ko", "1.0")]
    assert _folders() == ["translate-en_ko-1_0"]


def test_work_folder_left_by_a_killed_install_is_swept_by_the_next_one(tmp_path: Path) -> None:
    leftover = paths.argos_packages_dir() / f"{models.WORK_PREFIX}killed"
    (leftover / "translate-en_ko-1_0" / "model").mkdir(parents=True)
    assert models.installed_packages() == []  # never listed as a package, not even with a warning

    models.install_from_file(build_package(tmp_path / "p.argosmodel"))

    assert _folders() == ["translate-en_ko-1_0"]


def test_folder_of_another_package_is_not_overwritten(tmp_path: Path) -> None:
    models.install_from_file(build_package(tmp_path / "a.argosmodel", top="shared-name"))
    other = build_package(tmp_path / "b.argosmodel", top="shared-name", metadata=metadata_for("ko", "en"))
    with pytest.raises(InputError, match=r"would overwrite .*shared-name"):
        models.install_from_file(other)
    assert [p.code for p in models.installed_packages()] == ["translate-en_ko"]


def test_broken_metadata_is_skipped_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    models.install_from_file(build_package(tmp_path / "a.argosmodel"))
    models.install_from_file(
        build_package(tmp_path / "b.argosmodel", top="translate-ko_en-1_0", metadata=metadata_for("ko", "en"))
    )
    broken = paths.argos_packages_dir() / "translate-de_en-1_0"
    broken.mkdir()
    (broken / "metadata.json").write_text('{"from_code": "de", ')
    (paths.argos_packages_dir() / "half-copied").mkdir()

    with caplog.at_level(logging.WARNING):
        codes = [p.code for p in models.installed_packages()]

    assert codes == ["translate-en_ko", "translate-ko_en"]
    warned = " ".join(record.getMessage() for record in caplog.records)
    assert "translate-de_en-1_0/metadata.json" in warned and "half-copied: no metadata.json" in warned


@pytest.mark.parametrize("spelling", [["translate-en_ko"], ["en", "ko"], ["translate-en_ko-1_0"]])
def test_remove_by_code_pair_or_folder(spelling: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    models.install_from_file(build_package(tmp_path / "a.argosmodel"))
    models.install_from_file(
        build_package(tmp_path / "b.argosmodel", top="translate-ko_en-1_0", metadata=metadata_for("ko", "en"))
    )

    assert main(["models", "remove", *spelling]) == 0

    assert "removed translate-en_ko 1.0" in capsys.readouterr().out
    assert _folders() == ["translate-ko_en-1_0"]


def test_remove_unknown_model_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    models.install_from_file(build_package(tmp_path / "a.argosmodel"))
    assert main(["models", "remove", "translate-de_en"]) == 2
    err = capsys.readouterr().err
    assert err == "reader: no installed model matches 'translate-de_en' (installed: translate-en_ko)\n"
    models.remove("en ko")
    with pytest.raises(ReaderError, match="installed: none"):
        models.remove("en ko")


def test_install_needs_a_pair_or_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "install", "en"]) == 2
    assert "give a language pair" in capsys.readouterr().err
    assert not paths.argos_packages_dir().exists()


def test_concurrent_installs_are_serialised(tmp_path: Path) -> None:
    archives = [
        build_package(
            tmp_path / f"v{minor}.argosmodel",
            top=f"translate-en_ko-1_{minor}",
            metadata=metadata_for(version=f"1.{minor}"),
        )
        for minor in range(4)
    ]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(models.install_from_file, archives * 2))

    assert len(results) == 8
    (survivor,) = models.installed_packages()
    assert _folders() == [survivor.path.name]  # exactly one version, no work folders


def test_install_and_remove_drop_argostranslates_cached_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cleared: list[str] = []
    loaded_translate = SimpleNamespace(
        get_installed_languages=SimpleNamespace(cache_clear=lambda: cleared.append("languages")),
        installed_translates={"en-ko": object()},
    )
    monkeypatch.setitem(sys.modules, "argostranslate.translate", loaded_translate)

    models.install_from_file(build_package(tmp_path / "p.argosmodel"))
    assert cleared == ["languages"] and loaded_translate.installed_translates == {}
    loaded_translate.installed_translates["en-ko"] = object()
    models.remove("translate-en_ko")
    assert cleared == ["languages", "languages"] and loaded_translate.installed_translates == {}


def test_without_argos_packages_dir_the_xdg_data_home_dir_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    installed = models.install_from_file(build_package(tmp_path / "p.argosmodel"))
    expected = Path(os.environ["XDG_DATA_HOME"]) / "argos-translate" / "packages" / "translate-en_ko-1_0"
    assert installed.path == expected and (expected / "metadata.json").is_file()
    assert [p.path for p in models.installed_packages()] == [expected]
