"""The ``glossary`` command: lookup, show, list, annotate, check, export, stats.

Exit codes: 0 success; 1 "no": check found problems, lookup found nothing, unknown id; 2 unusable input
(a file that cannot be read or decoded, a bad option value). Every failure is one line on stderr, never a
traceback. Loading warnings (a broken user glossary) go to stderr and do not change the exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from glossary.data import Glossary, display_path, load_glossary
from glossary.model import CATEGORIES
from reader.commands.dispatch import Command, Verb, run_command
from reader.commands.output import print_json
from reader.errors import ReaderError

EXIT_OK, EXIT_NO, EXIT_BAD_INPUT = 0, 1, 2


class CommandError(ReaderError):
    """A failure to print as ``glossary: message`` and exit with ``code`` (the dispatcher prints it)."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.exit_code = code


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _glossary(args: argparse.Namespace) -> Glossary:
    glossary = load_glossary([Path(p) for p in args.glossary], include_user_dir=not args.no_user_glossary)
    for warning in glossary.warnings:
        print(f"glossary: warning: {warning}", file=sys.stderr)
    return glossary


def cmd_lookup(args: argparse.Namespace) -> int:
    from glossary.export import entry_to_dict
    from glossary.lookup import lookup
    from glossary.render import print_cards

    glossary = _glossary(args)
    hits = lookup(glossary, args.query, limit=args.limit)
    if not hits:
        if args.json:
            print_json([])  # a script reading the JSON gets an empty list, and the exit code says "no"
        raise CommandError(f"nothing in the glossary matches {args.query!r}", EXIT_NO)
    if args.json:
        print_json([{**entry_to_dict(h.entry), "score": h.score, "matched": h.reason} for h in hits])
    else:
        print_cards(
            _console(),
            [(h.entry, f"{h.reason}, score {h.score:g}") for h in hits],
            glossary.entries,
            glossary.references,
        )
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from glossary.export import entry_to_dict
    from glossary.lookup import suggest_ids
    from glossary.render import print_cards

    glossary = _glossary(args)
    entry = glossary.get(args.id)
    if entry is None:
        if args.id in glossary.skipped:
            raise CommandError(f"no entry with id {args.id!r}: {glossary.skipped[args.id]}", EXIT_NO)
        close = suggest_ids(glossary, args.id)
        hint = f"; did you mean: {', '.join(close)}" if close else ""
        raise CommandError(f"no entry with id {args.id!r}{hint}", EXIT_NO)
    if args.json:
        print_json(entry_to_dict(entry))
    else:
        print_cards(_console(), [(entry, "")], glossary.entries, glossary.references)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from glossary.export import entry_to_dict

    entries = [e for e in _glossary(args) if args.category is None or e.category == args.category]
    entries.sort(key=lambda e: (CATEGORIES.index(e.category) if e.category in CATEGORIES else 99, e.id))
    if args.json:
        print_json([entry_to_dict(e) for e in entries])
        return EXIT_OK
    for entry in entries:
        print(f"{entry.id}\t{entry.category}\t{entry.en}\t{entry.readable_ko}")
    return EXIT_OK


def _read_input(source: str) -> str:
    """The input exactly as read: UTF-8, newlines untouched, so indices are Python indices into it."""
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        raise CommandError(f"{source}: cannot read: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CommandError(f"{'stdin' if source == '-' else source}:{line}: not UTF-8 text") from None


def cmd_annotate(args: argparse.Namespace) -> int:
    from glossary.match import Matcher
    from glossary.render import bracketed, styled

    text = _read_input(args.file)
    matcher = Matcher(_glossary(args))
    spans = matcher.match_ko(text) if args.korean else matcher.match_en(text)
    for warning in matcher.warnings:
        print(f"glossary: warning: {warning}", file=sys.stderr)
    if args.json:
        print_json([s.to_json() for s in spans])
        return EXIT_OK
    console = _console()
    if console.is_terminal:
        console.print(styled(text, spans), end="" if text.endswith("\n") else "\n")
    else:
        sys.stdout.write(bracketed(text, spans))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from glossary.attest import DEFAULT_KOREAN_CORPUS
    from glossary.validate import check_paths

    corpus = Path(args.korean_corpus) if args.korean_corpus else DEFAULT_KOREAN_CORPUS
    if args.korean_corpus and not corpus.is_dir():
        print(f"glossary check: {corpus}: no such directory (the Korean corpus for attested: claims)", file=sys.stderr)
        return EXIT_BAD_INPUT
    report = check_paths([Path(p) for p in args.paths], curated=args.curated, korean_corpus=corpus)
    if args.json:
        print_json([{"file": p.file, "line": p.line, "message": p.message} for p in report.problems])
        return EXIT_OK if report.ok else EXIT_NO
    for problem in report.problems:
        print(problem)
    print(report.summary(), file=sys.stderr if report.problems else sys.stdout)
    return EXIT_OK if report.ok else EXIT_NO


def cmd_export(args: argparse.Namespace) -> int:
    from glossary.export import EXPORTERS

    content = EXPORTERS[args.format](_glossary(args))
    if args.output:
        from reader.files import write_text_atomically

        write_text_atomically(Path(args.output), content)
        print(f"glossary: wrote {args.format} to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(content)
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from glossary.stats import glossary_summary

    glossary = _glossary(args)
    summary: dict = {"glossary": glossary_summary(glossary), "corpus": None}
    if args.corpus:
        summary["corpus"] = _corpus_summary(glossary, Path(args.corpus), args.min_count, args.missing)
    if args.json:
        print_json(summary)
    else:
        _print_stats(summary)
    return EXIT_OK


def _corpus_summary(glossary: Glossary, corpus: Path, min_count: int, missing: int) -> dict:
    """Coverage of the corpus's curation part and held-out newest fifth, read by the reader's corpus reader
    (which also repairs glued names with the glossary's person names)."""
    from glossary.match import Matcher
    from glossary.stats import DatedText, split_coverage
    from reader.articles.corpus import iter_corpus
    from reader.errors import InputError

    if not corpus.is_file():
        raise CommandError(f"{corpus}: no such corpus file")
    try:
        documents = [
            DatedText(article.article_id or "", article.date or "", article.text)
            for article in iter_corpus(corpus, names=glossary.person_names())
        ]
    except InputError as exc:
        raise CommandError(str(exc)) from None
    return {"path": display_path(corpus), **split_coverage(Matcher(glossary), documents, min_count, missing)}


def _print_stats(summary: dict) -> None:
    g = summary["glossary"]
    print(
        f"entries: {g['entries']} ({g['verified']} with a source for the Korean form, {g['verified_share']:.0%};"
        f" {g['patterns']} patterns)"
    )
    for category, count in g["per_category"].items():
        print(f"  {category:<13} {count}")
    corpus = summary.get("corpus")
    if not corpus:
        print("corpus: none given; pass --corpus PATH (a KCNA corpus JSONL file) to measure coverage")
        return
    curation, held_out = corpus["curation"], corpus["held_out"]
    print(f"corpus: {corpus['path']} ({corpus['articles']} distinct articles)")
    print("capitalized multi-word n-grams recurring in each part (the threshold scales with the part's size):")
    rows = [
        ("", "curation", "held out (newest fifth)"),
        ("articles", str(curation["articles"]), str(held_out["articles"])),
        ("dates", _dates(curation), _dates(held_out)),
        ("seen at least", f"{curation['min_occurrences']} times", f"{held_out['min_occurrences']} times"),
        ("n-grams", str(curation["ngrams"]), str(held_out["ngrams"])),
        (
            "linked",
            f"{curation['linked']} ({curation['linked_share']:.1%})",
            f"{held_out['linked']} ({held_out['linked_share']:.1%})",
        ),
        ("occurrences linked", f"{curation['occurrence_share']:.1%}", f"{held_out['occurrence_share']:.1%}"),
    ]
    for label, left, right in rows:
        print(f"  {label:<19} {left:<24} {right}")
    if curation["missing"]:
        print(
            "most frequent unlinked in the curation part (the held-out part lists none: it measures, it is not"
            " curated from):"
        )
        for row in curation["missing"]:
            print(f"  {row['count']:>5}  {row['ngram']}")


def _dates(part: dict) -> str:
    return f"{part['first_date'] or '?'} .. {part['last_date'] or '?'}"


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--glossary",
        action="append",
        default=[],
        metavar="PATH",
        help="a user glossary file or folder to load as well (repeatable)",
    )
    parser.add_argument(
        "--no-user-glossary",
        action="store_true",
        dest="no_user_glossary",
        help="skip the user glossaries in $XDG_CONFIG_HOME/kcna-reader/glossary/",
    )


def _lookup_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=5)
    p.add_argument("--json", action="store_true")


def _show_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("id")
    p.add_argument("--json", action="store_true")


def _list_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--category", choices=CATEGORIES)
    p.add_argument("--json", action="store_true")


def _annotate_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", default="-", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print spans: start, end, text, id, category")
    p.add_argument("--korean", action="store_true", help="the text is Korean (a translation)")


def _check_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--curated", action="store_true", help="treat the files as curated: category = file name")
    p.add_argument(
        "--korean-corpus",
        metavar="DIR",
        help="the Korean corpus that attested: claims name (default: ../shared/corpus/ko-new-year-addresses"
        " of this checkout, when present)",
    )
    p.add_argument("--json", action="store_true", help="print the problems as a JSON list of {file, line, message}")


def _export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", required=True, choices=("json", "csv", "tbx", "anki-tsv"))
    p.add_argument("--output", metavar="PATH", help="write here instead of stdout")


def _stats_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--corpus",
        metavar="PATH",
        help="a KCNA corpus JSONL file: coverage of its curation part and of its held-out newest fifth",
    )
    p.add_argument("--missing", type=int, default=20, metavar="N", help="list the N most frequent unlinked n-grams")
    p.add_argument(
        "--min-count",
        type=int,
        default=5,
        dest="min_count",
        metavar="N",
        help="an n-gram recurs when seen N times in the curation part (held out: scaled to its size)",
    )
    p.add_argument("--json", action="store_true")


@dataclass(frozen=True)
class GlossaryVerb:
    """One verb of ``glossary`` (``reader.commands.dispatch.VerbRunner``): the shared options, its own, its run."""

    arguments: Callable[[argparse.ArgumentParser], None]
    runner: Callable[[argparse.Namespace], int]

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        _common(parser)
        self.arguments(parser)

    def run(self, args: argparse.Namespace) -> int:
        return self.runner(args)


LOOKUP = GlossaryVerb(_lookup_arguments, cmd_lookup)
SHOW = GlossaryVerb(_show_arguments, cmd_show)
LIST = GlossaryVerb(_list_arguments, cmd_list)
ANNOTATE = GlossaryVerb(_annotate_arguments, cmd_annotate)
CHECK = GlossaryVerb(_check_arguments, cmd_check)
EXPORT = GlossaryVerb(_export_arguments, cmd_export)
STATS = GlossaryVerb(_stats_arguments, cmd_stats)

GLOSSARY = Command(
    prog="glossary",
    description="The curated DPRK glossary: look-up, annotation, checks, exports and corpus coverage.",
    verbs=(
        Verb("lookup", f"{__name__}:LOOKUP", "find entries by English, abbreviation, Korean, romanization"),
        Verb("show", f"{__name__}:SHOW", "show one entry by id"),
        Verb("list", f"{__name__}:LIST", "list entries"),
        Verb("annotate", f"{__name__}:ANNOTATE", "mark glossary terms in a text (FILE or - for stdin)"),
        Verb("check", f"{__name__}:CHECK", "validate glossary files (default: the shipped data)"),
        Verb("export", f"{__name__}:EXPORT", "export as json, csv (DeepL/OmegaT), tbx or anki-tsv"),
        Verb("stats", f"{__name__}:STATS", "entries per category and corpus coverage"),
    ),
)


def main(argv: Sequence[str] | None = None) -> int:
    from reader import __version__

    return run_command(GLOSSARY, argv, version=__version__)


if __name__ == "__main__":
    sys.exit(main())
