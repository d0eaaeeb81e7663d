"""Small ``.argosmodel`` archives for the model-management tests: valid ones and deliberately bad ones.

They hold dummy bytes where a real package has a CTranslate2 model; the management code never loads
the model, so the layout and metadata are what matter. The real echo model covers translation.
"""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path


def metadata_for(from_code: str = "en", to_code: str = "ko", version: str = "1.0", **extra: object) -> dict:
    return {
        "package_version": version,
        "argos_version": "1.0",
        "from_code": from_code,
        "from_name": {"en": "English", "ko": "Korean"}.get(from_code, from_code),
        "to_code": to_code,
        "to_name": {"en": "English", "ko": "Korean"}.get(to_code, to_code),
        "code": f"translate-{from_code}_{to_code}",
        **extra,
    }


def package_files(metadata: dict | None = None, readme: str = "# Test package\n\nFor tests.\n") -> dict[str, bytes]:
    """The files of a minimal package folder, keyed by path inside the folder."""
    return {
        "metadata.json": json.dumps(metadata if metadata is not None else metadata_for()).encode(),
        "model/model.bin": b"\0" * 2048,
        "model/config.json": b"{}",
        "README.md": readme.encode(),
    }


def build_zip(path: Path, entries: dict[str, bytes], symlinks: dict[str, str] | None = None) -> Path:
    """Write ``entries`` (archive name -> bytes) and ``symlinks`` (archive name -> target) into a zip."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, target)
    return path


def build_package(
    path: Path, top: str = "translate-en_ko-1_0", metadata: dict | None = None, extra: dict[str, bytes] | None = None
) -> Path:
    """A valid package zip with one top folder (plus ``extra`` raw archive entries, for bad variants)."""
    entries = {f"{top}/{name}": data for name, data in package_files(metadata).items()}
    return build_zip(path, {**entries, **(extra or {})})
