"""The two projector themes: dark for a dim room, light for a bright one. Every colour the app
uses comes from these (as `$variables` in the CSS). Tests check, in both: text at least 7:1
against the background, surface and panel (WCAG AAA); rules, borders and the agenda bar at
least 3:1 (`$border-blurred`, set here: the derived shade turned pure white in the light theme);
and the countdown's stages (`$timer-*`) at least ΔE 10 (CIEDE2000) apart from one stage to the
next, for normal vision and under protanopia, deuteranopia and tritanopia."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.theme import Theme

DARK = "oplaeg-moerk"
LIGHT = "oplaeg-lys"

DARK_THEME = Theme(
    name=DARK,
    primary="#ffd75f",
    secondary="#87d7ff",
    accent="#ffaf5f",
    warning="#ffd75f",
    error="#ff8787",
    success="#87ff87",
    foreground="#ffffff",
    background="#000000",
    surface="#121212",
    panel="#1c1c1c",
    dark=True,
    variables={
        "text-muted": "#c6c6c6",
        "footer-background": "#1c1c1c",
        "footer-key-foreground": "#ffd75f",
        "footer-description-foreground": "#e4e4e4",
        "block-cursor-background": "#ffd75f",
        "block-cursor-foreground": "#000000",
        "input-selection-background": "#5f5f00",
        "border-blurred": "#707070",
        "timer-running": "#ffffff",
        "timer-warning": "#ffd75f",
        "timer-urgent": "#ff87ff",
        "timer-done": "#ff5f87",
    },
)

LIGHT_THEME = Theme(
    name=LIGHT,
    primary="#5c3d00",
    secondary="#003f7f",
    accent="#7a2e00",
    warning="#5f4300",
    error="#8b0000",
    success="#00562a",
    foreground="#000000",
    background="#ffffff",
    surface="#f2f2f2",
    panel="#e8e8e8",
    dark=False,
    variables={
        "text-muted": "#3a3a3a",
        "footer-background": "#e8e8e8",
        "footer-key-foreground": "#5c3d00",
        "footer-description-foreground": "#1c1c1c",
        "block-cursor-background": "#5c3d00",
        "block-cursor-foreground": "#ffffff",
        "input-selection-background": "#ffd787",
        "border-blurred": "#707070",
        "timer-running": "#000000",
        "timer-warning": "#5f4300",
        "timer-urgent": "#8700af",
        "timer-done": "#870000",
    },
)

THEMES = (DARK_THEME, LIGHT_THEME)
TIMER_VARIABLES = ("timer-running", "timer-warning", "timer-urgent", "timer-done")
"""The countdown's colours by stage, in the order a countdown passes through them."""


def variable_defaults() -> dict[str, str]:
    """oplaeg's own `$variables` before one of its themes is chosen (Textual needs a value for
    every variable the CSS names when it first reads it)."""
    return {name: DARK_THEME.variables[name] for name in TIMER_VARIABLES}


def register_themes(app: App[Any]) -> None:
    for theme in THEMES:
        app.register_theme(theme)


def luminance(colour: str) -> float:
    """Relative luminance of `#rrggbb` (WCAG 2)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours (1–21)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
