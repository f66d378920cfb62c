"""The speaker notes in the one-window mode: shown on a key, gone at the next key."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label

from sessions.i18n import t
from tui.widgets.markdown_text import MarkdownText


class SpeakerNotesScreen(ModalScreen[None]):
    """Any key (or a click) closes it, so the room sees the notes only for a moment."""

    def __init__(self, title: str, notes: str) -> None:
        super().__init__()
        self._title = title
        self._notes = notes

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog speaker-notes"):
            yield Label(
                t("console.speaker_notes") + " · " + self._title,
                classes="dialog-title",
                markup=False,
            )
            yield MarkdownText(self._notes or t("console.no_speaker_notes"), line_breaks=True)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.dismiss()

    def on_click(self) -> None:
        self.dismiss()
