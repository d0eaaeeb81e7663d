"""Term colours as theme variables, and the high-contrast theme.

Every theme gets the ``term-*`` defaults below; a theme may override any of them in its ``variables``.
"""

from __future__ import annotations

from textual.color import Color, ColorParseError
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


# -- contrast: every text run readable on the cursor sentence and on the plain background ---------------------

#: WCAG 2's minimum contrast for normal text, with a little room for the pane's focus tint.
MIN_CONTRAST = 4.5
_TARGET_CONTRAST = 4.6
#: The cursor sentence's background is the theme's primary colour blended over the background at the largest of
#: these strengths on which the plain text reads (the weakest when none does; the text colour then adapts).
_CURSOR_STRENGTHS = (0.25, 0.2, 0.16, 0.12)


def contrast_ratio(first: Color, second: Color) -> float:
    """WCAG 2 contrast ratio of two opaque colours, from 1 (same) to 21 (black on white).

    Example: white on black is (1.0 + 0.05) / (0.0 + 0.05) = 21.0; #C678DD on #0178D4 is about 1.5.
    """
    def luminance(colour: Color) -> float:
        def channel(value: int) -> float:
            scaled = value / 255
            return scaled / 12.92 if scaled <= 0.03928 else ((scaled + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _readable(colour: Color, backgrounds: list[Color]) -> Color:
    """``colour`` moved toward white (dark backgrounds) or black (light ones) until it reads on every background.

    Example: #C678DD (person names) on a dark blue cursor line becomes a paler violet; a colour that already
    reads is returned unchanged, so a theme's own choices stand wherever they work.
    """
    dark_background = sum(contrast_ratio(b, Color(0, 0, 0)) for b in backgrounds) < sum(
        contrast_ratio(b, Color(255, 255, 255)) for b in backgrounds
    )
    extreme = Color(255, 255, 255) if dark_background else Color(0, 0, 0)
    for step in range(21):
        candidate = colour.blend(extreme, step / 20)
        if all(contrast_ratio(candidate, background) >= _TARGET_CONTRAST for background in backgrounds):
            return candidate
    return extreme


def readable_colours(variables: dict[str, str]) -> dict[str, str]:
    """The theme's term colours made readable, and the colours of the cursor line, dim text and markers.

    Computed from the theme's variables (background, foreground, primary, warning, term-*), so every theme the
    app offers, Textual's included, gets a cursor line on which every run of text reaches WCAG's 4.5:1. Themes
    whose colours the terminal decides (ANSI themes) are left as they are: there is nothing to compute with.
    """
    try:
        background = Color.parse(variables["background"])
        foreground = Color.parse(variables["foreground"])
        primary = Color.parse(variables["primary"])
        warning = Color.parse(variables["warning"])
        terms = {name: Color.parse(value) for name, value in variables.items() if name.startswith("term-")}
    except (KeyError, ColorParseError):
        return {}
    if background.ansi is not None or foreground.ansi is not None:
        return {}
    # The focused pane tints its background with 3% of the foreground (reading.tcss).
    plain = [background, background.blend(foreground, 0.03)]
    texts = {
        "sentence-text": foreground,
        "sentence-dim": background.blend(foreground, 0.6),
        "sentence-marker": warning,
        **terms,
    }
    texts = {name: _readable(colour, plain) for name, colour in texts.items()}
    # The strongest cursor line on which the plain text still reads; the other colours then adapt to it (a
    # fainter line would be easier on them, but the user must see where the cursor is).
    for strength in _CURSOR_STRENGTHS:
        cursor = background.blend(primary, strength)
        if contrast_ratio(texts["sentence-text"], cursor) >= _TARGET_CONTRAST:
            break
    texts = {name: _readable(colour, [*plain, cursor]) for name, colour in texts.items()}
    return {"sentence-cursor": cursor.hex, **{name: colour.hex for name, colour in texts.items()}}
