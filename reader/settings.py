"""The user's settings: typed, documented, read from ``$XDG_CONFIG_HOME/kcna-reader/settings.yaml``.

Every field has a default, so the file is optional and may name only what it changes::

    target_language: ko
    beam_size: 4
    theme: kcna-high-contrast
    new_cards_per_day: 20
    reviews_per_day: 200
    day_starts_at: 4

A broken file, an unknown key or a value of the wrong type is reported as one ``file:line``-free warning naming the
file and the key, and the default is used: settings never stop the reader. The app writes the file back (atomically)
only to remember the theme the user picked.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from glossary.yamlio import UntrustedYamlError, check_untrusted_yaml
from reader.paths import config_dir

#: Settings files larger than this are refused (a settings file is a few lines).
MAX_SETTINGS_BYTES = 64 * 1024


@dataclass
class Settings:
    target_language: str = "ko"
    """Language code translations are made into (an Argos package for en->this must be installed)."""

    beam_size: int = 4
    """Beam width of the translation search: 1 is fastest, 4 is Argos's default and better."""

    theme: str = "textual-dark"
    """The app's theme: any Textual theme name, or kcna-high-contrast. The app remembers the last one picked."""

    new_cards_per_day: int = 20
    """Study: new cards introduced per day."""

    reviews_per_day: int = 200
    """Study: reviews shown per day at most."""

    day_starts_at: int = 4
    """Study: the local hour at which a new study day begins (0-23)."""

    warnings: list[str] = field(default_factory=list, repr=False, compare=False)
    """Problems met while reading the file (not a setting)."""


#: Valid ranges of the numeric settings.
_BOUNDS: dict[str, tuple[int, int]] = {
    "beam_size": (1, 16),
    "new_cards_per_day": (0, 10_000),
    "reviews_per_day": (0, 100_000),
    "day_starts_at": (0, 23),
}


def settings_path() -> Path:
    return config_dir() / "settings.yaml"


def _setting_fields() -> dict[str, type]:
    return {f.name: type(getattr(Settings(), f.name)) for f in fields(Settings) if f.name != "warnings"}


def load_settings(path: Path | None = None) -> Settings:
    """The settings in ``path`` (default: the user's file) over the defaults; never raises for bad content."""
    path = path or settings_path()
    settings = Settings()
    if not path.is_file():
        return settings
    import yaml

    try:
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            settings.warnings.append(f"{path}: larger than {MAX_SETTINGS_BYTES // 1024} KB; using the defaults")
            return settings
        text = path.read_text(encoding="utf-8")
        # A settings file is a flat mapping: no aliases (an alias bomb costs gigabytes once printed), two levels.
        check_untrusted_yaml(text, max_nesting=2, max_nodes=1_000)
        document = yaml.safe_load(text)
    except UntrustedYamlError as exc:
        settings.warnings.append(f"{path}:{exc.line}: {exc.problem}; using the defaults")
        return settings
    except (OSError, UnicodeDecodeError) as exc:
        settings.warnings.append(f"{path}: unreadable ({exc}); using the defaults")
        return settings
    except yaml.YAMLError as exc:
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        settings.warnings.append(f"{path}: not valid YAML ({problem}); using the defaults")
        return settings
    if document is None:
        return settings
    if not isinstance(document, dict):
        settings.warnings.append(f"{path}: expected a mapping of settings; using the defaults")
        return settings
    known = _setting_fields()
    for key, value in document.items():
        expected = known.get(str(key))
        if expected is None:
            settings.warnings.append(f"{path}: unknown setting {key!r} ignored (known: {', '.join(known)})")
        elif not isinstance(value, expected) or isinstance(value, bool):
            kind = {int: "whole number", str: "string"}.get(expected, expected.__name__)
            settings.warnings.append(f"{path}: {key} must be a {kind}, not {value!r}; using the default")
        elif key in _BOUNDS and isinstance(value, int) and not _BOUNDS[key][0] <= value <= _BOUNDS[key][1]:
            low, high = _BOUNDS[key]
            settings.warnings.append(f"{path}: {key} must be from {low} to {high}, not {value}; using the default")
        else:
            setattr(settings, key, value)
    return settings


def load_settings_reporting() -> Settings:
    """The user's settings for a command: each warning printed to stderr as one ``reader: ...`` line."""
    import sys

    settings = load_settings()
    for warning in settings.warnings:
        print(f"reader: {warning}", file=sys.stderr)
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write ``settings`` atomically (a temporary file renamed into place): never a half-written file."""
    import yaml

    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    values = {key: value for key, value in asdict(settings).items() if key != "warnings"}
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".yaml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            yaml.safe_dump(values, stream, sort_keys=False, allow_unicode=True)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
