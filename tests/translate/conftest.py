"""Fixtures for the translation tests: the echo model installed the way Argos installs (plain unzip).

Installing by unzipping keeps these tests independent of ``reader.models.install`` (tested on its own).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from echo_helpers import unzip_package


@pytest.fixture
def installed_echo_model(echo_model_package: Path) -> Path:
    """The echo model unzipped into this test's own ``ARGOS_PACKAGES_DIR``."""
    return unzip_package(echo_model_package, Path(os.environ["ARGOS_PACKAGES_DIR"]))


@pytest.fixture(scope="module")
def echo_engine(echo_model_package: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """One loaded echo-model engine per test module (loading is the slow part)."""
    from reader.translate.argos_engine import load_engine

    packages_dir = tmp_path_factory.mktemp("module-packages")
    unzip_package(echo_model_package, packages_dir)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARGOS_PACKAGES_DIR", str(packages_dir))
        yield load_engine("en", "ko", beam_size=4)
