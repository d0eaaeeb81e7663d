"""Term colours as theme variables, and the high-contrast theme.

Every theme gets the ``term-*`` defaults below; a theme may override any of them in its ``variables``.
"""

from __future__ import annotations

from textual.theme import Theme

#: Default colour of each glossary category's terms (and the gloss colour).
TERM_VARIABLE_DEFAULTS: dict[str, str] = {
    "term-title": "#e5c07b",
    "term-party-body": "#e06c75",
    "term-state-body": "#61afef",
    "term-military": "#d19a66",
    "term-organization": "#56b6c2",
    "term-media": "#98c379",
    "term-person": "#c678dd",
    "term-place": "#7fb4a6",
    "term-phrase": "#a9b1d6",
    "term-ideology": "#ff9e64",
    "term-event": "#f7768e",
    "term-korean": "#e5c07b",
}

#: The same roles in darker shades, legible on the light themes' pale backgrounds.
TERM_VARIABLE_DEFAULTS_LIGHT: dict[str, str] = {
    "term-title": "#8a6100",
    "term-party-body": "#b3261e",
    "term-state-body": "#1f5fa8",
    "term-military": "#a14d00",
    "term-organization": "#00707a",
    "term-media": "#2e7d32",
    "term-person": "#7b2cbf",
    "term-place": "#2f6f5e",
    "term-phrase": "#3f4a8a",
    "term-ideology": "#b35900",
    "term-event": "#b0004f",
    "term-korean": "#8a6100",
}

HIGH_CONTRAST = Theme(
    name="kcna-high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ff00ff",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    success="#00ff00",
    warning="#ffff00",
    error="#ff3030",
    dark=True,
    variables={
        "term-title": "#ffff00",
        "term-party-body": "#ff5050",
        "term-state-body": "#00c8ff",
        "term-military": "#ffa500",
        "term-organization": "#00ffff",
        "term-media": "#00ff00",
        "term-person": "#ff80ff",
        "term-place": "#80ffc0",
        "term-phrase": "#ffffff",
        "term-ideology": "#ffb000",
        "term-event": "#ff60a0",
        "term-korean": "#ffff00",
        "text-muted": "#d0d0d0",
    },
)
