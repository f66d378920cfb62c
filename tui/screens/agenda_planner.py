"""The agenda planner: every item with its minutes and clock time, the total against 90 or
120, and keys to reorder, lengthen, shorten, skip or add a break or a round."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from sessions.errors import OplaegError
from sessions.i18n import t
from sessions.live import LiveSession
from sessions.schedule import Schedule
from sessions.theme.model import SegmentKind
from tui.keys import AGENDA_KEYS, bindings


class AgendaPlanner(Screen[None]):
    """Change the session's agenda; every change is saved at once."""

    BINDINGS = bindings(AGENDA_KEYS)

    def __init__(self, live: LiveSession, *, before_start: bool) -> None:
        super().__init__()
        self.live = live
        self.before_start = before_start
        self._undo: list[Schedule] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="agenda-planner"):
            title = t("agenda.title_before" if self.before_start else "agenda.title")
            yield Label(title, classes="dialog-title", markup=False)
            yield DataTable(id="agenda-table", cursor_type="row", zebra_stripes=False)
            yield Label("", id="agenda-total", markup=False)
            yield Label("", id="agenda-message", markup=False)
            yield Label(t("agenda.hint"), classes="dialog-hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("time", "item", "kind", "minutes", "minimum", "note"):
            table.add_column(t(f"agenda.col.{key}"), key=key)
        self.refresh_table()
        table.focus()

    @property
    def schedule(self) -> Schedule:
        return self.live.schedule

    def refresh_table(self, keep: str | None = None) -> None:
        """Fill the table from the schedule; keep the cursor on item `keep`."""
        table = self.query_one(DataTable)
        selected = keep or self._selected_id()
        row = table.cursor_row
        table.clear()
        details = self.live.info.details
        start = datetime.fromisoformat(f"{details.date}T{details.start_time}")
        clock_times = {row.item.id: row.starts for row in self.schedule.timetable(start)}
        for item in self.schedule.items:
            starts = clock_times.get(item.id)
            dim = "dim" if item.skipped else ""
            note = t("agenda.skipped") if item.skipped else t("agenda.extra") if item.extra else ""
            if item.id == self.live.page.segment.id and not self.before_start:
                note = t("agenda.now")
            table.add_row(
                Text(starts.strftime("%H:%M") if starts else "–", style=dim),
                Text(item.title, style=dim),
                Text(t(f"agenda.kind.{item.kind}"), style=dim),
                Text(str(item.minutes), style=dim, justify="right"),
                Text(str(item.minimum), style="dim", justify="right"),
                Text(note, style="bold" if note else ""),
                key=item.id,
            )
        if selected is not None and selected in [i.id for i in self.schedule.items]:
            table.move_cursor(row=self.schedule.index_of(selected))
        else:  # the selected item was removed: stay on the same row
            table.move_cursor(row=min(row, table.row_count - 1))
        difference = self.schedule.difference()
        total = self.query_one("#agenda-total", Label)
        key = (
            "agenda.total_ok"
            if difference == 0
            else ("agenda.total_over" if difference > 0 else "agenda.total_under")
        )
        total.update(
            t(key, total=self.schedule.total(), plan=self.schedule.plan, difference=abs(difference))
        )
        total.set_class(difference != 0, "-warning")

    def _selected_id(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return str(row_key.value) if row_key.value is not None else None

    def _change(self, schedule: Schedule, keep: str | None = None) -> None:
        before = self.schedule
        try:
            self.live.set_schedule(schedule)
        except OplaegError as error:
            self.query_one("#agenda-message", Label).update(t("error.storage", reason=str(error)))
            return
        self._undo.append(before)
        self.query_one("#agenda-message", Label).update("")
        self.refresh_table(keep)

    def action_undo(self) -> None:
        if not self._undo:
            return
        previous = self._undo.pop()
        try:
            self.live.set_schedule(previous)
        except OplaegError as error:
            self.query_one("#agenda-message", Label).update(t("error.storage", reason=str(error)))
            self._undo.append(previous)
            return
        self.refresh_table()

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
                self._change(self.schedule.toggle_skip(item_id))

    def action_add(self, kind: str) -> None:
        title = t("agenda.extra_break" if kind == SegmentKind.BREAK.value else "agenda.extra_round")
        after = self._selected_id()
        changed = self.schedule.add_extra(after, kind, title)
        new_id = next(
            i.id for i in changed.items if i.id not in {x.id for x in self.schedule.items}
        )
        self._change(changed, keep=new_id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_close()

    def action_close(self) -> None:
        self.dismiss()
