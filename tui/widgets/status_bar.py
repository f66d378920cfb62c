"""The two lines at the top, always visible: theme, agenda item, position and clock; then the
agenda bar and where the session stands in time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label

from sessions.schedule import Schedule
from tui.widgets.agenda_bar import AgendaBar


class StatusBar(Vertical):
    """All text is shown literally; labels repaint only when their text changes."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="status-top"):
            yield Label("", id="status-theme", markup=False)
            yield Label("", id="status-segment", markup=False)
            yield Label("", id="status-position", markup=False)
            yield Label("", id="status-clock", markup=False)
        with Horizontal(id="status-bottom"):
            yield AgendaBar(id="agenda-bar")
            yield Label("", id="status-item-left", markup=False)
            yield Label("", id="status-timing", markup=False)
            yield Label("", id="status-pace", markup=False)

    def show(self, theme: str, segment: str, position: str) -> None:
        self._set("#status-theme", theme)
        self._set("#status-segment", segment)
        self._set("#status-position", position)

    def show_clock(self, text: str) -> None:
        self._set("#status-clock", text)

    def show_timing(
        self,
        schedule: Schedule,
        current_id: str,
        progress: float,
        item_left: str,
        timing: str,
        pace: str,
        pace_class: str,
    ) -> None:
        """The agenda bar, time left in the item, elapsed and end, and ahead/behind."""
        self.query_one(AgendaBar).show(schedule, current_id, progress)
        self._set("#status-item-left", item_left)
        self._set("#status-timing", timing)
        pace_label = self._set("#status-pace", pace)
        for name in ("-behind", "-ahead", "-on-time", "-paused"):
            pace_label.set_class(name == pace_class, name)

    def _set(self, selector: str, text: str) -> Label:
        label = self.query_one(selector, Label)
        if str(label.content) != text:
            label.update(text)
        return label
