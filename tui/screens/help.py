"""Every key, grouped by where it works, from the same table the bindings are made from."""

from __future__ import annotations

import textwrap

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
    MODERATION_KEYS,
    NAVIGATION_KEYS,
    NOTE_FORM_KEYS,
    NOTES_KEYS,
    PRESENTER_KEYS,
    REPEAT_KEYS,
    START_KEYS,
    SUMMARY_KEYS,
    WORKPLACE_KEYS,
    Key,
)


def key_table(keys: tuple[Key, ...], width: int = 80) -> Content:
    """Two columns: the keys as people write them, and what they do; a long description
    wraps under itself, not under the keys."""
    key_width = max(len(k.shown) for k in keys) + 3
    indent = " " * (2 + key_width)
    room = max(20, width - len(indent))
    lines: list[str] = []
    for k in keys:
        wrapped = textwrap.wrap(t(k.command), room) or [""]
        line = f"  {k.shown.ljust(key_width)}{wrapped[0]}"
        line += "".join(f"\n{indent}{more}" for more in wrapped[1:])
        if line not in lines:  # the ten digit keys are one line
            lines.append(line)
    return Content("\n".join(lines))


def help_sections() -> list[tuple[str, tuple[Key, ...]]]:
    sections = [
        ("help.presenter", NAVIGATION_KEYS + PRESENTER_KEYS),
        ("help.notes", NOTE_FORM_KEYS + NOTES_KEYS),
        ("help.agenda", AGENDA_KEYS),
        ("help.actions", ACTION_PLAN_KEYS),
        ("help.followup", FOLLOWUP_KEYS),
        ("help.moderation", MODERATION_KEYS),
    ]
    sections += [(f"help.kind.{kind}", keys) for kind, keys in EXERCISE_KEYS.items()]
    sections += [("help.start", START_KEYS), ("help.summary", SUMMARY_KEYS)]
    sections += [("help.workplace", WORKPLACE_KEYS), ("help.repeat", REPEAT_KEYS)]
    return sections


class KeyTable(Static):
    """A key table drawn for the width it gets."""

    DEFAULT_CSS = "KeyTable { width: 1fr; text-wrap: nowrap; }"

    def __init__(self, keys: tuple[Key, ...]) -> None:
        super().__init__(key_table(keys))
        self.keys = keys

    def on_resize(self) -> None:
        self.update(key_table(self.keys, self.content_size.width))


class HelpScreen(ModalScreen[None]):
    """The key reference; Escape, q or ? closes it."""

    BINDINGS = [Binding("escape,question_mark,q", "close", t("close"))]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Label(t("help.title"), classes="dialog-title", markup=False)
            for heading, keys in help_sections():
                yield Label(t(heading), classes="help-heading", markup=False)
                yield KeyTable(keys)
            yield Label(t("help.clicker"), classes="dialog-hint", markup=False)
            yield Label(t("help.keymap"), classes="dialog-hint", markup=False)
            yield Label(t("help.close"), classes="dialog-hint", markup=False)

    def action_close(self) -> None:
        self.dismiss()
