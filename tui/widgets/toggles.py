"""Checkboxes and radio buttons whose state shows in the glyph, not only in its colour: Textual
draws the same "X" (or "●") ticked or not and tells them apart by colour alone, which a
colour-blind consultant or a washed-out projector cannot see. Ticked "X", not ticked blank;
chosen "●", not chosen "○"."""

from __future__ import annotations

from textual.content import Content
from textual.style import Style
from textual.widgets import Checkbox as TextualCheckbox
from textual.widgets import RadioButton as TextualRadioButton


def _button(widget: TextualCheckbox | TextualRadioButton, inner: str) -> Content:
    """The button as Textual draws it, with `inner` in the middle."""
    button_style = widget.get_visual_style("toggle--button")
    side_style = Style(foreground=button_style.background, background=widget.background_colors[1])
    return Content.assemble(
        (widget.BUTTON_LEFT, side_style), (inner, button_style), (widget.BUTTON_RIGHT, side_style)
    )


class Checkbox(TextualCheckbox):
    BUTTON_OFF = " "

    @property
    def _button(self) -> Content:
        return _button(self, self.BUTTON_INNER if self.value else self.BUTTON_OFF)


class RadioButton(TextualRadioButton):
    BUTTON_OFF = "○"

    @property
    def _button(self) -> Content:
        return _button(self, self.BUTTON_INNER if self.value else self.BUTTON_OFF)
