"""One command shape for ``reader`` and ``glossary``: a lazy verb registry, did-you-mean, one-line errors.

A verb is registered by name with the import path of what runs it, so starting ``reader parse`` imports the
parse verb and nothing else (no Textual, no CTranslate2). What runs a verb satisfies ``VerbRunner``: a module
or an object with ``add_arguments(parser)`` and ``run(args) -> int``.

Exit codes are the same for every verb of both commands: 0 done, 1 "no" (nothing found, some records rejected,
check found problems), 2 unusable input, 3 no translation model, 130 interrupted. Expected failures
(``ReaderError``) print one ``prog: message`` line on stderr, and so does a SQLite error saying the store's file
is damaged or unusable (``reader.store.db.store_error``); an unexpected exception is not swallowed here.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import importlib
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

from reader.errors import EXIT_BAD_INPUT, ReaderError

EXIT_INTERRUPTED = 130


class VerbRunner(Protocol):
    """What runs one verb: adds its arguments to the verb's parser, then runs with the parsed arguments."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


@dataclass(frozen=True)
class Verb:
    """A verb of a command: its name, a one-line help, and ``target`` = ``"package.module"`` or ``"module:attr"``."""

    name: str
    target: str
    help: str

    def load(self) -> VerbRunner:
        module_name, _, attribute = self.target.partition(":")
        module = importlib.import_module(module_name)
        return cast(VerbRunner, getattr(module, attribute) if attribute else module)


@dataclass(frozen=True)
class Command:
    """A whole command: ``prog verb [args]``; ``default`` runs when the first word is not a verb (``reader FILE``)."""

    prog: str
    description: str
    verbs: tuple[Verb, ...]
    default: Verb | None = None
    usage: str = ""

    def verb(self, name: str) -> Verb | None:
        return next((verb for verb in self.verbs if verb.name == name), None)

    def help_text(self) -> str:
        lines = [self.usage or f"usage: {self.prog} VERB [ARGS]", "", self.description, "", "verbs:"]
        width = max(len(verb.name) for verb in self.verbs) + 2
        lines += [f"  {verb.name:<{width}}{verb.help}" for verb in self.verbs]
        lines += ["", f"'{self.prog} VERB --help' describes a verb."]
        return "\n".join(lines)

    def suggestion(self, word: str) -> str | None:
        """The verb a mistyped word most likely meant ("imprt" -> "import"), if any is close."""
        close = difflib.get_close_matches(word, [verb.name for verb in self.verbs], n=1, cutoff=0.6)
        return close[0] if close else None


def _looks_like_a_verb(word: str) -> bool:
    """A bare word that names no file: ``reader imprt`` is a typo, ``reader article.txt`` an article to open."""
    return word.isidentifier() and not Path(word).exists()


def _parse_and_run(prog: str, verb: Verb, argv: list[str]) -> int:
    runner = verb.load()
    parser = argparse.ArgumentParser(prog=prog, description=verb.help)
    runner.add_arguments(parser)
    return int(runner.run(parser.parse_args(argv)) or 0)


def run_command(command: Command, argv: Sequence[str] | None = None, version: str | None = None) -> int:
    """Run ``command`` on ``argv`` (default: ``sys.argv[1:]``) and return the exit code; never a traceback for
    an expected failure."""
    words = list(sys.argv[1:] if argv is None else argv)
    prog = command.prog
    try:
        if words and words[0] in ("-h", "--help"):
            print(command.help_text())
            return 0
        if words and words[0] == "--version" and version is not None:
            print(f"{prog} {version}")
            return 0
        verb = command.verb(words[0]) if words else None
        if verb is not None:
            return _parse_and_run(f"{prog} {verb.name}", verb, words[1:])
        if words and _looks_like_a_verb(words[0]) and (command.default is None or command.suggestion(words[0])):
            hint = command.suggestion(words[0])
            did_you_mean = f"; did you mean '{hint}'?" if hint else f"; '{prog} --help' lists the verbs"
            print(f"{prog}: unknown verb '{words[0]}'{did_you_mean}", file=sys.stderr)
            return EXIT_BAD_INPUT
        if command.default is None:
            print(command.help_text(), file=sys.stderr)
            return EXIT_BAD_INPUT
        return _parse_and_run(prog, command.default, words)
    except ReaderError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (``| head``): not an error; keep Python from complaining at exit.
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - replaced for the rest of the process
        return 0
    except Exception as exc:
        # SQLite errors name no file: one from a query on a damaged store becomes its one line here, for
        # every verb at once. Anything else is a bug and keeps its traceback (and a non-zero exit).
        store_error = _store_error(exc)
        if store_error is None:
            raise
        print(f"{prog}: {store_error}", file=sys.stderr)
        return store_error.exit_code


def _store_error(error: Exception) -> ReaderError | None:
    """``error`` as one line naming the store when it says the store's file cannot be used (damaged, full, ...)."""
    if "sqlite3" not in sys.modules:
        return None  # no database was opened: nothing to translate (and no import of the store at start-up)
    from reader.store.db import store_error

    return store_error(error)
