"""A case on the wall: its story comes with the first step (from the exercise's introduction);
below it the agreements the group reaches."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from sessions.exercises.case import CaseState
from sessions.i18n import t
from tui.exercises.base import ExerciseWidget
from tui.exercises.draw import EMPHASIS, join_lines, line, wrapped
from tui.keys import CASE_KEYS, bindings


class CaseWidget(ExerciseWidget):
    """Enter writes an agreement; `w` edits the selected one, `x` removes it, `u` puts it back."""

    BINDINGS = bindings(CASE_KEYS)
    kinds: ClassVar[tuple[str, ...]] = ("case",)

    DEFAULT_CSS = """
    CaseWidget { height: 1fr; }
    CaseWidget #case-agreements { width: 100%; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="case-agreements")

    @property
    def case(self) -> CaseState:
        state = self.latest
        assert isinstance(state, CaseState)
        return state

    def refresh_view(self) -> None:
        if not self.ready or not isinstance(self.state, CaseState):
            return
        state = self.case
        view = self.query_one("#case-agreements", Static)
        view.display = bool(state.agreements) or self.showing_results
        width = max(12, view.content_size.width or self.size.width or 80)
        blocks = []
        for index, agreement in enumerate(state.agreements):
            selected = self.interactive and index == state.selected and self.has_focus
            parts = wrapped(f"• {agreement}", width)  # hanging indent, never mid-word
            blocks.append([line(part, selected=selected) for part in parts])
        room = max(3, self.size.height - 2)
        shown = self.windowed(blocks, state.selected, room)
        title = t("case.agreements_title", count=len(state.agreements))
        view.update(join_lines([Content.styled(title, EMPHASIS), *shown]))

    def on_resize(self) -> None:
        self.refresh_view()

    def on_focus(self) -> None:
        self.refresh_view()

    def on_blur(self) -> None:
        self.refresh_view()

    def available(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_agreement", "remove_agreement", "select"):
            return bool(self.case.agreements)
        if action == "undo":
            return self.case.removed is not None
        return True

    def action_add_agreement(self) -> None:
        self.ask(t("case.new"), lambda text: self.change(self.case.add(text)))

    def action_edit_agreement(self) -> None:
        state = self.case
        current = state.agreements[state.selected]
        self.ask(t("case.edit"), lambda text: self.change(self.case.edit(text)), current)

    def action_remove_agreement(self) -> None:
        self.change(self.case.remove())

    def action_undo(self) -> None:
        self.change(self.case.undo())

    def action_select(self, offset: int) -> None:
        self.change(self.case.select(offset))
