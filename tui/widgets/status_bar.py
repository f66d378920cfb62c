"""The line at the top: theme, segment, position and the session clock. Always visible."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label


class StatusBar(Horizontal):
    """Theme title · segment title · position · clock. All text is shown literally."""

    _clock_text = ""

    def compose(self) -> ComposeResult:
        yield Label("", id="status-theme", markup=False)
        yield Label("", id="status-segment", markup=False)
        yield Label("", id="status-position", markup=False)
        yield Label("", id="status-clock", markup=False)

    def show(self, theme: str, segment: str, position: str) -> None:
        self.query_one("#status-theme", Label).update(theme)
        self.query_one("#status-segment", Label).update(segment)
        self.query_one("#status-position", Label).update(position)

    def show_clock(self, text: str) -> None:
        """Called every tick: repaints only when the text changes."""
        if text != self._clock_text:
            self._clock_text = text
            self.query_one("#status-clock", Label).update(text)
