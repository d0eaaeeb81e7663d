"""The ``glossary`` command: lookup, show, list, annotate, check, export, stats.

Exit codes: 0 success; 1 "no": check found problems, lookup found nothing, unknown id; 2 unusable input
(a file that cannot be read or decoded, a bad option value). Every failure is one line on stderr, never a
traceback. Loading warnings (a broken user glossary) go to stderr and do not change the exit code.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from glossary.data import Glossary, display_path, load_glossary
from glossary.model import CATEGORIES

EXIT_OK, EXIT_NO, EXIT_BAD_INPUT = 0, 1, 2


class CommandError(Exception):
    """A failure to print as ``glossary: message`` and exit with ``code``."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _glossary(args: argparse.Namespace) -> Glossary:
    glossary = load_glossary([Path(p) for p in args.glossary], include_user_dir=not args.no_user_glossary)
    for warning in glossary.warnings:
        print(f"glossary: warning: {warning}", file=sys.stderr)
    return glossary


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def cmd_lookup(args: argparse.Namespace) -> int:
    from glossary.export import entry_to_dict
    from glossary.lookup import lookup
    from glossary.render import print_cards

    hits = lookup(_glossary(args), args.query, limit=args.limit)
    if not hits:
        raise CommandError(f"nothing in the glossary matches {args.query!r}", EXIT_NO)
    if args.json:
        _print_json([{**entry_to_dict(h.entry), "score": h.score, "matched": h.reason} for h in hits])
    else:
        print_cards(_console(), [(h.entry, f"{h.reason}, score {h.score:g}") for h in hits])
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
        _print_json(entry_to_dict(entry))
    else:
        print_cards(_console(), [(entry, "")])
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from glossary.export import entry_to_dict

    entries = [e for e in _glossary(args) if args.category is None or e.category == args.category]
    entries.sort(key=lambda e: (CATEGORIES.index(e.category) if e.category in CATEGORIES else 99, e.id))
    if args.json:
        _print_json([entry_to_dict(e) for e in entries])
        return EXIT_OK
    for entry in entries:
        print(f"{entry.id}\t{entry.category}\t{entry.en}\t{entry.ko}")
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
        _print_json([s.to_json() for s in spans])
        return EXIT_OK
    console = _console()
    if console.is_terminal:
        console.print(styled(text, spans), end="" if text.endswith("\n") else "\n")
    else:
        sys.stdout.write(bracketed(text, spans))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from glossary.validate import check_paths

    report = check_paths([Path(p) for p in args.paths], curated=args.curated)
    for problem in report.problems:
        print(problem)
    print(report.summary(), file=sys.stderr if report.problems else sys.stdout)
    return EXIT_OK if report.ok else EXIT_NO


def _write_atomically(path: Path, content: str) -> None:
    """Write next to the target, then rename: an interrupted export never leaves half a file."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise CommandError(f"{display_path(path)}: directory {display_path(directory)} does not exist")
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(content)
        os.replace(temp_name, path)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise CommandError(f"{display_path(path)}: cannot write: {exc.strerror or exc}") from None


def cmd_export(args: argparse.Namespace) -> int:
    from glossary.export import EXPORTERS

    content = EXPORTERS[args.format](_glossary(args))
    if args.output:
        _write_atomically(Path(args.output), content)
        print(f"glossary: wrote {args.format} to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(content)
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from glossary.stats import DEFAULT_CORPUS, glossary_summary

    glossary = _glossary(args)
    summary: dict = {"glossary": glossary_summary(glossary)}
    corpus = Path(args.corpus) if args.corpus else DEFAULT_CORPUS
    if args.corpus or corpus.exists():
        summary["corpus"] = _corpus_summary(glossary, corpus, args.min_count, args.missing)
    if args.json:
        _print_json(summary)
    else:
        _print_stats(summary)
    return EXIT_OK


def _corpus_summary(glossary: Glossary, corpus: Path, min_count: int, missing: int) -> dict:
    from glossary.match import Matcher
    from glossary.stats import corpus_coverage, coverage_summary, iter_corpus_texts

    if not corpus.is_file():
        raise CommandError(f"{corpus}: no such corpus file")
    try:
        coverage = corpus_coverage(Matcher(glossary), iter_corpus_texts(corpus))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise CommandError(f"{corpus}: cannot read corpus: {exc}") from None
    return {"path": display_path(corpus), **coverage_summary(coverage, min_count, missing)}


def _print_stats(summary: dict) -> None:
    g = summary["glossary"]
    print(f"entries: {g['entries']} ({g['verified']} verified, {g['verified_share']:.0%}; {g['patterns']} patterns)")
    for category, count in g["per_category"].items():
        print(f"  {category:<13} {count}")
    corpus = summary.get("corpus")
    if not corpus:
        print("corpus: none found (pass --corpus PATH)")
        return
    print(f"corpus: {corpus['path']} ({corpus['articles']} distinct articles)")
    print(
        f"capitalized multi-word n-grams seen >= {corpus['min_occurrences']} times: {corpus['ngrams']}; "
        f"linked {corpus['linked']} ({corpus['linked_share']:.1%}); occurrences linked {corpus['occurrence_share']:.1%}"
    )
    if corpus["missing"]:
        print("most frequent unlinked:")
        for row in corpus["missing"]:
            print(f"  {row['count']:>5}  {row['ngram']}")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--glossary",
        action="append",
        default=[],
        metavar="PATH",
        help="a user glossary file or folder to load as well (repeatable)",
    )
    common.add_argument(
        "--no-user-glossary",
        action="store_true",
        dest="no_user_glossary",
        help="skip the user glossaries in $XDG_CONFIG_HOME/kcna-reader/glossary/",
    )
    parser = argparse.ArgumentParser(prog="glossary", description="The curated DPRK glossary.")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    p = verbs.add_parser("lookup", parents=[common], help="find entries by English, abbreviation, Korean, romanization")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=5)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_lookup)

    p = verbs.add_parser("show", parents=[common], help="show one entry by id")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_show)

    p = verbs.add_parser("list", parents=[common], help="list entries")
    p.add_argument("--category", choices=CATEGORIES)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_list)

    p = verbs.add_parser("annotate", parents=[common], help="mark glossary terms in a text (FILE or - for stdin)")
    p.add_argument("file", nargs="?", default="-", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print spans: start, end, text, id, category")
    p.add_argument("--korean", action="store_true", help="the text is Korean (a translation)")
    p.set_defaults(run=cmd_annotate)

    p = verbs.add_parser("check", parents=[common], help="validate glossary files (default: the shipped data)")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--curated", action="store_true", help="treat the files as curated: category = file name")
    p.set_defaults(run=cmd_check)

    p = verbs.add_parser("export", parents=[common], help="export as json, csv (DeepL/OmegaT), tbx or anki-tsv")
    p.add_argument("--format", required=True, choices=("json", "csv", "tbx", "anki-tsv"))
    p.add_argument("--output", metavar="PATH", help="write here instead of stdout")
    p.set_defaults(run=cmd_export)

    p = verbs.add_parser("stats", parents=[common], help="entries per category and corpus coverage")
    p.add_argument("--corpus", metavar="PATH", help="corpus JSONL or text file (default: the shared dev corpus)")
    p.add_argument("--missing", type=int, default=20, metavar="N", help="list the N most frequent unlinked n-grams")
    p.add_argument("--min-count", type=int, default=5, dest="min_count", metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_stats)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except CommandError as exc:
        print(f"glossary: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("glossary: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
