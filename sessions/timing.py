"""Where the session stands in time: elapsed, the planned and the projected end, time left in
the current item, and how far ahead or behind it is. Pure arithmetic on stored timestamps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sessions.schedule import AgendaItem, Schedule

END_MARKER = "__end__"
"""A log entry with this id marks the end of the session."""


@dataclass(frozen=True)
class Pause:
    """The whole session paused (a fire drill, a long question): every clock stands still."""

    start: float
    end: float | None = None

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Pause:
        end = data.get("end")
        return cls(float(data["start"]), None if end is None else float(end))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Visit:
    item_id: str
    start: float
    end: float | None  # None while it goes on


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


def status(
    schedule: Schedule,
    current_item_id: str,
    started_at: float | None,
    entries: list[tuple[str, float]],
    pauses: list[Pause],
    now: float,
) -> TimingStatus:
    """The session's timing at `now`. `entries` are in the order they were logged."""
    paused = bool(pauses) and pauses[-1].end is None
    item = schedule.item(current_item_id)
    planned_item = (item.minutes * 60.0) if item and item.active else 0.0
    if started_at is None:
        return TimingStatus(None, 0.0, 0.0, None, None, planned_item, 0.0, 0.0, paused)
    paused_seconds = paused_between(pauses, started_at, now)
    elapsed = max(0.0, now - started_at - paused_seconds)
    spent = time_spent(entries, pauses, now).get(current_item_id, 0.0)
    item_left = planned_item - spent
    later = schedule.minutes_after(current_item_id) * 60.0 if item else 0.0
    ended = bool(entries) and entries[-1][0] == END_MARKER
    planned_end = started_at + schedule.plan * 60.0 + paused_seconds
    projected_end = now if ended else now + max(0.0, item_left) + later
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
    )


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
    """Planned against actual for every item. A visit still going on counts as ongoing, not
    as time spent, so an export made days later does not count the days."""
    planned = {row.item.id: row.starts for row in schedule.timetable(start)}
    first: dict[str, float] = {}
    spent: dict[str, float] = {}
    ongoing: set[str] = set()
    for visit in visits(entries):
        first.setdefault(visit.item_id, visit.start)
        if visit.end is None:
            ongoing.add(visit.item_id)
            continue
        seconds = visit.end - visit.start - paused_between(pauses, visit.start, visit.end)
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


ON_TIME_MINUTES = 2
"""Ahead or behind by less than this counts as on time."""


class Pace(StrEnum):
    ON_TIME = "on_time"
    BEHIND = "behind"
    AHEAD = "ahead"
    PAUSED = "paused"


def pace(timing: TimingStatus) -> Pace:
    """How the session stands: paused, behind, ahead or on time (within ±2 minutes)."""
    if timing.paused:
        return Pace.PAUSED
    behind = round(timing.behind / 60)
    if behind >= ON_TIME_MINUTES:
        return Pace.BEHIND
    if behind <= -ON_TIME_MINUTES:
        return Pace.AHEAD
    return Pace.ON_TIME
