"""`j`: what adjusting the rest of the agenda would change, before → after, for the consultant
to accept or not. It never leaves an item out by itself: when shortening to the minimums is not
enough, it lists what could be skipped, and the consultant chooses (keys 1–9)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from sessions.agenda.rebalance import Rebalance
from sessions.errors import OplaegError
from sessions.i18n import t
from sessions.live import LiveSession
from tui.advice import summary


class RebalanceScreen(ModalScreen[str | None]):
    """Enter (or j) carries it out; Escape (or n) leaves the agenda as it is; a digit skips or
    keeps an item the preview offers. Dismisses with what to say when the agenda changed."""

    BINDINGS = [
        Binding("enter,y,j", "accept", t("rebalance.accept")),
        Binding("escape,n", "cancel", t("cancel")),
        *(Binding(str(n), f"toggle_skip({n})", show=False) for n in range(1, 10)),
    ]

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live
        self.skips: tuple[str, ...] = ()
        self.preview: Rebalance = live.rebalance()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("rebalance.title"), classes="dialog-title", markup=False)
            yield Static(id="rebalance-changes")
            yield Label("", id="rebalance-error", markup=False)
            yield Label(t("rebalance.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.show_preview()

    def show_preview(self) -> None:
        preview = self.preview
        lines: list[Content] = []
        pace = self.live.pace()
        lines.append(
            Content.styled(t(f"rebalance.why.{pace.pace.value}", minutes=pace.minutes), "bold")
        )
        for change in preview.changes:
            text = (
                t("rebalance.row_skip", title=change.title, old=change.before)
                if change.skipped
                else t("rebalance.row", title=change.title, old=change.before, new=change.after)
            )
            lines.append(Content(text))
        if preview.empty:
            lines.append(Content(t("rebalance.nothing")))
        if preview.missing:
            lines.append(
                Content.styled(t("rebalance.missing", minutes=preview.missing), "bold $warning")
            )
        for number, choice in enumerate(preview.skip_choices, start=1):
            mark = "✓" if choice.item_id in self.skips else " "
            lines.append(
                Content(
                    t(
                        "rebalance.skip_choice",
                        number=number,
                        mark=mark,
                        title=choice.title,
                        minutes=choice.minutes,
                    )
                )
            )
        if preview.spare:
            lines.append(Content(t("rebalance.spare", minutes=preview.spare)))
        self.query_one("#rebalance-changes", Static).update(Content("\n").join(lines))

    def action_toggle_skip(self, number: int) -> None:
        choices = self.preview.skip_choices
        if not 1 <= number <= len(choices):
            return
        item_id = choices[number - 1].item_id
        skips = set(self.skips) ^ {item_id}
        self.skips = tuple(i for i in (c.item_id for c in choices) if i in skips)
        self.preview = self.live.rebalance(self.skips)
        self.show_preview()

    def action_accept(self) -> None:
        if self.preview.empty:
            self.dismiss(None)
            return
        try:
            applied = self.live.apply_rebalance(self.preview)
        except OplaegError as error:
            self.query_one("#rebalance-error", Label).update(
                t("error.not_saved", reason=str(error))
            )
            return
        if not applied:  # the agenda changed meanwhile: show what it would do now
            self.preview = self.live.rebalance(self.skips)
            self.show_preview()
            return
        self.dismiss(summary(self.preview))

    def action_cancel(self) -> None:
        self.dismiss(None)
