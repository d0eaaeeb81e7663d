"""Checking an ``.argosmodel`` archive before any of it touches the disk.

An Argos Translate package is a zip holding exactly one folder (``translate-en_ko-1_1/``) with
``metadata.json`` and a CTranslate2 ``model/`` inside. ``argostranslate`` itself just runs
``extractall`` into the packages dir, so a zip with files at the top level litters the packages dir
and then breaks every later package listing. Here every entry is checked first, from the zip's
central directory alone, so a bad archive is rejected without writing a byte.
"""

from __future__ import annotations

import json
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from reader.errors import InputError

#: metadata.json is a few hundred bytes; a larger one is not a package's metadata.
MAX_METADATA_BYTES = 1 << 20
#: The most a package may unpack to. Argos's largest translation packages unpack to well under 1 GB (en->ko:
#: about 130 MB); anything bigger is a mistake or a zip bomb that would fill the disk.
MAX_UNPACKED_BYTES = 2 << 30
#: Model weights are nearly incompressible (int8 or float: 1x to 10x; the echo model's mostly-zero weights 8.3x)
#: and text files 2x to 5x. Deflate tops out near 1,000x, which only long runs of one byte reach: a zip bomb.
MAX_COMPRESSION_RATIO = 100
#: Entries smaller than this are not held to the ratio (a tiny file of spaces compresses well and harms nobody).
RATIO_CHECK_FROM_BYTES = 1 << 20
#: Language codes become parts of folder names and lookups: letters, digits, ``-`` and ``_`` only.
_CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
_PACKAGE_CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")
_SUPPORTED_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}


@dataclass(frozen=True)
class PackageInfo:
    """What a valid package archive holds, read without extracting it."""

    archive: Path
    top_folder: str
    code: str
    from_code: str
    to_code: str
    package_version: str
    name: str
    uncompressed_bytes: int
    members: tuple[zipfile.ZipInfo, ...]


def package_code(metadata: dict[str, object]) -> str:
    """The package's code, as Argos names it: the ``code`` field, else ``type-from_to``.

    Example: ``{"from_code": "en", "to_code": "ko"}`` -> ``"translate-en_ko"``.
    """
    code = metadata.get("code")
    if isinstance(code, str) and code:
        return code
    return f"{metadata.get('type', 'translate')}-{metadata.get('from_code')}_{metadata.get('to_code')}"


def display_name(metadata: dict[str, object]) -> str:
    """``English -> Korean`` when the names are given, else ``en -> ko``."""
    from_name, to_name = metadata.get("from_name"), metadata.get("to_name")
    if isinstance(from_name, str) and from_name and isinstance(to_name, str) and to_name:
        return f"{from_name} -> {to_name}"
    return f"{metadata.get('from_code')} -> {metadata.get('to_code')}"


def metadata_problem(metadata: object) -> str | None:
    """Why parsed ``metadata.json`` content is not a translation package's, or None when it is."""
    if not isinstance(metadata, dict):
        return "metadata.json is not a JSON object"
    package_type = metadata.get("type", "translate")  # Argos's default when the field is absent
    if package_type != "translate":
        return f"package type {package_type!r} is not a translation model"
    for field in ("from_code", "to_code"):
        value = metadata.get(field)
        if not isinstance(value, str) or not _CODE_PATTERN.match(value):
            return f"metadata.json has no usable {field} (got {value!r})"
    code = metadata.get("code")
    if code is not None and (not isinstance(code, str) or not _PACKAGE_CODE_PATTERN.match(code)):
        return f"metadata.json has an unusable code {code!r}"
    version = metadata.get("package_version", "")
    if not isinstance(version, str):
        return f"metadata.json has a non-text package_version {version!r}"
    return None


def _entry_parts(info: zipfile.ZipInfo, archive: Path) -> list[str]:
    """The entry's path components, after refusing anything that could land outside the target folder."""
    name = info.filename
    if name.startswith(("/", "\\")) or _WINDOWS_DRIVE.match(name):
        raise InputError(archive, f"unsafe absolute path in archive: {name!r}")
    if "\\" in name:
        raise InputError(archive, f"unsafe backslash path in archive: {name!r}")
    parts = [part for part in name.split("/") if part not in ("", ".")]
    if ".." in parts:
        raise InputError(archive, f"unsafe '..' path in archive: {name!r}")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise InputError(archive, f"symbolic link in archive: {name!r}")
    if info.flag_bits & 0x1:
        raise InputError(archive, f"encrypted entry in archive: {name!r}")
    if info.compress_type not in _SUPPORTED_COMPRESSION:
        raise InputError(archive, f"unsupported compression (method {info.compress_type}) for {name!r}")
    return parts


def _single_top_folder(members: list[tuple[zipfile.ZipInfo, list[str]]], archive: Path) -> str:
    top_folders: set[str] = set()
    for info, parts in members:
        if len(parts) == 1 and not info.is_dir():
            raise InputError(archive, f"file {info.filename!r} sits outside a top-level folder; not an Argos package")
        top_folders.add(parts[0])
    if len(top_folders) != 1:
        listed = ", ".join(sorted(top_folders)[:5])
        raise InputError(archive, f"expected one top-level folder, found {len(top_folders)} ({listed})")
    (top,) = top_folders
    if top.startswith("."):
        raise InputError(archive, f"top-level folder {top!r} is hidden; not an Argos package")
    return top


def _read_metadata(zf: zipfile.ZipFile, entry: zipfile.ZipInfo | None, archive: Path, top: str) -> dict:
    if entry is None:
        raise InputError(archive, f"no metadata.json in {top}/")
    if entry.file_size > MAX_METADATA_BYTES:
        raise InputError(archive, f"metadata.json is {entry.file_size:,} bytes; too large to be package metadata")
    try:
        metadata = json.loads(zf.read(entry).decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(archive, "metadata.json is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputError(archive, f"metadata.json is not valid JSON ({exc.msg}, line {exc.lineno})") from None
    problem = metadata_problem(metadata)
    if problem:
        raise InputError(archive, problem)
    return metadata


def _check_unpacked_size(infos: list[zipfile.ZipInfo], archive: Path) -> None:
    """Refuse a zip bomb from its directory alone: too much unpacked in all, or an absurd compression ratio.

    The sizes checked are the ones the directory declares; extraction never writes more than those (zipfile
    stops each entry at its declared size), so nothing bigger can get past this. Example: 1.2 MB of zip that
    declares 1.1 GB of ``model.bin`` is a ratio of about 900 and is refused before a byte is written.
    """
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED_BYTES:
        raise InputError(
            archive, f"unpacks to {total:,} bytes, over the {MAX_UNPACKED_BYTES:,}-byte limit for a model package"
        )
    for info in infos:
        if info.file_size >= RATIO_CHECK_FROM_BYTES and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            raise InputError(
                archive,
                f"{info.filename!r} would unpack {ratio:,.0f} times larger than it is stored (limit "
                f"{MAX_COMPRESSION_RATIO}x); a zip bomb, not a model",
            )


def validate_package(path: Path | str) -> PackageInfo:
    """Check that ``path`` is an installable Argos translation package, reading only the zip's directory.

    Raises ``InputError`` naming the file and the first problem found: not a file, not a zip archive,
    an absolute, ``..``, backslash or symlink entry, not exactly one top-level folder, no
    ``metadata.json`` or ``model/`` in it, or metadata that is not a translation package's.
    """
    archive = Path(path)
    if archive.is_dir():
        raise InputError(archive, "is a directory, not an .argosmodel package file")
    if not archive.is_file():
        raise InputError(archive, "no such file")
    try:
        with zipfile.ZipFile(archive) as zf:
            return _validate_open_archive(zf, archive)
    except zipfile.BadZipFile as exc:
        # ZipFile raises this both for non-zips and for damaged ones (bad CRC in metadata.json).
        detail = str(exc)
        problem = "not a zip archive" if "zip file" in detail.lower() else f"damaged zip archive ({detail})"
        raise InputError(archive, problem) from None
    except OSError as exc:
        raise InputError(archive, f"cannot read: {exc.strerror or exc}") from None


def _validate_open_archive(zf: zipfile.ZipFile, archive: Path) -> PackageInfo:
    infos = zf.infolist()
    members = [(info, parts) for info in infos if (parts := _entry_parts(info, archive))]
    if not members:
        raise InputError(archive, "empty zip archive; not an Argos package")
    top = _single_top_folder(members, archive)
    metadata_entry = next((info for info, parts in members if parts == [top, "metadata.json"]), None)
    metadata = _read_metadata(zf, metadata_entry, archive, top)
    if not any(
        len(parts) >= 2 and parts[1] == "model" and (len(parts) > 2 or info.is_dir()) for info, parts in members
    ):
        raise InputError(archive, f"no model/ folder in {top}/; not a translation package")
    _check_unpacked_size(infos, archive)
    return PackageInfo(
        archive=archive,
        top_folder=top,
        code=package_code(metadata),
        from_code=metadata["from_code"],
        to_code=metadata["to_code"],
        package_version=metadata.get("package_version", ""),
        name=display_name(metadata),
        uncompressed_bytes=sum(info.file_size for info in infos),
        members=tuple(infos),
    )
