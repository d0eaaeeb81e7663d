"""What is installed: each package folder in Argos Translate's packages dir, read from its ``metadata.json``."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from reader import paths
from reader.errors import InputError
from reader.models.package import display_name, metadata_problem, package_code

log = logging.getLogger(__name__)

#: Hidden work folders of installs and removals in progress (argostranslate skips files but not folders,
#: so these are short-lived, never listed, and swept by the next install).
WORK_PREFIX = ".reader-work-"


@dataclass(frozen=True)
class InstalledPackage:
    """A package folder in the packages dir, described by its ``metadata.json``."""

    code: str
    from_code: str
    to_code: str
    package_version: str
    name: str
    description: str
    path: Path
    size_bytes: int

    def to_json(self) -> dict[str, object]:
        return {**self.__dict__, "path": str(self.path)}


def _folder_size(folder: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            total += os.lstat(os.path.join(root, name)).st_size
    return total


def _description(metadata: dict[str, object], folder: Path) -> str:
    """The metadata's ``description`` when given, else the first line of prose in the package README."""
    described = metadata.get("description")
    if isinstance(described, str) and described.strip():
        return described.strip()[:200]
    try:
        text = (folder / "README.md").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200]
    return ""


def read_installed(folder: Path) -> InstalledPackage:
    """The package in ``folder``; ``InputError`` when its metadata is missing or unusable."""
    metadata_path = folder / "metadata.json"
    try:
        metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(folder, "no metadata.json") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(metadata_path, f"unreadable ({exc})") from None
    problem = metadata_problem(metadata)
    if problem:
        raise InputError(metadata_path, problem)
    return InstalledPackage(
        code=package_code(metadata),
        from_code=metadata["from_code"],
        to_code=metadata["to_code"],
        package_version=metadata.get("package_version", ""),
        name=display_name(metadata),
        description=_description(metadata, folder),
        path=folder,
        size_bytes=_folder_size(folder),
    )


def installed_packages() -> list[InstalledPackage]:
    """Every usable translation package in the packages dir, sorted by code.

    A folder without usable metadata is skipped with a logged warning: one broken package (say, a
    half-copied folder) must not hide the good ones.
    """
    packages_dir = paths.argos_packages_dir()
    if not packages_dir.is_dir():
        return []
    found = []
    for folder in sorted(packages_dir.iterdir()):
        if not folder.is_dir() or folder.name.startswith(WORK_PREFIX):
            continue
        try:
            found.append(read_installed(folder))
        except InputError as exc:
            log.warning("skipping model folder %s", exc)
    return sorted(found, key=lambda package: (package.code, package.package_version))
