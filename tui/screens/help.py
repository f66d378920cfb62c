"""Every key, grouped by screen, from the same table the bindings are made from."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from sessions.i18n import t
from tui.keys import (
    ACTION_PLAN_KEYS,
    AGENDA_KEYS,
    EXERCISE_KEYS,
    FOLLOWUP_KEYS,
    NOTE_FORM_KEYS,
    NOTES_KEYS,
    PRESENTER_KEYS,
    START_KEYS,
    SUMMARY_KEYS,
    Key,
    shown_keys,
)


def _table(keys: tuple[Key, ...]) -> Content:
    width = max(len(shown_keys(k)) for k in keys) + 3
    lines: list[str] = []
    for k in keys:
        line = f"  {shown_keys(k).ljust(width)}{t(k.command) if k.command else t(k.label)}"
        if line not in lines:  # the ten digit keys are one line
            lines.append(line)
    return Content("\n".join(lines))


class HelpScreen(ModalScreen[None]):
    """The key reference; Escape, q or ? closes it."""

    BINDINGS = [Binding("escape,question_mark,q", "close", show=False)]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Label(t("help.title"), classes="dialog-title", markup=False)
            for heading, keys in (
                ("help.presenter", PRESENTER_KEYS),
                ("help.notes", NOTE_FORM_KEYS + NOTES_KEYS),
                ("help.agenda", AGENDA_KEYS),
                ("help.actions", ACTION_PLAN_KEYS),
                ("help.followup", FOLLOWUP_KEYS),
                ("help.exercises", tuple(k for group in EXERCISE_KEYS.values() for k in group)),
                ("help.start", START_KEYS),
                ("help.summary", SUMMARY_KEYS),
            ):
                yield Label(t(heading), classes="help-heading", markup=False)
                yield Static(_table(keys))
            yield Label(t("help.clicker"), classes="dialog-hint", markup=False)
            yield Label(t("help.close"), classes="dialog-hint", markup=False)

    def action_close(self) -> None:
        self.dismiss()
