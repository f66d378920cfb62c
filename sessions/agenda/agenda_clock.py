"""The agenda on the real clock, for the planner and the agenda screen: the same numbers as the
status line, because both come from one `TimingStatus`.

Planned clock times run from the session's actual start (before it starts, from the booked
start time) and move on with every pause that began before them. Each row also says what
happened: its state, when it actually began and the minutes it used; coming items get the time
they can now be expected to begin.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from sessions.agenda.schedule import AgendaItem, Schedule
from sessions.agenda.timing import ItemState, PaceReading, TimingStatus, pace, shifted


def whole_minutes(seconds: float) -> int:
    """Seconds as whole minutes, half a minute and more rounded up."""
    return math.floor(max(0.0, seconds) / 60.0 + 0.5)


def largest_remainder(values: list[float], total: int) -> list[int]:
    """`values` as whole numbers that add up to exactly `total`: each rounded down, then the
    ones with the largest fractions get one more (or, when `total` is below the rounded-down
    sum, the smallest fractions one less) — so a column of rounded minutes and its total never
    tell two stories."""
    floors = [math.floor(max(0.0, v)) for v in values]
    result = list(floors)
    short = total - sum(floors)
    by_fraction = sorted(
        range(len(values)), key=lambda i: max(0.0, values[i]) - floors[i], reverse=short > 0
    )
    while short and by_fraction:
        moved = False
        for i in by_fraction:
            if short > 0:
                result[i] += 1
                short -= 1
                moved = True
            elif result[i] > 0:
                result[i] -= 1
                short += 1
                moved = True
            if not short:
                break
        if not moved:
            break
    return result


@dataclass(frozen=True)
class AgendaRow:
    """One agenda item on the clock."""

    item: AgendaItem
    state: ItemState
    planned_start: datetime | None  # None when skipped
    planned_end: datetime | None
    expected_start: datetime | None
    """When it began (done, now), or can be expected to begin (coming items after the current
    one, in agenda order). None when skipped, or when a jump went past it: it still counts in
    the projected end, but when it will be run is the consultant's choice."""
    actual_start: datetime | None  # its first visit
    spent_seconds: float  # pauses not counted
    paused_seconds: float  # session pauses while it ran
    needs_seconds: float = 0.0  # what it still needs (the current item)

    @property
    def taken_seconds(self) -> float:
        """What the item takes in all: used, and still needed if it goes on."""
        return self.spent_seconds + (self.needs_seconds if self.state is ItemState.NOW else 0.0)

    @property
    def minutes_used(self) -> int:
        return whole_minutes(self.spent_seconds)

    @property
    def paused_minutes(self) -> int:
        return whole_minutes(self.paused_seconds)

    @property
    def current(self) -> bool:
        return self.state is ItemState.NOW


@dataclass(frozen=True)
class PauseRow:
    """A pause of the whole session (or a stretch the session stood finished)."""

    start: datetime
    end: datetime | None  # None while it goes on
    seconds: float
    closed: bool

    @property
    def minutes(self) -> int:
        return whole_minutes(self.seconds)


@dataclass(frozen=True)
class AgendaView:
    """The agenda's rows and the totals to show under them."""

    rows: tuple[AgendaRow, ...]
    started: bool
    start: datetime  # the actual start, or the booked one
    planned_end: datetime
    projected_end: datetime
    plan: int  # the session's length in minutes
    planned_minutes: int  # the agenda's planned minutes (active items)
    projected_minutes: int
    """The running time the session is now expected to take, pauses not counted: the plan
    plus the minutes behind (less the minutes ahead) exactly as the status line shows them."""
    pauses: tuple[PauseRow, ...]
    paused_seconds: float
    paused_now: bool
    pace: PaceReading

    @property
    def paused_minutes(self) -> int:
        return whole_minutes(self.paused_seconds)

    @property
    def difference(self) -> int:
        """Minutes the session is expected to run over (positive) or under its length."""
        return self.projected_minutes - self.plan

    def column_minutes(self) -> list[int | None]:
        """The agenda's "Min." column, adding up to the total shown under it: items to come
        with their planned minutes, items done or going on with the minutes they take (used,
        and still needed for the current one), rounded by largest remainder to the shown
        total; None for a skipped item (it counts for nothing)."""
        if not self.started:
            return [row.item.minutes if row.item.active else None for row in self.rows]
        planned = sum(row.item.minutes for row in self.rows if row.state is ItemState.TO_COME)
        run = [i for i, row in enumerate(self.rows) if row.state in (ItemState.DONE, ItemState.NOW)]
        exact = [self.rows[i].taken_seconds / 60.0 for i in run]
        rounded = largest_remainder(exact, max(0, self.projected_minutes - planned))
        minutes: list[int | None] = [
            row.item.minutes if row.state is ItemState.TO_COME else None for row in self.rows
        ]
        for i, value in zip(run, rounded, strict=True):
            minutes[i] = value
        return minutes


def agenda_view(schedule: Schedule, status: TimingStatus, booked_start: datetime) -> AgendaView:
    """The agenda of `schedule` as `status` (from `sessions.agenda.timing.status`, same
    schedule) sees it; `booked_start` is the start time the session was booked for."""
    started = status.started_at is not None
    start = status.started_at if status.started_at is not None else booked_start.timestamp()
    now = status.now if started else start
    pauses = list(status.pauses) if started else []
    progress = {p.item.id: p for p in status.items}
    ids = [item.id for item in schedule.items]
    current_index = ids.index(status.current_item_id) if status.current_item_id in ids else -1
    current = progress.get(status.current_item_id)
    cursor = now + (current.needs if current and current.state is ItemState.NOW else 0.0)
    offset = 0.0
    rows = []
    for index, item in enumerate(schedule.items):
        known = progress.get(item.id)
        state = known.state if known else (ItemState.TO_COME if item.active else ItemState.SKIPPED)
        needs = known.needs if known else item.minutes * 60.0
        planned_start = planned_end = expected = None
        if item.active:
            planned_start = _clock(shifted(start, offset, pauses, now))
            offset += item.minutes * 60.0
            planned_end = _clock(shifted(start, offset, pauses, now))
        entered = known.entered_at if known else None
        if state in (ItemState.DONE, ItemState.NOW) and entered is not None:
            expected = _clock(entered)
        elif state is ItemState.TO_COME and not started:
            expected = planned_start
        elif state is ItemState.TO_COME and index > current_index:
            expected = _clock(cursor)
            cursor += needs
        rows.append(
            AgendaRow(
                item=item,
                state=state,
                planned_start=planned_start,
                planned_end=planned_end,
                expected_start=expected,
                actual_start=_clock(entered) if entered is not None else None,
                spent_seconds=known.spent if known else 0.0,
                paused_seconds=known.paused if known else 0.0,
                needs_seconds=known.needs if known else 0.0,
            )
        )
    reading = pace(status)
    if status.planned_end is not None and status.projected_end is not None:
        planned_end_at, projected_end_at = status.planned_end, status.projected_end
        # Whole minutes as the status line counts them, so the two never disagree.
        projected_minutes = schedule.plan + (
            reading.minutes if status.behind >= 0 else -reading.minutes
        )
    else:
        planned_end_at = start + schedule.plan * 60.0
        projected_end_at = start + schedule.total() * 60.0
        projected_minutes = schedule.total()
    return AgendaView(
        rows=tuple(rows),
        started=started,
        start=_clock(start),
        planned_end=_clock(planned_end_at),
        projected_end=_clock(projected_end_at),
        plan=schedule.plan,
        planned_minutes=schedule.total(),
        projected_minutes=projected_minutes,
        pauses=tuple(
            PauseRow(
                _clock(p.start), None if p.end is None else _clock(p.end), p.seconds(now), p.closed
            )
            for p in pauses
        ),
        paused_seconds=status.paused_seconds,
        paused_now=status.paused,
        pace=reading,
    )


def _clock(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp)
