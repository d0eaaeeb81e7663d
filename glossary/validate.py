"""``glossary check``: every rule of ``glossary/README.md``, each problem as ``file:line: message``.

Per-entry rules come from ``glossary.schema.parse_entry`` (the same code the loader uses). Here are the rules
that need the other entries: duplicate ids, one variant claimed by two entries, and ``parent``/``related`` ids
that name no entry. When user files are checked, the shipped entries count as known ids (a user file may
point at them and may override them), but are not themselves reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from glossary.attest import DEFAULT_KOREAN_CORPUS, KoreanCorpus, failed_claims
from glossary.data import (
    DATA_DIR,
    curated_files,
    read_glossary_file,
    read_references,
    user_entry_problem,
    yaml_files,
)
from glossary.folding import fold_key
from glossary.forms import inflections, is_acronym
from glossary.model import Entry
from glossary.patterns import TEMPLATE_FIELD
from glossary.romanfill import romanization_check
from glossary.schema import Problem


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    entries: int = 0
    #: ``attested:`` claims met, and whether the Korean corpus was there to verify them.
    attested_claims: int = 0
    korean_corpus: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            text = f"glossary check: {self.entries} entries in {self.files} files, no problems"
        else:
            text = f"glossary check: {len(self.problems)} problems in {self.entries} entries ({self.files} files)"
        if self.attested_claims and self.korean_corpus is not None:
            text += f"; {self.attested_claims} attestations checked against {self.korean_corpus}"
        elif self.attested_claims:
            text += f"; {self.attested_claims} attestations NOT checked (no Korean corpus found; pass --korean-corpus DIR)"
        return text


def _origin(entry: Entry) -> tuple[str, int]:
    file, _, line = entry.origin.rpartition(":")
    return file, int(line) if line.isdigit() else 0


def _is_curated(path: Path, data_dir: Path) -> bool:
    try:
        return path.resolve().parent == data_dir.resolve()
    except OSError:
        return False


def source_problems(entries: list[Entry], reference_keys: set[str]) -> list[Problem]:
    """Every ``ref:`` must name a key of the bibliography ``sources.yaml``."""
    problems: list[Problem] = []
    for entry in entries:
        file, line = _origin(entry)
        for source in entry.sources:
            if source.ref is not None and source.ref not in reference_keys:
                problems.append(Problem(file, source.line or line,
                                        f"source ref '{source.ref}' of '{entry.id}' is not a key of sources.yaml"))
    return problems


def cross_entry_problems(entries: list[Entry], known_ids: set[str]) -> list[Problem]:
    """Duplicate ids, shared surface forms and dangling references among ``entries``."""
    problems: list[Problem] = []
    first_by_id: dict[str, Entry] = {}
    form_owner: dict[str, Entry] = {}
    template_owner: dict[str, Entry] = {}
    ids = {e.id for e in entries} | known_ids
    for entry in entries:
        file, line = _origin(entry)
        if entry.id in first_by_id:
            problems.append(Problem(file, line, f"duplicate id '{entry.id}' (first at {first_by_id[entry.id].origin})"))
            continue
        first_by_id[entry.id] = entry
        forms = () if entry.pattern else entry.surface_forms
        for form in dict.fromkeys(fold_key(f) for f in forms):
            owner = form_owner.setdefault(form, entry)
            if owner is not entry:
                problems.append(
                    Problem(file, line, f"form {form!r} of '{entry.id}' is already claimed by '{owner.id}' ({owner.origin})")
                )
        if entry.pattern:
            # Two pattern entries with one Korean template (slot names aside) describe one formula.
            template = TEMPLATE_FIELD.sub("{}", fold_key(entry.ko)).replace(" ", "")
            owner = template_owner.setdefault(template, entry)
            if owner is not entry:
                problems.append(Problem(file, line, f"pattern entry '{entry.id}' has the Korean template of "
                                        f"'{owner.id}' ({owner.origin}): one formula, one entry"))
        references = [("parent", entry.parent)] if entry.parent else []
        references += [("related", r) for r in entry.related]
        for kind, target in references:
            if target == entry.id:
                problems.append(Problem(file, line, f"{kind} '{target}' is the entry itself"))
            elif target not in ids:
                problems.append(Problem(file, line, f"{kind} '{target}' names no entry"))
    problems.extend(_inflected_duplicates(entries, form_owner))
    return problems


def _inflected_duplicates(entries: list[Entry], form_owner: dict[str, Entry]) -> list[Problem]:
    """An English form that is the plural or possessive of another entry's form: the matcher already links it to
    that entry ("meritorious persons" is "meritorious person" + s), so the two entries are one."""
    problems: list[Problem] = []
    for entry in entries:
        if entry.pattern:
            continue
        for form in dict.fromkeys(fold_key(f) for f in entry.surface_forms):
            tokens = form.split()
            for inflected in inflections(form, bool(tokens) and is_acronym(tokens[-1])):
                other = form_owner.get(inflected)
                if other is not None and other is not entry and other.id != entry.id:
                    file, line = _origin(other)
                    problems.append(Problem(file, line, f"form {inflected!r} of '{other.id}' is an inflection of "
                                            f"{form!r} of '{entry.id}' ({entry.origin}), which the matcher links "
                                            "already: merge the two entries"))
    return problems


def attestation_problems(entries: list[Entry], corpus: KoreanCorpus) -> list[Problem]:
    """Each ``attested:`` claim the Korean corpus does not bear out (see ``glossary.attest``)."""
    return [Problem(claim.file, claim.line, claim.reason) for claim in failed_claims(entries, corpus)]


def check_paths(
    paths: Sequence[Path] = (),
    data_dir: Path = DATA_DIR,
    curated: bool = False,
    korean_corpus: Path | None = DEFAULT_KOREAN_CORPUS,
) -> CheckReport:
    """Check ``paths`` (files or directories), or the shipped data when none are given.

    ``attested:`` claims are verified against ``korean_corpus`` when that directory exists; the report says
    whether they were.
    """
    report = CheckReport()
    targets = yaml_files(paths) if paths else curated_files(data_dir)
    references, reference_problems = read_references(data_dir)
    report.problems.extend(reference_problems)
    known: dict[str, Entry] = {}
    if paths:
        # User files may reference and override the shipped entries.
        for path in curated_files(data_dir):
            known.update((item.entry.id, item.entry) for item in read_glossary_file(path, curated=True).items)
    entries: list[Entry] = []
    curated_entries: list[Entry] = []
    for path in targets:
        report.files += 1
        if not path.is_file():
            report.problems.append(Problem(str(path), 0, "no such file"))
            continue
        is_curated = curated or _is_curated(path, data_dir)
        file_entries = read_glossary_file(path, curated=is_curated)
        report.problems.extend(file_entries.all_problems)
        for item in file_entries.items:
            problem = None if is_curated else user_entry_problem(item, known)
            if problem is not None:
                report.problems.append(problem)
            entries.append(item.entry)
            if is_curated:
                curated_entries.append(item.entry)
    report.entries = len(entries)
    report.problems.extend(cross_entry_problems(entries, set(known)))
    report.problems.extend(source_problems(entries, set(references)))
    report.problems.extend(romanization_check(curated_entries))
    report.attested_claims = sum(1 for e in entries for s in e.sources if s.attested)
    if korean_corpus is not None and korean_corpus.is_dir():
        report.korean_corpus = korean_corpus
        report.problems.extend(attestation_problems(entries, KoreanCorpus(korean_corpus)))
    report.problems.sort(key=lambda p: (p.file, p.line))
    return report
