"""Helpers for the translation tests: load the echo-model builder, install a package by unzipping, corpus sentences."""

from __future__ import annotations

import importlib.util
import json
import zipfile
from pathlib import Path
from types import ModuleType

ECHO_BUILDER = Path(__file__).resolve().parent.parent / "fixtures" / "echo_model.py"


def load_echo_builder() -> ModuleType:
    """``tests/fixtures/echo_model.py`` as a module (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location("echo_model_builder", ECHO_BUILDER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def unzip_package(package: Path, packages_dir: Path) -> Path:
    """Install ``package`` into ``packages_dir`` as Argos's install_from_path does; returns its folder."""
    packages_dir.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(packages_dir)
        return packages_dir / archive.namelist()[0].split("/")[0]


def corpus_sentences(corpus: Path, count: int, max_chars: int = 240) -> list[str]:
    """The first ``count`` distinct corpus paragraphs' first sentences up to ``max_chars`` long."""
    from reader.articles.segment import split_sentences

    found: list[str] = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            for paragraph in json.loads(line)["text"].split("\n"):
                for sentence in split_sentences(paragraph.strip()):
                    if 0 < len(sentence) <= max_chars and sentence not in found:
                        found.append(sentence)
                        if len(found) == count:
                            return found
    return found
