"""The texts phones sent, held for the consultant: Enter puts one up (on the board, as an
agreement, as a note), `w` edits it first, `x` rejects it, `u` takes a rejection back. Where the
room sees this screen (the single window), the texts are hidden until Ctrl+T: hurtful or
identifying text never reaches the wall unseen."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sessions.answers import Slip, SlipTarget
from sessions.errors import OplaegError
from sessions.exercises.sorting import BoardState
from sessions.i18n import t
from sessions.join.moderation import approve, reject
from sessions.live import LiveSession
from tui.join import JoinControl
from tui.keys import MODERATION_KEYS, bindings
from tui.screens.text_prompt import TextPrompt


class ModerationScreen(ModalScreen[None]):
    """`changed` is called after every approval (the stage shows the new item)."""

    BINDINGS = bindings(MODERATION_KEYS)

    def __init__(
        self,
        live: LiveSession,
        join: JoinControl,
        changed: Callable[[], None],
        *,
        masked: bool,
    ) -> None:
        super().__init__()
        self.live = live
        self.join = join
        self.changed = changed
        self.masked = masked
        self._rejected: Slip | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog moderation"):
            yield Label("", id="moderation-title", classes="dialog-title", markup=False)
            yield OptionList(markup=False, id="slips")
            yield Label("", id="moderation-message", classes="dialog-hint", markup=False)
            yield Label("", id="moderation-masked", classes="dialog-hint", markup=False)
            yield Label(t("moderation.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.join.subscribe(self.reload)
        self.reload()
        self.query_one(OptionList).focus()

    def on_unmount(self) -> None:
        self.join.unsubscribe(self.reload)

    def slips(self) -> list[Slip]:
        return self.live.answers.pending()

    def reload(self) -> None:
        """List the waiting texts again (after a change here, or new ones from phones)."""
        slips = self.slips()
        self.query_one("#moderation-title", Label).update(t("moderation.title", count=len(slips)))
        self.query_one("#moderation-masked", Label).update(
            t("moderation.masked") if self.masked and slips else ""
        )
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        if not slips:
            options.add_option(Option(t("moderation.none"), id="", disabled=True))
            return
        for slip in slips:
            text = t("moderation.hidden_text", length=len(slip.text)) if self.masked else slip.text
            options.add_option(Option(f"{self._target(slip)} · {text}", id=slip.id))
        options.highlighted = min(highlighted or 0, len(slips) - 1)

    def _target(self, slip: Slip) -> str:
        """Where the text goes: the board's column, an agreement, a note."""
        if slip.target is SlipTarget.COLUMN:
            segment = next(
                (p.segment for p in self.live.pages if p.segment.id == slip.segment_id), None
            )
            state = self.live.exercises.state(segment) if segment is not None else None
            if isinstance(state, BoardState) and slip.column < len(state.columns):
                return state.columns[slip.column]
        if slip.target is SlipTarget.AGREEMENT:
            return t("moderation.target.agreement")
        return t("moderation.target.note")

    def _selected(self) -> Slip | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        slip_id = options.get_option_at_index(options.highlighted).id
        return next((s for s in self.slips() if s.id == slip_id), None)

    # -- actions ---------------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_approve()

    def action_approve(self, text: str | None = None) -> None:
        slip = self._selected()
        if slip is None:
            return
        try:
            done = approve(self.live, slip, text)
        except OplaegError as error:
            self._say(t("error.storage", reason=str(error)))
            return
        if done:
            self._say(t("moderation.approved", target=self._target(slip)))
            self.changed()
        self.reload()

    def action_edit(self) -> None:
        slip = self._selected()
        if slip is None:
            return

        def edited(text: str | None) -> None:
            if text and text.strip():
                self.action_approve(text)

        self.app.push_screen(TextPrompt(t("moderation.edit"), slip.text), edited)

    def action_reject(self) -> None:
        slip = self._selected()
        if slip is None:
            return
        try:
            self._rejected = reject(self.live, slip) or self._rejected
        except OplaegError as error:
            self._say(t("error.storage", reason=str(error)))
            return
        self._say(t("moderation.rejected"))
        self.reload()

    def action_undo(self) -> None:
        slip, self._rejected = self._rejected, None
        if slip is None:
            return
        try:
            self.live.answers.put_back(slip)
        except OplaegError as error:
            self._rejected = slip
            self._say(t("error.storage", reason=str(error)))
            return
        self._say(t("moderation.restored"))
        self.reload()

    def action_peek(self) -> None:
        self.masked = not self.masked
        self.reload()

    def action_close(self) -> None:
        self.dismiss(None)

    def _say(self, text: str) -> None:
        self.query_one("#moderation-message", Label).update(text)
