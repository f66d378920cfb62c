"""Textual's footer, recomposed only when what it shows changes.

Textual's `Footer` rebuilds every key whenever the screen's bindings are refreshed: each focus
change, each page of the presenter (the exercise widget takes focus), each `refresh_bindings`.
Most of those leave the shown keys exactly as they were, and rebuilding them (new widgets,
styles applied to each) is the larger part of a page change.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter

Shown = tuple[tuple[str, str, str, bool, str], ...]


def shown_keys(screen: Screen[object]) -> Shown:
    """What a footer on `screen` shows: each shown binding's key, label, action, whether it is
    enabled, and its tooltip."""
    return tuple(
        (binding.key, binding.description, binding.action, enabled, tooltip)
        for _, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show or binding.action == "command_palette"
    )


class Footer(TextualFooter):
    """The keys of the screen; repaints only when they change."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: Shown | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            shown = shown_keys(screen)
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)
