"""Going through the last session's action plan: a status and a comment for each action."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from sessions.errors import OplaegError
from sessions.i18n import t
from sessions.live import LiveSession
from sessions.models import FollowUp, FollowUpStatus
from tui.keys import FOLLOWUP_KEYS, bindings
from tui.screens.text_prompt import TextPrompt
from tui.widgets.wrapping_table import WrappingTable

COLUMN_SHARES = {"what": 0.4, "who": 0.2, "status": 0.15, "comment": 0.25}

STATUS_KEYS = {
    "1": FollowUpStatus.DONE,
    "2": FollowUpStatus.ONGOING,
    "3": FollowUpStatus.NOT_STARTED,
    "4": FollowUpStatus.DROPPED,
}


class FollowUpScreen(ModalScreen[None]):
    """Every carried-over action; 1–4 set its status, `c` its comment. Saved at once."""

    BINDINGS = bindings(FOLLOWUP_KEYS)

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog action-plan"):
            yield Label(t("followup.screen_title"), classes="dialog-title", markup=False)
            yield WrappingTable(
                [(t(f"followup.col.{name}"), share) for name, share in COLUMN_SHARES.items()],
                id="followup-table",
                cursor_type="row",
            )
            yield Label("", id="followup-message", markup=False)
            yield Label(t("followup.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.reload()
        self.query_one(WrappingTable).focus()

    def reload(self) -> None:
        rows = []
        for followup in self.live.plan.followups():
            status = t(f"followup.status.{followup.status.value}") if followup.status else "–"
            cells = (followup.action.what, followup.action.who, status, followup.comment)
            rows.append(([Text(cell) for cell in cells], followup.id))
        self.query_one(WrappingTable).fill(rows)

    def _selected(self) -> FollowUp | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return next((f for f in self.live.plan.followups() if f.id == row_key.value), None)

    def action_status(self, key: str) -> None:
        if (followup := self._selected()) is not None:
            self._save(lambda: self.live.plan.set_followup(followup.id, STATUS_KEYS[key]))

    def action_comment(self) -> None:
        followup = self._selected()
        if followup is None:
            return

        def written(comment: str | None) -> None:
            if comment is not None:
                self._save(
                    lambda: self.live.plan.set_followup(followup.id, followup.status, comment)
                )

        question = t("followup.comment", what=followup.action.what)
        self.app.push_screen(TextPrompt(question, followup.comment), written)

    def _save(self, change: Callable[[], object]) -> None:
        try:
            change()
        except OplaegError as error:
            self.query_one("#followup-message", Label).update(t("error.storage", reason=str(error)))
        self.reload()

    def action_close(self) -> None:
        self.dismiss()
