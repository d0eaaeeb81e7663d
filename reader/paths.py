"""Where the reader keeps its files.

Every location honours the XDG variables (and ``ARGOS_PACKAGES_DIR`` for models), so tests and users can
isolate everything in temporary directories. Nothing here creates a directory; callers that write do.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

import platformdirs

APP_NAME = "kcna-reader"

#: The seed articles, shipped inside the package (the repository's top-level ``seeds`` links here), so an
#: installed copy opens its default article; the first start of the library imports them.
SEEDS_DIR = Path(str(files("reader") / "seeds"))
DEFAULT_ARTICLE = SEEDS_DIR / "2023-10-20-kim-jong-un-receives-lavrov.txt"


def data_dir() -> Path:
    """The user data dir (``$XDG_DATA_HOME/kcna-reader``): the store lives here."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The user config dir (``$XDG_CONFIG_HOME/kcna-reader``): settings and user glossaries."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The user cache dir (``$XDG_CACHE_HOME/kcna-reader``): downloads in progress."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def store_path() -> Path:
    """The SQLite store: library, translation cache, study cards and review log."""
    return data_dir() / "reader.sqlite3"


def argos_packages_dir() -> Path:
    """Argos Translate's package dir, shared with Argos Translate and LibreTranslate installs.

    Same rule as ``argostranslate.settings``: ``ARGOS_PACKAGES_DIR`` wins, else
    ``$XDG_DATA_HOME/argos-translate/packages``.
    """
    explicit = os.environ.get("ARGOS_PACKAGES_DIR")
    if explicit:
        return Path(explicit)
    xdg_data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg_data) / "argos-translate" / "packages"
