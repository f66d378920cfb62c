"""A black screen for when the room should look at each other; any key returns."""

from __future__ import annotations

from textual import events
from textual.screen import Screen


class BlankScreen(Screen[None]):
    """Nothing at all, until a key is pressed."""

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.dismiss()

    def on_click(self) -> None:
        self.dismiss()
