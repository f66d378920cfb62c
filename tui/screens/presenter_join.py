"""The presenter's keys for phones: `J` turns joining on and off, `K` hides or shows the room
code on the current page, `S` opens the texts held for approval. None of them repaints
anything: what they change shows as every change does (`tui.changes`)."""

from __future__ import annotations

from sessions.i18n import t
from tui.join import JoinControl
from tui.screens.presenter_part import PresenterPart


class JoinActions(PresenterPart):
    """Mixed into `PresenterScreen`, which also provides `join`."""

    join: JoinControl | None

    def connect_join(self) -> None:
        """Say what the phones' server does in the status line (and start joining now if
        `--join` asked for it). Their answers show as every change does (`tui.changes`)."""
        if self.join is not None:
            self.join.connect(self.say)

    async def action_join(self) -> None:
        if self.join is not None:
            await self.join.toggle()

    def action_join_code(self) -> None:
        if self.join is None:
            return
        visible = self.join.toggle_code()
        if visible is None:
            self.say(t("join.off"))
        else:
            self.say(t("join.code_shown" if visible else "join.code_hidden"))

    def action_slips(self) -> None:
        if self.join is None:
            return
        from tui.screens.moderation import ModerationScreen

        self.app.push_screen(ModerationScreen(self.live, masked=not self.console))

    def stop_join(self) -> None:
        """The session has ended: phones can no longer answer."""
        if self.join is not None and self.join.on:
            self.run_worker(self.join.stop())
