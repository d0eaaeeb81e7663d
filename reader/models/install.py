"""Installed translation models: list, install (from a file or the Argos index) and remove.

Packages live in Argos Translate's own packages dir (``reader.paths.argos_packages_dir()``), so a model
installed here is one argostranslate and LibreTranslate use too, and the other way round.

An install never leaves a half-written package where argostranslate would load it: the archive is
checked before anything is written, extracted into a hidden work folder inside the packages dir
(same filesystem, so renames are atomic), and only then renamed into place. An older version of the
same package is first renamed into that work folder, so an interrupted install leaves either the old
package or none, never a mix; the next install sweeps leftover work folders away.
"""

from __future__ import annotations

import contextlib
import lzma
import os
import shutil
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader import paths
from reader.errors import InputError, ReaderError
from reader.models.index import choose_entry, download, fetch_index, index_failure, version_key
from reader.models.installed import WORK_PREFIX, InstalledPackage, installed_packages, read_installed
from reader.models.package import PackageInfo, validate_package
from reader.progress import ProgressCallback, no_progress

__all__ = [
    "InstalledPackage",
    "PackageInfo",
    "fetch_index",
    "install_from_file",
    "install_from_index",
    "installed_packages",
    "remove",
    "validate_package",
]

try:
    import fcntl
except ImportError:  # not POSIX: installs are then not serialised between processes
    fcntl = None  # type: ignore[assignment]

#: A file: argostranslate and LibreTranslate only look at folders in the packages dir.
LOCK_NAME = ".reader-models.lock"
DOWNLOAD_PREFIX, DOWNLOAD_SUFFIX = "download-", ".argosmodel.part"
STALE_DOWNLOAD_SECONDS = 24 * 3600


@contextmanager
def _packages_lock(packages_dir: Path) -> Iterator[None]:
    """Serialise installs and removals between processes; also makes sweeping work folders safe."""
    with open(packages_dir / LOCK_NAME, "a") as lock_file:
        if fcntl is None:
            yield
            return
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def _sweep_work_folders(packages_dir: Path) -> None:
    """Delete work folders a killed install or removal left behind (only called under the lock)."""
    for leftover in packages_dir.glob(WORK_PREFIX + "*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _forget_argos_caches() -> None:
    """argostranslate caches installed languages per process; drop them if it is loaded here."""
    translate_module = sys.modules.get("argostranslate.translate")
    if translate_module is not None:
        translate_module.get_installed_languages.cache_clear()
        getattr(translate_module, "installed_translates", []).clear()


def _existing_ancestor(path: Path) -> Path:
    while not path.exists():
        path = path.parent
    return path


def _extract(info: PackageInfo, work: Path, progress: ProgressCallback) -> None:
    """Extract the validated members into ``work``, reporting uncompressed bytes done."""
    done = 0
    progress(0, info.uncompressed_bytes)
    try:
        with zipfile.ZipFile(info.archive) as zf:
            for member in info.members:
                zf.extract(member, work)
                done += member.file_size
                progress(done, info.uncompressed_bytes)
    except (zipfile.BadZipFile, EOFError, ValueError, zlib.error, lzma.LZMAError) as exc:
        # Damage past the central directory (bad CRC, truncated data) only shows while extracting.
        raise InputError(info.archive, f"damaged zip archive ({exc})") from None
    except OSError as exc:
        raise ReaderError(f"cannot unpack {info.archive} into {work.parent}: {exc.strerror or exc}") from None


def _move_into_place(info: PackageInfo, work: Path, packages_dir: Path) -> Path:
    """Swap the extracted package in for any installed version of it, by renames only.

    Example, 1.1 replacing 1.0 (``work`` holds the extracted ``translate-en_ko-1_1/``):
        1. packages/translate-en_ko-1_0     -> work/replaced-0      (old version out of sight)
        2. work/translate-en_ko-1_1         -> packages/translate-en_ko-1_1
        3. the caller deletes work, and the old version with it.
    Killed between 1 and 2, the packages dir holds neither version (never a partial one); the
    next install sweeps the work folder.
    """
    destination = packages_dir / info.top_folder
    replaced = [package.path for package in installed_packages() if package.code == info.code]
    if destination.exists() and destination not in replaced:
        raise InputError(info.archive, f"would overwrite {destination}, which is not an older {info.code}")
    set_aside = [(old, work / f"replaced-{index}") for index, old in enumerate(replaced)]
    try:
        for old, parked in set_aside:
            old.rename(parked)
        (work / info.top_folder).rename(destination)
    except BaseException:
        # Put the old version back so a failed (or interrupted) replacement changes nothing.
        for old, parked in set_aside:
            if parked.exists() and not old.exists():
                parked.rename(old)
        raise
    return destination


def install_from_file(path: Path | str, progress: ProgressCallback | None = None) -> InstalledPackage:
    """Install an ``.argosmodel`` file, replacing any installed version of the same package.

    Raises ``InputError`` (naming the file) before writing anything when the archive is not a valid package.
    """
    info = validate_package(path)
    packages_dir = paths.argos_packages_dir()
    free = shutil.disk_usage(_existing_ancestor(packages_dir)).free
    if info.uncompressed_bytes > free:
        raise InputError(info.archive, f"needs {info.uncompressed_bytes:,} bytes unpacked; only {free:,} free")
    try:
        packages_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReaderError(f"cannot create the models folder {packages_dir}: {exc.strerror or exc}") from None
    with _packages_lock(packages_dir):
        _sweep_work_folders(packages_dir)
        work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=packages_dir))
        try:
            _extract(info, work, progress or no_progress)
            destination = _move_into_place(info, work, packages_dir)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        installed = read_installed(destination)  # still under the lock: another install may replace it next
    _forget_argos_caches()
    return installed


def install_from_index(
    from_code: str, to_code: str, progress: ProgressCallback | None = None, reinstall: bool = False
) -> InstalledPackage:
    """Download the newest ``from_code``->``to_code`` package the Argos index lists, and install it.

    When that version (or a newer one) is already installed, nothing is downloaded (real packages are
    about 120 MB) unless ``reinstall``. ``progress`` gets ``(bytes downloaded, Content-Length)``. The
    download goes to a temporary file in the cache dir that is deleted whatever happens; a cut-off or
    invalid download installs nothing.
    """
    entry = choose_entry(fetch_index(), from_code, to_code)
    if not reinstall:
        for package in installed_packages():
            same_package = package.code == entry.code
            if same_package and version_key(package.package_version) >= version_key(entry.package_version):
                return package
    link = entry.download_link()
    if link is None:
        raise index_failure(f"the model index lists no http(s) link for {entry.code} (links: {entry.links})")
    cache = paths.cache_dir()
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReaderError(f"cannot create the cache folder {cache}: {exc.strerror or exc}") from None
    _sweep_stale_downloads(cache)
    handle, temp_name = tempfile.mkstemp(prefix=DOWNLOAD_PREFIX, suffix=DOWNLOAD_SUFFIX, dir=cache)
    temp_path = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            download(link, out, progress)
        try:
            return install_from_file(temp_path)
        except InputError as exc:
            raise InputError(link, exc.problem) from None  # the temporary file's name means nothing to the user
    finally:
        temp_path.unlink(missing_ok=True)


def _sweep_stale_downloads(cache: Path) -> None:
    """Delete downloads a killed install left behind; a day old, so a parallel download is never touched."""
    cutoff = time.time() - STALE_DOWNLOAD_SECONDS
    for leftover in cache.glob(DOWNLOAD_PREFIX + "*" + DOWNLOAD_SUFFIX):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()


def _matches(package: InstalledPackage, wanted: str) -> bool:
    pair = wanted.replace("->", " ").split()
    if len(pair) == 2:
        return (package.from_code, package.to_code) == (pair[0], pair[1])
    return wanted in (package.code, package.path.name)


def remove(code: str) -> InstalledPackage:
    """Remove an installed package given its code (``translate-en_ko``), folder name or pair (``"en ko"``).

    Every installed version that matches goes. Raises ``ReaderError`` when nothing matches.
    """
    packages_dir = paths.argos_packages_dir()
    if not packages_dir.is_dir():
        raise ReaderError(f"no installed model matches {code!r} (installed: none)")
    with _packages_lock(packages_dir):
        installed = installed_packages()
        doomed = [package for package in installed if _matches(package, code.strip())]
        if not doomed:
            names = ", ".join(package.code for package in installed) or "none"
            raise ReaderError(f"no installed model matches {code!r} (installed: {names})")
        _sweep_work_folders(packages_dir)
        work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=packages_dir))
        try:
            # Rename first (atomic), then delete: an interrupted removal never leaves half a package visible.
            for index, package in enumerate(doomed):
                package.path.rename(work / f"removed-{index}")
        finally:
            shutil.rmtree(work, ignore_errors=True)
    _forget_argos_caches()
    return doomed[0]
