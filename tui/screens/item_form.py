"""Edit a board item: its text and the group's reason for where it stands."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from sessions.i18n import t
from sessions.text import clean_line


class ItemForm(ModalScreen[tuple[str, str] | None]):
    """Enter saves (text, reason); Escape cancels; an empty text keeps the old one."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, text: str, reason: str) -> None:
        super().__init__()
        self._text = text
        self._reason = reason

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("board.edit_title"), classes="dialog-title", markup=False)
            yield Label(t("board.item"), classes="field-label", markup=False)
            yield Input(self._text, id="item-text", compact=True, max_length=300)
            yield Label(t("board.why"), classes="field-label", markup=False)
            yield Input(self._reason, id="item-reason", compact=True, max_length=300)
            yield Label(t("board.edit_hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#item-text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = clean_line(self.query_one("#item-text", Input).value) or self._text
        reason = clean_line(self.query_one("#item-reason", Input).value)
        self.dismiss((text, reason))

    def action_cancel(self) -> None:
        self.dismiss(None)
