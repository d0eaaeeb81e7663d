"""The ``reader`` command: a thin dispatcher to each feature's own command-line module.

Each verb's module is imported only when that verb runs, so ``reader parse`` never pays for Textual or
CTranslate2. A verb module provides ``add_arguments(parser)`` and ``run(args) -> int``.
Expected failures (``ReaderError``) print one line on stderr and exit with their code; never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from reader.errors import ReaderError

#: verb -> (module, one-line help)
VERBS: dict[str, tuple[str, str]] = {
    "parse": ("reader.articles.cli", "parse an article file and print it sentence by sentence"),
    "translate": ("reader.translate.cli", "translate an article file sentence by sentence"),
    "models": ("reader.translate.models_cli", "list, install and remove translation models"),
    "import": ("reader.library.cli", "add articles (files, folders, corpus JSONL, - for stdin) to the library"),
    "study": ("reader.study.cli", "review the glossary terms you met, with spaced repetition"),
}

#: What ``reader [FILE]`` runs: the app (falls back to a plain preview until the app lands).
OPEN_MODULE = "reader.app.cli"


def _build_verb_parser(verb: str) -> tuple[argparse.ArgumentParser, object]:
    module_name, help_text = VERBS[verb]
    module = importlib.import_module(module_name)
    parser = argparse.ArgumentParser(prog=f"reader {verb}", description=help_text)
    module.add_arguments(parser)
    return parser, module


def _top_level_help() -> str:
    lines = ["usage: reader [FILE] [--library] [--plain] [--glossary PATH]", "       reader VERB [ARGS]", "", "verbs:"]
    lines += [f"  {verb:<10} {help_text}" for verb, (_, help_text) in VERBS.items()]
    lines += ["", "With no verb, opens the reader on FILE (default: the seed article)."]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in ("-h", "--help"):
        print(_top_level_help())
        return 0
    try:
        if args_list and args_list[0] in VERBS:
            parser, module = _build_verb_parser(args_list[0])
            args = parser.parse_args(args_list[1:])
            return int(module.run(args) or 0)
        module = importlib.import_module(OPEN_MODULE)
        parser = argparse.ArgumentParser(prog="reader", description="Open the reader.")
        module.add_arguments(parser)
        args = parser.parse_args(args_list)
        return int(module.run(args) or 0)
    except ReaderError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
