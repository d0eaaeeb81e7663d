"""The core is importable without Textual (as harlequin proves for its own core)."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "reader.articles.load",
    "reader.articles.corpus",
    "reader.translate.argos_engine",
    "reader.translate.cache",
    "reader.translate.service",
    "reader.models.install",
    "reader.library.store",
    "reader.library.importer",
    "reader.context",
    "reader.settings",
    "reader.view",
    "reader.study",
    "glossary.data",
    "glossary.match",
    "reader.commands.reader",
]


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"core imported Textual: {result.stdout.strip()}"


def test_parse_does_not_import_heavy_modules() -> None:
    """`reader parse` stays fast: no Textual, no CTranslate2, no argostranslate."""
    code = (
        "import sys\n"
        "from reader.commands.reader import main\n"
        "main(['parse', 'seeds/2023-10-20-kim-jong-un-receives-lavrov.txt', '--json'])\n"
        "heavy = [m for m in ('textual', 'ctranslate2', 'argostranslate', 'torch') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY=\n" in result.stderr or result.stderr.strip().endswith("HEAVY=")
