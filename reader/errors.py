"""Errors a user sees as one line, and the exit codes the command line gives them."""

from __future__ import annotations

from pathlib import Path

#: Exit code for input the reader cannot use (bad file, bad database, bad package).
EXIT_BAD_INPUT = 2
#: Exit code when the translation model for the language pair is not installed.
EXIT_NO_MODEL = 3


class ReaderError(Exception):
    """An expected failure with a message fit to print as one line, without a traceback."""

    exit_code = EXIT_BAD_INPUT


#: Exit code for "no": nothing found, some records rejected, problems found.
EXIT_NO = 1


class NotFoundError(ReaderError):
    """What the user asked for does not exist (no such glossary entry, article or person)."""

    exit_code = EXIT_NO


class InputError(ReaderError):
    """A file the reader cannot use; the message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class StoreError(InputError):
    """The store's file cannot be used (damaged, another program's, made by a newer kcna-reader, unwritable).

    Unlike other bad input, the app cannot go on without its store: it ends with this line (exit 2).
    """


class NoModelError(ReaderError):
    """No installed translation model for a language pair; the message names the install command."""

    exit_code = EXIT_NO_MODEL

    def __init__(self, from_code: str, to_code: str) -> None:
        self.from_code = from_code
        self.to_code = to_code
        super().__init__(
            f"no translation model for {from_code}->{to_code} is installed; "
            f"install one with: reader models install {from_code} {to_code}"
        )
