"""`j`: what adjusting the rest of the agenda would change, before → after, to accept or not."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from sessions.errors import OplaegError
from sessions.i18n import t
from sessions.live import LiveSession
from sessions.schedule import apply
from tui.advice import describe, suggestion


class RebalanceScreen(ModalScreen[str | None]):
    """Enter (or y) carries it out; Escape (or n) leaves the agenda as it is. Dismisses with
    the message to show when the agenda was changed."""

    BINDINGS = [
        Binding("enter,y,j", "accept", t("rebalance.accept")),
        Binding("escape,n", "cancel", t("cancel")),
    ]

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live
        self.changes = suggestion(live)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("rebalance.title"), classes="dialog-title", markup=False)
            if not self.changes:
                yield Static(Content(t("rebalance.nothing")))
            else:
                rows = [
                    Content(t("rebalance.row", title=c.title, old=c.old_minutes, new=c.new_minutes))
                    for c in self.changes
                ]
                yield Static(Content("\n").join(rows))
            yield Label("", id="rebalance-error", markup=False)
            yield Label(t("rebalance.hint"), classes="dialog-hint", markup=False)

    def action_accept(self) -> None:
        if not self.changes:
            self.dismiss(None)
            return
        try:
            self.live.set_schedule(apply(self.live.schedule, self.changes))
        except OplaegError as error:
            self.query_one("#rebalance-error", Label).update(
                t("error.not_saved", reason=str(error))
            )
            return
        self.dismiss(t("rebalance.done", changes=describe(self.changes)))

    def action_cancel(self) -> None:
        self.dismiss(None)
