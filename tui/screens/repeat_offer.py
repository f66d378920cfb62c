"""The offer, when a new session follows an earlier one for the same workplace, to ask the earlier
session's scale statements again: all, some or none. Dismisses with the chosen texts (empty:
not this time)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, SelectionList
from textual.widgets.selection_list import Selection

from sessions.export.dates import long_date
from sessions.followup.repeat import Repeat
from sessions.i18n import t
from tui.keys import REPEAT_KEYS, bindings


class RepeatOffer(ModalScreen[list[str]]):
    """Space ticks a statement; `g` (or the button) asks the ticked ones again; `a` ticks all or
    none; Escape asks none. The statements of a scale marked `repeat: yes` start ticked (all of
    them when none is marked)."""

    BINDINGS = bindings(REPEAT_KEYS)
    DEFAULT_CSS = """
    RepeatOffer SelectionList { height: auto; max-height: 16; margin: 1 0; }
    """

    def __init__(self, repeat: Repeat, workplace: str) -> None:
        super().__init__()
        self.repeat = repeat
        self.workplace = workplace

    def compose(self) -> ComposeResult:
        statements = self.repeat.statements
        ticked = any(s.marked for s in statements)
        try:
            date = long_date(self.repeat.from_date)
        except ValueError:
            date = self.repeat.from_date
        question = t("repeat.offer", workplace=self.workplace, count=len(statements), date=date)
        with Vertical(classes="dialog"):
            yield Label(question, classes="dialog-text", markup=False)
            yield SelectionList[str](
                *(
                    Selection(Content(s.text), s.text, s.marked or not ticked, id=f"statement-{n}")
                    for n, s in enumerate(statements)
                ),
                id="repeat-statements",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("key.repeat_ask"), id="ask", variant="primary", compact=True)
                yield Button(t("key.repeat_skip"), id="skip", compact=True)
            yield Label(t("repeat.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ask":
            self.action_ask()
        else:
            self.action_skip()

    def chosen(self) -> list[str]:
        return list(self.query_one(SelectionList).selected)

    def action_ask(self) -> None:
        self.dismiss(self.chosen())

    def action_all(self) -> None:
        selection: SelectionList[str] = self.query_one(SelectionList)
        if len(selection.selected) == selection.option_count:
            selection.deselect_all()
        else:
            selection.select_all()

    def action_skip(self) -> None:
        self.dismiss([])
