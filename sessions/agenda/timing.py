"""Where the session stands in time: elapsed, the planned and the projected end, time left in
the current item, how far ahead or behind it is, and the pace the consultant is shown. Pure
arithmetic on stored timestamps.

**Ahead or behind is computed from time, never from the page shown.** Every active agenda item
is in one state:

- *done*: the session moved on from it to a later agenda item (or ended). What it used is in
  the past; it needs nothing more, whether it ran over or was left early.
- *now*: the item being run. It still needs its planned minutes less what it has used (never
  less than nothing).
- *to come*: not entered yet — also when a jump (`g`) went past it, since jumping over an item
  does not do it — or left for an earlier item (a look back, an accidental jump). It still
  needs its planned minutes less what it has used.

The projected end is now plus what the current and the coming items still need; the planned
end is the start plus the session's length plus every pause. Behind = projected − planned.
A finished session's clock stops at its end; if it is reopened, the time it stood finished
counts as a pause.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sessions.agenda.schedule import AgendaItem, Schedule

END_MARKER = "__end__"
"""A log entry with this id marks the end of the session."""

PACE_TOLERANCE_MINUTES = 2
"""Ahead or behind by less than this counts as on time."""
FAR_AHEAD_MINUTES = 5
"""Ahead by this much, using the time is worth suggesting."""


@dataclass(frozen=True)
class Pause:
    """The whole session paused (a fire drill, a long question): every clock stands still.
    `closed` marks the time a finished session stood closed before it was reopened."""

    start: float
    end: float | None = None
    closed: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Pause:
        end = data.get("end")
        return cls(float(data["start"]), None if end is None else float(end))  # type: ignore[arg-type]

    def seconds(self, now: float) -> float:
        return max(0.0, (now if self.end is None else self.end) - self.start)


@dataclass(frozen=True)
class Visit:
    item_id: str
    start: float
    end: float | None  # None while it goes on


class ItemState(StrEnum):
    DONE = "done"
    NOW = "now"
    TO_COME = "to_come"
    SKIPPED = "skipped"  # left out of the agenda, or never reached before the session ended


@dataclass(frozen=True)
class ItemProgress:
    """One agenda item as run so far."""

    item: AgendaItem
    state: ItemState
    entered_at: float | None  # wall clock of its first visit
    spent: float  # seconds in all its visits (the one going on up to now), pauses not counted
    needs: float  # seconds it still needs: its planned time less what it used, if now or to come
    paused: float = 0.0  # seconds of session pauses during its visits


@dataclass(frozen=True)
class TimingStatus:
    started_at: float | None
    elapsed: float  # seconds since the start, pauses not counted
    paused_seconds: float
    planned_end: float | None  # wall clock
    projected_end: float | None
    item_left: float  # seconds left in the current item; negative when it runs over
    behind: float  # seconds; negative means ahead
    progress: float  # 0–1 of the session's length
    paused: bool
    finished: bool = False
    ended_at: float | None = None
    items: tuple[ItemProgress, ...] = ()  # every agenda item, in agenda order
    pauses: tuple[Pause, ...] = ()  # the session's pauses (and closed stretches), oldest first
    now: float = 0.0  # the moment it describes: the end, for a finished session
    current_item_id: str = ""  # the agenda item of the page shown

    def of(self, item_id: str) -> ItemProgress | None:
        return next((p for p in self.items if p.item.id == item_id), None)


def paused_between(pauses: list[Pause], start: float, end: float) -> float:
    """Seconds of `pauses` that fall between `start` and `end`."""
    total = 0.0
    for pause in pauses:
        pause_end = end if pause.end is None else pause.end
        total += max(0.0, min(end, pause_end) - max(start, pause.start))
    return total


def visits(entries: list[tuple[str, float]]) -> list[Visit]:
    """Log entries (item id, time entered) as visits that last until the next entry."""
    ordered = sorted(entries, key=lambda entry: entry[1])
    result = []
    for index, (item_id, at) in enumerate(ordered):
        if item_id == END_MARKER:
            continue
        end = ordered[index + 1][1] if index + 1 < len(ordered) else None
        result.append(Visit(item_id, at, end))
    return result


def ended_at(entries: list[tuple[str, float]]) -> float | None:
    """When the session ended, if its last log entry is the end marker."""
    ordered = sorted(entries, key=lambda entry: entry[1])
    return ordered[-1][1] if ordered and ordered[-1][0] == END_MARKER else None


def session_pauses(entries: list[tuple[str, float]], pauses: list[Pause]) -> list[Pause]:
    """The pauses, plus each stretch in which the session stood finished before it was
    reopened, oldest first."""
    ordered = sorted(entries, key=lambda entry: entry[1])
    closed = [
        Pause(at, ordered[index + 1][1], closed=True)
        for index, (item_id, at) in enumerate(ordered[:-1])
        if item_id == END_MARKER
    ]
    return sorted([*pauses, *closed], key=lambda pause: pause.start)


def time_spent(
    entries: list[tuple[str, float]], pauses: list[Pause], now: float
) -> dict[str, float]:
    """Seconds spent in each item, all visits together, pauses not counted."""
    spent: dict[str, float] = {}
    for visit in visits(entries):
        end = now if visit.end is None else visit.end
        seconds = max(0.0, end - visit.start - paused_between(pauses, visit.start, end))
        spent[visit.item_id] = spent.get(visit.item_id, 0.0) + seconds
    return spent


def item_progress(
    schedule: Schedule,
    current_item_id: str,
    entries: list[tuple[str, float]],
    pauses: list[Pause],
    now: float,
) -> tuple[ItemProgress, ...]:
    """Every agenda item's state, time used and time still needed (see the module's rule).
    `pauses` should include the closed stretches (`session_pauses`)."""
    finished = ended_at(entries) is not None
    started = bool(entries)
    order = {item.id: index for index, item in enumerate(schedule.items)}
    ordered = sorted(entries, key=lambda entry: entry[1])
    spent: dict[str, float] = {}
    paused: dict[str, float] = {}
    first: dict[str, float] = {}
    left_for: dict[str, str | None] = {}  # what came after the item's last visit
    for index, (item_id, at) in enumerate(ordered):
        if item_id == END_MARKER:
            continue
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        end = now if following is None else following[1]
        in_pause = paused_between(pauses, at, end)
        spent[item_id] = spent.get(item_id, 0.0) + max(0.0, end - at - in_pause)
        paused[item_id] = paused.get(item_id, 0.0) + in_pause
        first.setdefault(item_id, at)
        left_for[item_id] = None if following is None else following[0]

    def state(item: AgendaItem) -> ItemState:
        if not item.active:
            return ItemState.SKIPPED
        if started and not finished and item.id == current_item_id:
            return ItemState.NOW
        if item.id not in left_for:
            return ItemState.SKIPPED if finished else ItemState.TO_COME
        after = left_for[item.id]
        if after is None:  # its visit goes on, though another page is shown: not done yet
            return ItemState.TO_COME
        if after == END_MARKER or order.get(after, len(order)) > order[item.id]:
            return ItemState.DONE
        return ItemState.TO_COME

    rows = []
    for item in schedule.items:
        item_state = state(item)
        used = spent.get(item.id, 0.0)
        needs = (
            max(0.0, item.minutes * 60.0 - used)
            if item_state in (ItemState.NOW, ItemState.TO_COME)
            else 0.0
        )
        rows.append(
            ItemProgress(
                item, item_state, first.get(item.id), used, needs, paused.get(item.id, 0.0)
            )
        )
    return tuple(rows)


def status(
    schedule: Schedule,
    current_item_id: str,
    started_at: float | None,
    entries: list[tuple[str, float]],
    pauses: list[Pause],
    now: float,
) -> TimingStatus:
    """The session's timing at `now` (see the module's rule)."""
    ended = ended_at(entries)
    moment = now if ended is None else ended
    every_pause = session_pauses(entries, pauses)
    paused = ended is None and any(pause.end is None for pause in pauses)
    items = item_progress(schedule, current_item_id, entries, every_pause, moment)
    item = schedule.item(current_item_id)
    planned_item = (item.minutes * 60.0) if item and item.active else 0.0
    if started_at is None:
        return TimingStatus(
            None, 0.0, 0.0, None, None, planned_item, 0.0, 0.0, paused,
            items=items, pauses=tuple(every_pause), now=moment, current_item_id=current_item_id,
        )  # fmt: skip
    current = next((p for p in items if p.item.id == current_item_id), None)
    item_left = planned_item - (current.spent if current else 0.0)
    paused_seconds = paused_between(every_pause, started_at, moment)
    elapsed = max(0.0, moment - started_at - paused_seconds)
    planned_end = started_at + schedule.plan * 60.0 + paused_seconds
    projected_end = moment + sum(p.needs for p in items)
    return TimingStatus(
        started_at=started_at,
        elapsed=elapsed,
        paused_seconds=paused_seconds,
        planned_end=planned_end,
        projected_end=projected_end,
        item_left=item_left,
        behind=projected_end - planned_end,
        progress=min(1.0, elapsed / (schedule.plan * 60.0)),
        paused=paused,
        finished=ended is not None,
        ended_at=ended,
        items=items,
        pauses=tuple(every_pause),
        now=moment,
        current_item_id=current_item_id,
    )


# -- the pace the consultant is shown -------------------------------------------------------


class Pace(StrEnum):
    NOT_STARTED = "not_started"
    FINISHED = "finished"
    ON_TIME = "on_time"  # less than PACE_TOLERANCE_MINUTES either way
    BEHIND = "behind"
    AHEAD = "ahead"
    FAR_AHEAD = "far_ahead"  # FAR_AHEAD_MINUTES or more: time worth using


@dataclass(frozen=True)
class PaceReading:
    """Ahead or behind as the status line, the agenda and `j` all see it."""

    pace: Pace
    minutes: int  # whole minutes ahead or behind, rounded down (so "2 min" means 2:00–2:59)
    paused: bool

    @property
    def suggests(self) -> bool:
        """Whether rebalancing (`j`) is worth offering now: behind, or far enough ahead to use
        the time, and the session is not paused."""
        return not self.paused and self.pace in (Pace.BEHIND, Pace.FAR_AHEAD)

    @property
    def adjustment(self) -> int:
        """The minutes a rebalancing absorbs: positive to cut when behind, negative to add when
        ahead, 0 when on time (or not running)."""
        if self.pace is Pace.BEHIND:
            return self.minutes
        if self.pace in (Pace.AHEAD, Pace.FAR_AHEAD):
            return -self.minutes
        return 0


def pace(status: TimingStatus) -> PaceReading:
    """Classify `status`: on time within ±2 minutes, behind or ahead from 2, far ahead from 5."""
    if status.started_at is None:
        return PaceReading(Pace.NOT_STARTED, 0, status.paused)
    minutes = math.floor(abs(status.behind) / 60.0 + 1e-9)
    if status.finished:
        return PaceReading(Pace.FINISHED, minutes, False)
    if minutes < PACE_TOLERANCE_MINUTES:
        kind = Pace.ON_TIME
    elif status.behind > 0:
        kind = Pace.BEHIND
    elif minutes >= FAR_AHEAD_MINUTES:
        kind = Pace.FAR_AHEAD
    else:
        kind = Pace.AHEAD
    return PaceReading(kind, minutes, status.paused)


# -- the agenda as planned and as run, for the referat ----------------------------------------


def shifted(start: float, offset: float, pauses: list[Pause], now: float) -> float:
    """The wall clock `offset` seconds of running time after `start`: every pause that began
    before that moment pushes it later (one still going on, up to `now`)."""
    cursor, left = start, offset
    for pause in sorted(pauses, key=lambda p: p.start):
        gap = pause.start - cursor
        if gap > left:
            break
        if gap > 0:
            left -= gap
        cursor = max(cursor, now if pause.end is None else pause.end)
    return cursor + left


@dataclass(frozen=True)
class TimeLogRow:
    """An agenda item as planned and as run."""

    item: AgendaItem
    planned_start: datetime | None  # None when skipped
    actual_start: float | None  # wall clock of the first visit
    spent: float  # seconds in finished visits, pauses not counted
    ongoing: bool  # the session is still in this item


def time_log(
    schedule: Schedule,
    start: datetime,
    entries: list[tuple[str, float]],
    pauses: list[Pause],
) -> list[TimeLogRow]:
    """Planned against actual for every item. The planned clock times run from the session's
    actual start (from `start`, the booked time, if it never began), pushed on by its pauses.
    A visit still going on counts as ongoing, not as time spent, so an export made days later
    does not count the days."""
    ordered = sorted(entries, key=lambda entry: entry[1])
    every_pause = session_pauses(entries, pauses)
    began = ordered[0][1] if ordered else start.timestamp()
    latest = max([began, *(at for _, at in ordered), *(p.start for p in every_pause)])
    planned: dict[str, datetime] = {}
    offset = 0.0
    for item in schedule.active:
        planned[item.id] = datetime.fromtimestamp(shifted(began, offset, every_pause, latest))
        offset += item.minutes * 60.0
    first: dict[str, float] = {}
    spent: dict[str, float] = {}
    ongoing: set[str] = set()
    for visit in visits(entries):
        first.setdefault(visit.item_id, visit.start)
        if visit.end is None:
            ongoing.add(visit.item_id)
            continue
        seconds = visit.end - visit.start - paused_between(every_pause, visit.start, visit.end)
        spent[visit.item_id] = spent.get(visit.item_id, 0.0) + max(0.0, seconds)
    return [
        TimeLogRow(
            item,
            planned.get(item.id),
            first.get(item.id),
            spent.get(item.id, 0.0),
            item.id in ongoing,
        )
        for item in schedule.items
    ]
