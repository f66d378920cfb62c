"""Both projector themes keep the wall readable from the back and for every eye: text at least
7:1 against every background it is drawn on (WCAG AAA), borders, rules and the agenda bar at
least 3:1 (WCAG 1.4.11), and the countdown's stages at least ΔE 10 (CIEDE2000) apart from one to
the next, for normal vision and under protanopia, deuteranopia and tritanopia (Machado et al.
2009, full severity)."""

import pytest
from textual.app import App

from tests.unit.colour_vision import MACHADO_2009, distance
from tui.themes import DARK_THEME, LIGHT_THEME, TIMER_VARIABLES, contrast, register_themes

THEMES = [DARK_THEME, LIGHT_THEME]
TEXT_COLOURS = ("foreground", "primary", "accent", "warning", "error", "success", "secondary")
VISIONS = [None, *MACHADO_2009]
SMALLEST_STAGE_DISTANCE = 10.0


def backgrounds(theme) -> dict[str, str]:
    return {"background": theme.background, "surface": theme.surface, "panel": theme.panel}


def resolved(theme) -> dict[str, str]:
    """Every `$variable` as Textual works it out for the theme (derived shades included)."""
    app = App()
    register_themes(app)
    app.theme = theme.name
    return {name: str(value) for name, value in app.get_css_variables().items()}


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_text_colours_have_aaa_contrast_on_every_background(theme):
    colours = {name: getattr(theme, name) for name in TEXT_COLOURS}
    colours["text-muted"] = theme.variables["text-muted"]
    colours["footer-key-foreground"] = theme.variables["footer-key-foreground"]
    for where, background in backgrounds(theme).items():
        for name, colour in colours.items():
            assert colour is not None and background is not None
            ratio = contrast(colour, background)
            assert ratio >= 7, f"{theme.name}: {name} {colour} on {where}: {ratio:.2f}"


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_the_countdown_has_aaa_contrast_on_the_stage(theme):
    """The digits are drawn on the stage's background; the last minute's and the end's labels
    in that background on the stage's colour (the same ratio)."""
    for name in TIMER_VARIABLES:
        ratio = contrast(theme.variables[name], theme.background)
        assert ratio >= 7, f"{theme.name}: {name} on the background: {ratio:.2f}"


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_borders_rules_and_the_agenda_bar_have_3_to_1(theme):
    """`$border-blurred` draws unfocused borders, rules between columns and the agenda still to
    come; as Textual resolves it (the light theme's derived shade used to be pure white)."""
    variables = resolved(theme)
    rule = variables["border-blurred"]
    assert rule.startswith("#") and len(rule) == 7, rule
    for where, background in backgrounds(theme).items():
        ratio = contrast(rule, background)
        assert ratio >= 3, f"{theme.name}: border-blurred {rule} on {where}: {ratio:.2f}"
    # The focused border too.
    border = variables["border"]
    assert contrast(border[:7], theme.background) >= 3


def test_nothing_drawn_uses_the_derived_shade_that_vanished():
    from pathlib import Path

    root = Path(__file__).parents[2] / "tui"
    users = [p for p in root.rglob("*") if p.suffix in {".py", ".tcss"}]
    assert not [p for p in users if "$panel-lighten-2" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("vision", VISIONS, ids=lambda v: v or "normal")
@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_timer_stages_stay_apart_for_every_eye(theme, vision):
    stages = [theme.variables[name] for name in TIMER_VARIABLES]
    for first, second in zip(stages, stages[1:], strict=False):
        apart = distance(first, second, vision)
        assert apart >= SMALLEST_STAGE_DISTANCE, (
            f"{theme.name}, {vision or 'normal'}: {first} → {second} only ΔE {apart:.1f}"
        )


def test_the_colour_distance_matches_published_values():
    """CIEDE2000 against Sharma, Wu and Dalal's test data (pairs 1 and 17), and a simulation
    that makes a red and a green of equal lightness close for a deuteranope."""
    from tests.unit.colour_vision import ciede2000

    assert ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, abs=1e-4)
    assert distance("#ff0000", "#00ff00") > 50
    assert distance("#d75f00", "#5f8700", "deuteranopia") < distance("#d75f00", "#5f8700")
    assert distance("#777777", "#777777", "tritanopia") == pytest.approx(0)


def test_the_contrast_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#777777") == pytest.approx(1)
