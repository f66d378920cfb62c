"""The group's action plan — hvad, hvem, hvornår, opfølgning — kept as a table and saved row
by row, like notes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label

from sessions.errors import OplaegError
from sessions.i18n import t
from sessions.live import LiveSession
from sessions.models import Action
from sessions.notes.action_plan import EmptyActionError, is_proposal
from tui.keys import ACTION_PLAN_KEYS, bindings
from tui.screens.confirm import ConfirmScreen
from tui.screens.text_prompt import TextPrompt
from tui.widgets.footer import Footer
from tui.widgets.wrapping_table import WrappingTable

FIELDS = ("what", "who", "when", "follow_up")
COLUMN_SHARES = {"what": 0.38, "who": 0.2, "when": 0.17, "follow_up": 0.25}


class ActionForm(ModalScreen[Action | None]):
    """One row of the plan. Enter saves (to disk, before the form closes); Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", t("cancel"))]

    def __init__(self, live: LiveSession, action: Action | None = None) -> None:
        super().__init__()
        self.live = live
        self.action = action

    def compose(self) -> ComposeResult:
        title = t("actions.edit_title" if self.action else "actions.new_title")
        with Vertical(classes="dialog action-form"):
            yield Label(title, classes="dialog-title", markup=False)
            for name in FIELDS:
                value = getattr(self.action, name) if self.action else ""
                yield Label(t(f"handout.col.{name}"), classes="field-label", markup=False)
                yield Input(
                    value,
                    placeholder=t(f"actions.placeholder.{name}"),
                    id=f"action-{name}",
                    compact=True,
                    max_length=500,
                )
            yield Label("", id="form-error", markup=False)
            yield Label(t("actions.form_hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#action-what", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        values = {name: self.query_one(f"#action-{name}", Input).value for name in FIELDS}
        try:
            action = self.live.plan.save(
                self.action.id if self.action else None,
                values["what"],
                values["who"],
                values["when"],
                values["follow_up"],
            )
        except EmptyActionError:
            self._error(t("actions.what_missing"))
            self.query_one("#action-what", Input).focus()
            return
        except OplaegError as error:
            self._error(t("error.not_saved", reason=str(error)))
            return
        self.dismiss(action)

    def _error(self, message: str) -> None:
        label = self.query_one("#form-error", Label)
        label.update(message)
        label.add_class("-visible")

    def action_cancel(self) -> None:
        self.dismiss(None)


class ActionPlanScreen(ModalScreen[None]):
    """The whole plan; add, edit and delete rows."""

    BINDINGS = bindings(ACTION_PLAN_KEYS)

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog action-plan"):
            yield Label(t("actions.title"), classes="dialog-title", markup=False)
            yield WrappingTable(
                [(t(f"handout.col.{name}"), share) for name, share in COLUMN_SHARES.items()],
                id="actions-table",
                cursor_type="row",
            )
            yield Label("", id="actions-empty", markup=False)
            yield Label("", id="actions-next", markup=False)
            yield Label("", id="actions-message", markup=False)
            yield Label(t("actions.hint"), classes="dialog-hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(WrappingTable).focus()

    def reload(self, select: Action | None = None) -> None:
        """Fill the table again; the cursor goes to `select`, or stays on its row."""
        table = self.query_one(WrappingTable)
        actions = self.live.plan.actions()
        rows = []
        for action in actions:
            cells = [Text(getattr(action, name)) for name in FIELDS]
            if is_proposal(action):
                cells[0] = Text.assemble(cells[0], (f"  ({t('plan.proposal')})", "italic"))
            rows.append((cells, action.id))
        table.fill(rows)
        ids = [a.id for a in actions]
        if select is not None and select.id in ids:
            table.move_cursor(row=ids.index(select.id))
        empty = self.query_one("#actions-empty", Label)
        empty.update("" if actions else t("actions.none"))
        empty.display = not actions
        when = self.live.plan.next_follow_up
        self.query_one("#actions-next", Label).update(
            t("actions.next", when=when) if when else t("actions.next_missing")
        )

    def _selected(self) -> Action | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return next((a for a in self.live.plan.actions() if a.id == row_key.value), None)

    def action_new(self) -> None:
        self.app.push_screen(ActionForm(self.live), self.reload)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        if (action := self._selected()) is not None:
            self.app.push_screen(ActionForm(self.live, action), self.reload)

    def action_delete(self) -> None:
        action = self._selected()
        if action is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    self.live.plan.delete(action.id)
                except OplaegError as error:
                    self._message(t("error.storage", reason=str(error)))
                self.reload()

        self.app.push_screen(
            ConfirmScreen(t("actions.delete_question", what=action.what)), answered
        )

    def action_next_follow_up(self) -> None:
        def written(when: str | None) -> None:
            if when is not None:
                try:
                    self.live.plan.set_next_follow_up(when)
                except OplaegError as error:
                    self._message(t("error.storage", reason=str(error)))
                self.reload()

        self.app.push_screen(
            TextPrompt(t("actions.next_question"), self.live.plan.next_follow_up), written
        )

    def _message(self, text: str) -> None:
        self.query_one("#actions-message", Label).update(text)

    def action_close(self) -> None:
        self.dismiss(None)
