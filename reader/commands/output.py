"""What every verb prints with ``--json``: one indented JSON document, non-ASCII (Hangul) kept as it is."""

from __future__ import annotations

import json
import sys


def print_json(value: object) -> None:
    """``value`` as indented JSON on stdout, Korean readable (not ``\\uXXXX``), ending in a newline."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
