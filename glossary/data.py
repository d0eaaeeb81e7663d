"""Loading the glossary: the curated files shipped in ``glossary/data/`` plus the user's own glossaries.

Curated files are ``glossary/data/<category>.yaml`` or ``<category>.<topic>.yaml``; ``glossary/data/sources.yaml``
is the bibliography that ``ref:`` keys name. User glossaries (``$XDG_CONFIG_HOME/kcna-reader/glossary/
*.yaml`` and paths passed in) add entries or replace curated ones with the same id. Nothing here ever stops the
caller: a broken user file becomes one ``file:line: problem`` line in ``Glossary.warnings`` and is skipped; a
broken curated entry is skipped with a warning (``glossary check`` lists them all).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

from glossary.model import CATEGORIES, Entry, Reference
from glossary.schema import KNOWN_FIELDS, Problem, parse_entry, parse_reference
from glossary.yamlio import GlossaryFileError, LineDict, read_yaml

#: The shipped, curated glossary.
DATA_DIR = Path(__file__).resolve().parent / "data"
YAML_SUFFIXES = (".yaml", ".yml")
#: The bibliography in the data directory: not a category file.
BIBLIOGRAPHY_NAME = "sources.yaml"
TOPIC_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# The same name ``reader.paths`` uses; ``glossary`` must not import ``reader``.
APP_NAME = "kcna-reader"


def user_glossary_dir() -> Path:
    """``$XDG_CONFIG_HOME/kcna-reader/glossary``: YAML files here are loaded after the curated data."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "glossary"


def display_path(path: Path) -> str:
    """The path as a user would type it: relative to the working directory when it is below it."""
    try:
        return os.path.relpath(path) if path.is_absolute() and path.resolve().is_relative_to(Path.cwd()) else str(path)
    except (OSError, ValueError):
        return str(path)


@dataclass
class Glossary:
    """Every usable entry by id, and the warnings met while loading (one line each, ``file:line: problem``)."""

    entries: dict[str, Entry] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    #: The files whose entries were loaded, in load order.
    files: list[Path] = field(default_factory=list)
    #: Ids defined (or overridden) by user glossaries: their patterns run under a timeout.
    user_entry_ids: set[str] = field(default_factory=set)
    #: Why a user glossary's entry is not in use, by its id (its file was skipped): look-ups of the id say so.
    skipped: dict[str, str] = field(default_factory=dict)
    #: The bibliography (``sources.yaml``) by key.
    references: dict[str, Reference] = field(default_factory=dict)

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def person_names(self) -> list[str]:
        """English names of people (canonical form and variants), longest first so callers can split greedily."""
        names = {form for e in self.entries.values() if e.category == "person" for form in e.surface_forms}
        return sorted(names, key=lambda n: (-len(n), n))


@dataclass
class ParsedItem:
    """One entry as read from a file, its problems, and the fields the file gave (an override uses only those)."""

    entry: Entry
    problems: list[Problem]
    given: frozenset[str]


@dataclass
class FileEntries:
    """What one glossary file holds: entries with their problems, or a file-level problem."""

    path: Path
    items: list[ParsedItem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def all_problems(self) -> list[Problem]:
        return [*self.problems, *(p for item in self.items for p in item.problems)]


def file_category(path: Path) -> tuple[str | None, str]:
    """The category a curated file name gives (``military.weapons.yaml`` -> ``military``), or a problem."""
    category, _, topic = path.name.rsplit(".", 1)[0].partition(".")
    if category not in CATEGORIES:
        return None, f"file name {path.name!r} does not start with a category; use one of: {', '.join(CATEGORIES)}"
    if topic and not TOPIC_PATTERN.fullmatch(topic):
        return None, f"file name {path.name!r}: the topic after the category must be a slug like 'foreign-states'"
    return category, ""


def read_glossary_file(path: Path, curated: bool) -> FileEntries:
    """Parse one file; curated files take their category from the file name, user files from each entry."""
    shown = display_path(path)
    result = FileEntries(path)
    category: str | None = None
    if curated:
        category, problem = file_category(path)
        if category is None:
            result.problems.append(Problem(shown, 1, problem))
            return result
    try:
        document = read_yaml(path, untrusted=not curated)
    except GlossaryFileError as exc:
        result.problems.append(Problem(shown, exc.line, exc.problem))
        return result
    if document is None:
        return result
    if not isinstance(document, list):
        result.problems.append(Problem(shown, 1, "a glossary file must be a YAML list of entries"))
        return result
    item_lines = getattr(document, "item_lines", [])
    for index, raw in enumerate(document):
        line = getattr(raw, "line", 0) or (item_lines[index] if index < len(item_lines) else 1)
        entry, problems = parse_entry(raw, shown, line, category)
        if entry is None:
            result.problems.extend(problems)
        else:
            given = frozenset(str(k) for k in raw if k in KNOWN_FIELDS and k != "id")
            result.items.append(ParsedItem(entry, problems, given))
    return result


def read_references(data_dir: Path = DATA_DIR) -> tuple[dict[str, Reference], list[Problem]]:
    """The bibliography ``sources.yaml`` of ``data_dir``: key -> reference, and the problems met."""
    path = data_dir / BIBLIOGRAPHY_NAME
    if not path.is_file():
        return {}, []
    shown = display_path(path)
    try:
        document = read_yaml(path)
    except GlossaryFileError as exc:
        return {}, [Problem(shown, exc.line, exc.problem)]
    if not isinstance(document, LineDict):
        return {}, [Problem(shown, 1, "sources.yaml must be a mapping: key -> {cite, kind, url, note}")]
    references: dict[str, Reference] = {}
    problems: list[Problem] = []
    for key, raw in document.items():
        reference, reference_problems = parse_reference(key, raw, shown, document.line_of(str(key)))
        problems.extend(reference_problems)
        if reference is not None:
            references[reference.key] = reference
    return references, problems


def user_entry_problem(item: ParsedItem, known: dict[str, Entry]) -> Problem | None:
    """A user entry overriding ``known`` needs only its id; a new one needs ``en``, ``ko`` and ``category``."""
    if not item.entry.id or item.entry.id in known:
        return None  # a missing id is reported by the parser already
    missing = [name for name in ("en", "ko", "category") if not getattr(item.entry, name)]
    if not missing:
        return None
    file, _, line = item.entry.origin.rpartition(":")
    return Problem(file, int(line) if line.isdigit() else 1,
                   f"new entry '{item.entry.id}' needs {', '.join(repr(m) for m in missing)} "
                   "(only an override of an existing id may leave them out)")


#: The ``for:`` claims a changed field voids: a curated source of the old Korean says nothing about the user's.
_CLAIMS_OF_FIELD: dict[str, frozenset[str]] = {
    "ko": frozenset({"ko", "pairing"}),
    "en": frozenset({"en", "pairing"}),
    "since": frozenset({"dates"}),
    "until": frozenset({"dates"}),
    "holder": frozenset({"holder"}),
    "romanization": frozenset({"romanization"}),
}


def merge_user_entry(item: ParsedItem, known: dict[str, Entry]) -> Entry:
    """A new user entry as it is; an override changes only the fields the user gave and keeps the rest
    (the curated category among them, unless the user gives one).

    The curated sources stay, except their claims on a field the user changed: an override of ``ko`` is not
    verified by the source of the curated Korean (unless the user gives ``sources`` of their own).
    """
    existing = known.get(item.entry.id)
    if existing is None:
        return item.entry
    changes = {name: getattr(item.entry, name) for name in item.given}
    if "sources" not in item.given:
        voided = frozenset().union(*(_CLAIMS_OF_FIELD.get(name, frozenset()) for name in item.given))
        kept = (replace(s, supports=tuple(f for f in s.supports if f not in voided)) for s in existing.sources)
        changes["sources"] = tuple(s for s in kept if s.supports)
    return replace(existing, **changes, origin=item.entry.origin)


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the YAML files directly inside each directory given, sorted by name."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file()))
        else:
            found.append(path)
    return found


def curated_files(data_dir: Path = DATA_DIR) -> list[Path]:
    """The category files of ``data_dir`` (every ``*.yaml`` but the bibliography), sorted by name."""
    if not data_dir.is_dir():
        return []
    return sorted(p for p in data_dir.glob("*.yaml") if p.is_file() and p.name != BIBLIOGRAPHY_NAME)


def _load_curated(glossary: Glossary, data_dir: Path) -> None:
    references, problems = read_references(data_dir)
    glossary.references.update(references)
    glossary.warnings.extend(str(p) for p in problems)
    for path in curated_files(data_dir):
        file_entries = read_glossary_file(path, curated=True)
        glossary.warnings.extend(str(p) for p in file_entries.problems)
        for item in file_entries.items:
            entry, problems = item.entry, item.problems
            if problems:
                glossary.warnings.extend(f"{p} (entry skipped)" for p in problems)
            elif entry.id in glossary.entries:
                glossary.warnings.append(
                    f"{entry.origin}: duplicate id '{entry.id}' (first defined at {glossary.entries[entry.id].origin});"
                    " entry skipped"
                )
            else:
                glossary.entries[entry.id] = entry
        glossary.files.append(path)


def _skip_user_file(glossary: Glossary, file_entries: FileEntries, warning: str) -> None:
    """Warn once for the file, and remember for each entry it defines why that entry is not in use."""
    glossary.warnings.append(warning)
    for item in file_entries.items:
        entry, entry_problems = item.entry, item.problems
        if entry.id:
            reason = f"{entry_problems[0]}; its file was skipped" if entry_problems else warning
            glossary.skipped.setdefault(entry.id, f"your entry at {entry.origin or display_path(file_entries.path)}"
                                        f" is not used: {reason}")


def _load_user_file(glossary: Glossary, path: Path) -> None:
    file_entries = read_glossary_file(path, curated=False)
    problems = file_entries.all_problems
    if problems:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        _skip_user_file(glossary, file_entries, f"{problems[0]}{more}; user glossary skipped")
        return
    seen: set[str] = set()
    for item in file_entries.items:
        if item.entry.id in seen:
            warning = f"{item.entry.origin}: duplicate id '{item.entry.id}' in the same file; user glossary skipped"
            _skip_user_file(glossary, file_entries, warning)
            return
        seen.add(item.entry.id)
        problem = user_entry_problem(item, glossary.entries)
        if problem is not None:
            _skip_user_file(glossary, file_entries, f"{problem}; user glossary skipped")
            return
    for item in file_entries.items:
        glossary.entries[item.entry.id] = merge_user_entry(item, glossary.entries)
        glossary.user_entry_ids.add(item.entry.id)
    glossary.files.append(path)


#: Bump when the cached form of entries changes.
CACHE_VERSION = 2
_CODE_FILES = [Path(__file__), Path(__file__).with_name("schema.py"), Path(__file__).with_name("model.py")]


def _cache_path(data_dir: Path) -> Path | None:
    """A cache file named by every curated file's path, size and mtime, and the loader's own code."""
    try:
        stamp = [f"v{CACHE_VERSION}"]
        bibliography = [data_dir / BIBLIOGRAPHY_NAME] if (data_dir / BIBLIOGRAPHY_NAME).is_file() else []
        for path in [*curated_files(data_dir), *bibliography, *_CODE_FILES]:
            info = path.stat()
            stamp.append(f"{path.resolve()}:{info.st_size}:{info.st_mtime_ns}")
    except OSError:
        return None
    digest = hashlib.sha256("\n".join(stamp).encode()).hexdigest()[:24]
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / f"glossary-{digest}.pickle"


#: Caches kept besides the one being written: one per glossary version in use (an installed reader and a checkout,
#: say), so starting one does not throw away the other's and make its next start parse every file again.
CACHES_KEPT = 3


def _prune_caches(directory: Path) -> None:
    """Remove all but the ``CACHES_KEPT`` most recently written caches (the rest belong to old glossaries)."""
    caches = sorted(directory.glob("glossary-*.pickle"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
    for old in caches[CACHES_KEPT:]:
        old.unlink(missing_ok=True)


def _load_curated_cached(glossary: Glossary, data_dir: Path) -> None:
    """Parsing YAML is most of the load time; the parsed curated entries are cached until a file changes."""
    cache = _cache_path(data_dir)
    if cache is not None and cache.is_file():
        try:
            with cache.open("rb") as handle:
                entries, warnings, files, references = pickle.load(handle)
            glossary.entries.update(entries)
            glossary.references.update(references)
            glossary.warnings.extend(warnings)
            glossary.files.extend(files)
            return
        except Exception:
            glossary.entries.clear()
            glossary.warnings.clear()
            glossary.files.clear()
            glossary.references.clear()
    _load_curated(glossary, data_dir)
    if cache is None:
        return
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        _prune_caches(cache.parent)
        handle_fd, temp_name = tempfile.mkstemp(dir=cache.parent, prefix=".glossary-")
        with os.fdopen(handle_fd, "wb") as handle:
            cached = (glossary.entries, glossary.warnings, glossary.files, glossary.references)
            pickle.dump(cached, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp_name, cache)
    except OSError:
        pass  # a read-only cache dir only costs speed


def load_glossary(
    extra_paths: Sequence[Path] = (),
    include_user_dir: bool = True,
    data_dir: Path | None = None,
) -> Glossary:
    """The curated glossary, then user glossaries (the user dir, then ``extra_paths``), later files winning."""
    glossary = Glossary()
    _load_curated_cached(glossary, data_dir or DATA_DIR)
    user_paths: list[Path] = []
    if include_user_dir:
        user_dir = user_glossary_dir()
        if user_dir.is_dir():
            user_paths.extend(yaml_files([user_dir]))
    for path in yaml_files(Path(p) for p in extra_paths):
        if not path.exists():
            glossary.warnings.append(f"{display_path(path)}: no such file; user glossary skipped")
            continue
        user_paths.append(path)
    for path in user_paths:
        _load_user_file(glossary, path)
    return glossary
