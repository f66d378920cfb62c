"""The presenter's keys for phones: `J` turns joining on and off, `K` hides or shows the room
code on the current page, `S` opens the texts held for approval. Kept apart from the presenter
so the screen stays small."""

from __future__ import annotations

from sessions.i18n import t
from tui.join import JoinControl
from tui.screens.presenter_part import PresenterPart
from tui.widgets.join_status import JoinStatus


class JoinActions(PresenterPart):
    """Mixed into `PresenterScreen`, which also provides `join`."""

    join: JoinControl | None

    def connect_join(self) -> None:
        """Hear from the phones (and start joining now if `--join` asked for it)."""
        if self.join is not None:
            self.join.connect(self.say, self.answers_arrived, self.counts_arrived)

    def answers_arrived(self) -> None:
        """Phones answered, or joining changed: repaint the page and the status line."""
        self.stage.refresh_page()
        self.query_one(JoinStatus).refresh_join()

    def counts_arrived(self) -> None:
        """Phones' scale values or votes came in: only the exercise's counts changed."""
        exercise = self.stage.exercise
        if exercise is not None:
            exercise.refresh_view()
        else:
            self.stage.refresh_page()

    async def action_join(self) -> None:
        if self.join is not None:
            await self.join.toggle()
            self.query_one(JoinStatus).refresh_join()

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

        screen = ModerationScreen(
            self.live, self.join, self.answers_arrived, masked=not self.console
        )
        self.app.push_screen(screen, lambda _: self.answers_arrived())

    def stop_join(self) -> None:
        """The session has ended: phones can no longer answer."""
        if self.join is not None and self.join.on:
            self.run_worker(self.join.stop())
