"""Running the real ``reader`` console script in temporary XDG dirs, with a store that has the seed article opened."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
READER = REPO / ".venv" / "bin" / "reader"


def cli_env(home: Path, template: Path | None) -> dict[str, str]:
    """Environment for a subprocess: XDG dirs under ``home``, UTC, unbuffered; the store copied from ``template``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        (home / name.lower()).mkdir(parents=True, exist_ok=True)
        env[name] = str(home / name.lower())
    env["TZ"] = "UTC"
    env["PYTHONUNBUFFERED"] = "1"
    if template is not None:
        target = store_file(env)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(template, target)
    return env


def store_file(env: dict[str, str]) -> Path:
    return Path(env["XDG_DATA_HOME"]) / "kcna-reader" / "reader.sqlite3"


def reader(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(READER), *args], input=stdin, env=env, capture_output=True, text=True, timeout=60)


def logged_ratings(env: dict[str, str]) -> list[int]:
    conn = sqlite3.connect(store_file(env))
    try:
        return [row[0] for row in conn.execute("SELECT rating FROM study_reviews ORDER BY id")]
    finally:
        conn.close()
