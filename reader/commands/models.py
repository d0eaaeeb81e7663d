"""``reader models``: list, install and remove translation models (Argos Translate packages).

reader models list [--json]
reader models available [--json]
reader models install en ko
reader models install --file translate-en_ko-1_1.argosmodel
reader models remove translate-en_ko      (or: reader models remove en ko)
"""

from __future__ import annotations

import argparse

from reader import paths
from reader.commands.output import print_json
from reader.errors import ReaderError
from reader.models import install as models
from reader.progress import human_size, stderr_progress


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="installed models, with their sizes")
    listing.add_argument("--json", action="store_true", help="print a JSON list of objects")
    available = actions.add_parser("available", help="models the Argos package index offers")
    available.add_argument("--json", action="store_true", help="print a JSON list of objects")
    install = actions.add_parser("install", help="install a model from the Argos index or from a file")
    install.add_argument("pair", nargs="*", metavar="CODE", help="source and target language codes, e.g. en ko")
    install.add_argument("--file", metavar="PATH", help="install this .argosmodel file instead of downloading")
    install.add_argument("--reinstall", action="store_true", help="download even if the newest version is installed")
    remove = actions.add_parser("remove", help="remove an installed model")
    remove.add_argument("code", nargs="+", metavar="CODE", help="package code (translate-en_ko) or pair (en ko)")


def _print_table(rows: list[list[str]]) -> None:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)] + [row[-1]]
        print("  ".join(cells).rstrip())


def _list(as_json: bool) -> int:
    installed = models.installed_packages()
    if as_json:
        print_json([package.to_json() for package in installed])
        return 0
    if not installed:
        print(f"no translation models installed in {paths.argos_packages_dir()}")
        print("install one with: reader models install en ko")
        return 0
    header = ["CODE", "VERSION", "LANGUAGES", "SIZE", "PATH"]
    _print_table(
        [header] + [[p.code, p.package_version, p.name, human_size(p.size_bytes), str(p.path)] for p in installed]
    )
    return 0


def _available(as_json: bool) -> int:
    entries = sorted(models.fetch_index(), key=lambda entry: (entry.code, entry.package_version))
    installed = {package.code: package.package_version for package in models.installed_packages()}
    if as_json:
        print_json([{**entry.__dict__, "installed_version": installed.get(entry.code)} for entry in entries])
        return 0
    header = ["CODE", "VERSION", "LANGUAGES", "INSTALLED"]
    _print_table(
        [header] + [[entry.code, entry.package_version, entry.name, installed.get(entry.code, "")] for entry in entries]
    )
    return 0


def _install(pair: list[str], file: str | None, reinstall: bool) -> int:
    if file is not None and pair:
        raise ReaderError("give either a language pair (en ko) or --file PATH, not both")
    if file is not None:
        with stderr_progress(f"unpacking {file}", in_bytes=True) as progress:
            package = models.install_from_file(file, progress)
    elif len(pair) == 2:
        before = set(models.installed_packages())
        with stderr_progress(f"downloading {pair[0]}->{pair[1]}", in_bytes=True) as progress:
            package = models.install_from_index(pair[0], pair[1], progress, reinstall=reinstall)
        if not reinstall and package in before:
            print(
                f"{package.code} {package.package_version} is already installed and is the newest the index "
                f"offers ({package.path}); use --reinstall to download it again"
            )
            return 0
    else:
        raise ReaderError("give a language pair (reader models install en ko) or --file PATH.argosmodel")
    print(
        f"installed {package.code} {package.package_version} ({package.name}, "
        f"{human_size(package.size_bytes)}) in {package.path}"
    )
    return 0


def _remove(code_words: list[str]) -> int:
    package = models.remove(" ".join(code_words))
    print(f"removed {package.code} {package.package_version} from {package.path}")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.action == "list":
        return _list(args.json)
    if args.action == "available":
        return _available(args.json)
    if args.action == "install":
        return _install(args.pair, args.file, args.reinstall)
    return _remove(args.code)
