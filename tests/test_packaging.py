"""The wheel as a user gets it: built offline, installed outside the repository, it opens the seed article.

An editable install (``make install``) reads everything from the repository, so a file left out of the package
data (a seed, a glossary YAML, a stylesheet) would pass every other test and fail for every user.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import reader

REPO = Path(__file__).resolve().parent.parent
SEED_TITLE = "Respected Comrade Kim Jong Un Receives Russian Foreign Minister"


def pip(*args: str, cwd: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", *args, "--no-index", "--no-deps", "--quiet", "--disable-pip-version-check"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_installed_wheel_opens_the_seed_article_outside_the_repository(tmp_path: Path) -> None:
    # Build from a copy of what the package is made of, so the build writes nothing into the repository.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    for package in ("reader", "glossary"):
        shutil.copytree(REPO / package, source / package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp_path / "dist"
    pip("wheel", "--no-build-isolation", "--wheel-dir", str(dist), str(source), cwd=tmp_path)
    (wheel,) = dist.glob("*.whl")
    assert wheel.name == f"kcna_reader-{reader.__version__}-py3-none-any.whl"

    names = set(zipfile.ZipFile(wheel).namelist())
    seeds = sorted(path.name for path in (REPO / "reader" / "seeds").glob("*.txt"))
    assert {f"reader/seeds/{name}" for name in seeds} <= names
    glossary_data = sorted(path.name for path in (REPO / "glossary" / "data").glob("*.yaml"))
    assert glossary_data and {f"glossary/data/{name}" for name in glossary_data} <= names
    stylesheets = {str(path.relative_to(REPO)) for path in (REPO / "reader").rglob("*.tcss")}
    assert stylesheets and stylesheets <= names

    site = tmp_path / "site"
    pip("install", "--target", str(site), str(wheel), cwd=tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    command = site / "bin" / "reader"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)

    origin = run(
        sys.executable,
        "-c",
        "import glossary, reader.paths; print(reader.__file__, glossary.__file__, reader.paths.DEFAULT_ARTICLE)",
    )
    assert origin.returncode == 0, origin.stderr
    assert all(Path(path).is_relative_to(site) for path in origin.stdout.split()), origin.stdout

    version = run(str(command), "--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"reader {reader.__version__}")

    plain = run(str(command), "--plain")
    assert plain.returncode == 0, plain.stderr
    lines = plain.stdout.splitlines()
    assert lines[0] == SEED_TITLE
    assert any(line.startswith("Kim Jong Un, general secretary of the Workers' Party of Korea") for line in lines)
    assert "no translation model for en->ko is installed" in plain.stdout
    assert "Traceback" not in plain.stderr


def test_reader_version_prints_the_package_version() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).with_name("reader")), "--version"], capture_output=True, text=True, timeout=60
    )
    assert (result.returncode, result.stdout) == (0, f"reader {reader.__version__}\n")
