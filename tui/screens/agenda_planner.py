"""The agenda: every item with its clock time (from the session's real start) and minutes, the
total against the session's length, what is done, what is now, the rounds that do not fit the
room, and keys to reorder, lengthen, shorten, skip or add a break or a round."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Label

from sessions.agenda.agenda_clock import AgendaRow
from sessions.agenda.history import AgendaChange
from sessions.agenda.schedule import Schedule
from sessions.agenda.timing import ItemState
from sessions.errors import OplaegError
from sessions.export.dates import clock
from sessions.i18n import t
from sessions.live import LiveSession
from sessions.theme.model import SegmentKind
from tui.keys import AGENDA_KEYS, bindings
from tui.widgets.footer import Footer

NOTE_STYLES = {ItemState.NOW: "bold", ItemState.DONE: "dim", ItemState.SKIPPED: "dim"}


class AgendaPlanner(Screen[None]):
    """Change the session's agenda; every change is saved at once, and `z` brings back the
    agenda as it was when the planner opened."""

    BINDINGS = bindings(AGENDA_KEYS)

    def __init__(self, live: LiveSession, *, before_start: bool) -> None:
        super().__init__()
        self.live = live
        self.before_start = before_start
        self._edited = False

    def compose(self) -> ComposeResult:
        with Vertical(id="agenda-planner"):
            title = t("agenda.title_before" if self.before_start else "agenda.title")
            yield Label(title, classes="dialog-title", markup=False)
            yield Label("", id="agenda-rounds", markup=False)
            yield DataTable(id="agenda-table", cursor_type="row", zebra_stripes=False)
            yield Label("", id="agenda-total", markup=False)
            yield Label("", id="agenda-message", markup=False)
            yield Label(t("agenda.hint"), classes="dialog-hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("time", "item", "kind", "minutes", "minimum", "note"):
            table.add_column(t(f"agenda.col.{key}"), key=key)
        self.refresh_table(keep=self.live.page.segment.id)
        self._show_rounds()
        table.focus()

    @property
    def schedule(self) -> Schedule:
        return self.live.schedule

    def refresh_table(self, keep: str | None = None) -> None:
        """Fill the table from the agenda on the clock; keep the cursor on item `keep`."""
        table = self.query_one(DataTable)
        selected = keep or self._selected_id()
        row = table.cursor_row
        table.clear()
        view = self.live.agenda()
        for agenda_row, minutes in zip(view.rows, view.column_minutes(), strict=True):
            table.add_row(*self._cells(agenda_row, minutes), key=agenda_row.item.id)
        ids = [r.item.id for r in view.rows]
        if selected in ids:
            table.move_cursor(row=ids.index(selected))
        elif table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        total = self.query_one("#agenda-total", Label)
        difference = (
            view.projected_minutes - view.plan if view.started else view.planned_minutes - view.plan
        )
        shown = view.projected_minutes if view.started else view.planned_minutes
        key = (
            "agenda.total_ok"
            if difference == 0
            else ("agenda.total_over" if difference > 0 else "agenda.total_under")
        )
        text = t(key, total=shown, plan=view.plan, difference=abs(difference))
        text += "  " + t("agenda.ends", time=clock(view.projected_end))
        if view.paused_minutes:
            text += "  " + t("agenda.paused", minutes=view.paused_minutes)
        total.update(text)
        total.set_class(difference != 0, "-warning")

    def _cells(self, row: AgendaRow, minutes: int | None) -> tuple[Text, ...]:
        item = row.item
        dim = "dim" if row.state in (ItemState.SKIPPED, ItemState.DONE) else ""
        starts = row.actual_start or row.expected_start or row.planned_start
        note = {
            ItemState.NOW: t("agenda.now"),
            ItemState.SKIPPED: t("agenda.skipped"),
            ItemState.DONE: t("agenda.done", minutes=row.item.minutes),
        }.get(row.state, t("agenda.extra") if item.extra else "")
        if item.below_minimum and row.state is not ItemState.SKIPPED:
            note = (note + " " + t("agenda.below_minimum")).strip()
        return (
            Text(clock(starts) if starts else "–", style=dim),
            Text(item.title, style=dim),
            Text(t(f"agenda.kind.{item.kind.value}"), style=dim),
            Text(
                str(minutes) if minutes is not None else f"({item.minutes})",
                style=dim,
                justify="right",
            ),
            Text(str(item.minimum), style="dim", justify="right"),
            Text(note, style=NOTE_STYLES.get(row.state, "")),
        )

    def _show_rounds(self) -> None:
        """The go-rounds that cannot hold everyone in their minutes, and what the theme
        suggests instead (chosen on the round's page)."""
        misfits = self.live.rounds_that_do_not_fit()
        label = self.query_one("#agenda-rounds", Label)
        label.display = bool(misfits)
        label.update(
            "\n".join(
                t(
                    "agenda.round_misfit",
                    title=fit.title,
                    participants=fit.plan.participants,
                    needed=_minutes(fit.plan.needed),
                    available=_minutes(fit.plan.available),
                    way=t(f"agenda.round_way.{fit.preferred.value}"),
                )
                for fit in misfits
            )
        )

    def _selected_id(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return str(row_key.value) if row_key.value is not None else None

    def _change(self, schedule: Schedule, keep: str | None = None) -> None:
        # One visit is one undo point: `z` brings back the agenda as it was when it opened.
        change = None if self._edited else AgendaChange.EDIT
        try:
            self.live.set_schedule(schedule, change=change)
        except OplaegError as error:
            self.query_one("#agenda-message", Label).update(t("error.storage", reason=str(error)))
            return
        self._edited = True
        self.query_one("#agenda-message", Label).update("")
        self.refresh_table(keep)
        self._show_rounds()

    def action_undo(self) -> None:
        try:
            undone = self.live.undo_agenda()
        except OplaegError as error:
            self.query_one("#agenda-message", Label).update(t("error.storage", reason=str(error)))
            return
        self._edited = False
        message = t("presenter.undone" if undone else "presenter.nothing_to_undo")
        self.query_one("#agenda-message", Label).update(message)
        self.refresh_table()
        self._show_rounds()

    def action_longer(self) -> None:
        if (item_id := self._selected_id()) and (item := self.schedule.item(item_id)):
            self._change(self.schedule.set_minutes(item_id, item.minutes + 1))

    def action_shorter(self) -> None:
        if (item_id := self._selected_id()) and (item := self.schedule.item(item_id)):
            self._change(self.schedule.set_minutes(item_id, item.minutes - 1))

    def action_move(self, offset: int) -> None:
        if item_id := self._selected_id():
            self._change(self.schedule.move(item_id, offset), keep=item_id)

    def action_skip(self) -> None:
        if (item_id := self._selected_id()) and (item := self.schedule.item(item_id)):
            if item.extra:
                self._change(self.schedule.remove_extra(item_id))
            else:
                self._change(self.schedule.toggle_skip(item_id), keep=item_id)

    def action_add(self, kind: str) -> None:
        title = t("agenda.extra_break" if kind == SegmentKind.BREAK.value else "agenda.extra_round")
        changed, new_id = self.schedule.add_extra(self._selected_id(), SegmentKind(kind), title)
        self._change(changed, keep=new_id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_close()

    def action_close(self) -> None:
        self.dismiss()


def _minutes(seconds: float) -> str:
    """Minutes as the agenda says them: whole minutes plainly, else minutes and seconds, so
    that a round of 4:30 in a step of 4 minutes is never said as "4 min, but the step has 4"."""
    whole = round(seconds)
    return str(whole // 60) if whole % 60 == 0 else f"{whole // 60}:{whole % 60:02d}"
