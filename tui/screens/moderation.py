"""The texts phones sent, held for the consultant. Identical texts to the same place are one line
with a count (put up once, rejected together). Enter puts up the selected lines (space selects,
`a` selects all) or the highlighted one, `w` edits it first, `x` rejects, `X` rejects everything
waiting, `u` takes the last rejection back. The title and the keys stay on screen however many
texts wait. Where the room sees this screen (the single window), the texts are hidden until
Ctrl+T: hurtful or identifying text never reaches the wall unseen."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sessions.errors import OplaegError
from sessions.i18n import plural, t
from sessions.live import LiveSession
from sessions.phones.answers import Slip, SlipTarget
from sessions.phones.moderation import (
    SlipGroup,
    approve_group,
    column_name,
    group_slips,
    put_back,
    reject_all,
    reject_many,
)
from sessions.storage.changes import Part
from tui.keys import MODERATION_KEYS, bindings
from tui.messages import FollowsSession, SessionChanged
from tui.screens.text_prompt import TextPrompt
from tui.widgets.footer import Footer

MARKED = "☑ "
UNMARKED = "☐ "
"""Selected or not, told by the glyph (not by colour)."""


class ModerationScreen(FollowsSession, ModalScreen[None]):
    """The texts waiting, listed again at every change to the answers (new texts from phones,
    or this screen's own decisions); the stage under it shows an approved text as every change
    shows (`tui.changes`)."""

    BINDINGS = bindings(MODERATION_KEYS)
    DEFAULT_CSS = """
    ModerationScreen .dialog.moderation { height: 1fr; max-height: 100%; overflow-y: hidden; }
    ModerationScreen #slips { height: 1fr; background: $surface; }
    ModerationScreen .dialog-title { margin-bottom: 0; }
    ModerationScreen #moderation-message, ModerationScreen #moderation-masked {
        height: auto; margin-top: 0;
    }
    """

    def __init__(
        self,
        live: LiveSession,
        *,
        masked: bool,
    ) -> None:
        super().__init__()
        self.live = live
        self.masked = masked
        self._rejected: list[Slip] = []
        self._marked: set[str] = set()
        self._groups: list[SlipGroup] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog moderation"):
            yield Label("", id="moderation-title", classes="dialog-title", markup=False)
            yield OptionList(markup=False, id="slips")
            message = Label("", id="moderation-message", classes="dialog-hint", markup=False)
            message.display = False
            yield message
            yield Label("", id="moderation-masked", classes="dialog-hint", markup=False)
            yield Label(t("moderation.hint"), classes="dialog-hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    @on(SessionChanged)
    def _session_changed(self, event: SessionChanged) -> None:
        if event.parts & (Part.SLIPS | Part.EXERCISE):
            self.reload()

    def slips(self) -> list[Slip]:
        return self.live.answers.pending()

    def reload(self) -> None:
        """List the waiting texts again (after a change here, or new ones from phones)."""
        slips = self.slips()
        self._groups = group_slips(slips)
        keys = {group.key for group in self._groups}
        self._marked &= keys
        title = t("moderation.title", count=len(slips))
        if self._marked:
            title += " · " + t("moderation.marked", count=len(self._marked))
        self.query_one("#moderation-title", Label).update(title)
        masked = self.query_one("#moderation-masked", Label)
        masked.update(t("moderation.masked") if self.masked and slips else "")
        masked.display = self.masked and bool(slips)
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        if not slips:
            options.add_option(Option(t("moderation.none"), id="", disabled=True))
            return
        options.add_options(Option(self._line(group), id=group.key) for group in self._groups)
        options.highlighted = min(highlighted or 0, len(self._groups) - 1)

    def _line(self, group: SlipGroup) -> Content:
        slip = group.first
        text = t("moderation.hidden_text", length=len(slip.text)) if self.masked else slip.text
        mark = MARKED if group.key in self._marked else UNMARKED
        parts: list[Content | str | tuple[str, str]] = [
            (mark, "bold"),
            f"{self._target(slip)} · ",
            text,
        ]
        if group.count > 1:
            parts.append((f"  {t('moderation.copies', count=group.count)}", "bold"))
        return Content.assemble(*parts)

    def _target(self, slip: Slip) -> str:
        """Where the text goes: the board's column, an agreement, a note."""
        if slip.target is SlipTarget.COLUMN:
            column = column_name(self.live, slip)
            if column is not None:
                return column
        if slip.target is SlipTarget.AGREEMENT:
            return t("moderation.target.agreement")
        return t("moderation.target.note")

    def _highlighted(self) -> SlipGroup | None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not self._groups:
            return None
        key = options.get_option_at_index(options.highlighted).id
        return next((g for g in self._groups if g.key == key), None)

    def _chosen(self) -> list[SlipGroup]:
        """The selected lines, or the highlighted one when none is selected."""
        if self._marked:
            return [g for g in self._groups if g.key in self._marked]
        group = self._highlighted()
        return [group] if group is not None else []

    # -- actions ---------------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_approve()

    def action_mark(self) -> None:
        group = self._highlighted()
        if group is None:
            return
        self._marked ^= {group.key}
        self.reload()
        options = self.query_one(OptionList)
        if options.highlighted is not None and options.highlighted < len(self._groups) - 1:
            options.highlighted += 1  # space, space, space: down the list

    def action_mark_all(self) -> None:
        everything = {group.key for group in self._groups}
        self._marked = set() if self._marked == everything else everything
        self.reload()

    def action_approve(self, text: str | None = None) -> None:
        chosen = self._chosen()
        done = 0
        try:
            for group in chosen:
                done += approve_group(self.live, group, text if len(chosen) == 1 else None)
        except OplaegError as error:
            self._say(t("error.storage", reason=str(error)))
        else:
            if done == 1:
                self._say(t("moderation.approved", target=self._target(chosen[0].first)))
            elif done:
                self._say(t("moderation.approved_many", count=done))
        if done:
            self._marked.clear()
        self.reload()

    def action_edit(self) -> None:
        group = self._highlighted()
        if group is None:
            return

        def edited(text: str | None) -> None:
            if text and text.strip():
                self._marked = {group.key}
                self.action_approve(text)

        self.app.push_screen(TextPrompt(t("moderation.edit"), group.first.text), edited)

    def action_reject(self) -> None:
        chosen = self._chosen()
        self._reject(lambda: reject_many(self.live, [s for g in chosen for s in g.slips]))

    def action_reject_all(self) -> None:
        self._reject(lambda: reject_all(self.live))

    def _reject(self, rejecting: Callable[[], list[Slip]]) -> None:
        try:
            rejected = rejecting()
        except OplaegError as error:
            self._say(t("error.storage", reason=str(error)))
            self.reload()
            return
        if rejected:
            self._rejected = rejected
            self._marked.clear()
            self._say(plural(len(rejected), "moderation.rejected", "moderation.rejected_many"))
        self.reload()

    def action_undo(self) -> None:
        slips, self._rejected = self._rejected, []
        if not slips:
            return
        try:
            put_back(self.live, slips)
        except OplaegError as error:
            self._rejected = [s for s in slips if self.live.answers.slip(s.id) is None]
            self._say(t("error.storage", reason=str(error)))
        else:
            self._say(plural(len(slips), "moderation.restored", "moderation.restored_many"))
        self.reload()

    def action_peek(self) -> None:
        self.masked = not self.masked
        self.reload()

    def action_close(self) -> None:
        self.dismiss(None)

    def _say(self, text: str) -> None:
        message = self.query_one("#moderation-message", Label)
        message.update(text)
        message.display = bool(text)
