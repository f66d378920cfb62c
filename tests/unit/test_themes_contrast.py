"""Both projector themes keep text readable from the back: at least 7:1 against the background
(WCAG AAA) for every colour text is drawn in."""

import pytest

from tui.themes import DARK_THEME, LIGHT_THEME, contrast

TEXT_COLOURS = ("foreground", "primary", "accent", "warning", "error", "success", "secondary")


@pytest.mark.parametrize("theme", [DARK_THEME, LIGHT_THEME], ids=lambda t: t.name)
def test_text_colours_have_aaa_contrast(theme):
    background = theme.background
    assert background is not None
    for name in TEXT_COLOURS:
        colour = getattr(theme, name)
        assert colour is not None
        assert contrast(colour, background) >= 7, f"{theme.name}: {name} {colour}"
    assert contrast(theme.variables["text-muted"], background) >= 7
    for surface in (theme.surface, theme.panel):
        assert surface is not None
        assert contrast(theme.foreground or "", surface) >= 7
        assert contrast(theme.variables["text-muted"], surface) >= 7


def test_the_contrast_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#777777") == pytest.approx(1)
