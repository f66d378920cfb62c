"""The session's own agenda: the theme's plan as the consultant adjusts it before and during
the session — reordered, lengthened, shortened, skipped, or with an extra break or round."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sessions.models import PlannedSegment
from sessions.theme.model import SegmentKind, Theme

EXTRA_BREAK_MINUTES = 10
EXTRA_ROUND_MINUTES = 5


@dataclass(frozen=True)
class AgendaItem:
    """One point on the agenda. `id` is the theme segment's id, or `extra-N` for an added one."""

    id: str
    title: str
    kind: str  # a SegmentKind value
    minutes: int
    minimum: int
    original_minutes: int  # as the theme plans it: step timers scale by minutes / this
    skipped: bool = False
    extra: bool = False
    format: str | None = None  # the exercise format ("round", "action-plan", …)
    optional: bool = False  # the theme allows leaving it out of a shorter session

    @property
    def active(self) -> bool:
        return not self.skipped

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AgendaItem:
        return cls(
            id=str(data["id"]),
            title=str(data["title"]),
            kind=str(data["kind"]),
            minutes=int(data["minutes"]),
            minimum=int(data.get("minimum", 0)),
            original_minutes=int(data.get("original_minutes", data["minutes"])),
            skipped=bool(data.get("skipped", False)),
            extra=bool(data.get("extra", False)),
            format=data.get("format"),
            optional=bool(data.get("optional", False)),
        )


@dataclass(frozen=True)
class ScheduledItem:
    item: AgendaItem
    starts: datetime
    ends: datetime


@dataclass(frozen=True)
class Schedule:
    """The agenda as it stands. Operations return a new schedule; nothing is changed in place."""

    items: tuple[AgendaItem, ...]
    plan: int  # the session's length in minutes
    theme_plan: int | None = None  # the theme's plan it was made from, when not `plan` itself

    @property
    def base_plan(self) -> int:
        """The theme plan whose step minutes the pages start from."""
        return self.theme_plan or self.plan

    @classmethod
    def from_theme(cls, theme: Theme, plan: int) -> Schedule:
        """The theme's agenda for a session of `plan` minutes: its own plan of that length, or
        the nearest one (to be fitted to `plan`)."""
        base = plan if plan in theme.plans else theme.nearest_plan(plan)
        items = tuple(
            AgendaItem(
                id=s.id,
                title=s.title,
                kind=s.kind.value,
                minutes=s.minutes.for_plan(base) or 0,
                minimum=s.minimum_for(base),
                original_minutes=s.minutes.for_plan(base) or 0,
                format=s.format.value if s.format else None,
                optional=s.optional,
            )
            for s in theme.agenda(base)
        )
        return cls(items, plan, None if base == plan else base)

    @classmethod
    def from_planned(cls, agenda: tuple[PlannedSegment, ...], plan: int) -> Schedule:
        """The schedule of a session whose agenda was never changed (from its stored plan)."""
        return cls(
            tuple(AgendaItem(s.id, s.title, s.kind, s.minutes, 0, s.minutes) for s in agenda), plan
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "plan": self.plan,
            "theme_plan": self.theme_plan,
            "items": [item.to_dict() for item in self.items],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Schedule:
        theme_plan = data.get("theme_plan")
        return cls(
            tuple(AgendaItem.from_dict(i) for i in data["items"]),
            int(data["plan"]),
            int(theme_plan) if theme_plan is not None else None,
        )

    # -- reading ---------------------------------------------------------------------------

    @property
    def active(self) -> list[AgendaItem]:
        return [item for item in self.items if item.active]

    def total(self) -> int:
        """Planned minutes of everything not skipped."""
        return sum(item.minutes for item in self.active)

    def difference(self) -> int:
        """Minutes over (positive) or under (negative) the session's length."""
        return self.total() - self.plan

    def index_of(self, item_id: str) -> int:
        return next(i for i, item in enumerate(self.items) if item.id == item_id)

    def item(self, item_id: str) -> AgendaItem | None:
        return next((item for item in self.items if item.id == item_id), None)

    def timetable(self, start: datetime) -> list[ScheduledItem]:
        """Clock times of the active items from `start`."""
        rows = []
        clock = start
        for item in self.active:
            end = clock + timedelta(minutes=item.minutes)
            rows.append(ScheduledItem(item, clock, end))
            clock = end
        return rows

    def minutes_after(self, item_id: str) -> int:
        """Planned minutes of the active items after `item_id`."""
        index = self.index_of(item_id)
        return sum(item.minutes for item in self.items[index + 1 :] if item.active)

    # -- changing ---------------------------------------------------------------------------

    def _with(self, index: int, item: AgendaItem) -> Schedule:
        items = list(self.items)
        items[index] = item
        return replace(self, items=tuple(items))

    def set_minutes(self, item_id: str, minutes: int) -> Schedule:
        """Lengthen or shorten an item (never below one minute)."""
        index = self.index_of(item_id)
        return self._with(index, replace(self.items[index], minutes=max(1, minutes)))

    def toggle_skip(self, item_id: str) -> Schedule:
        index = self.index_of(item_id)
        item = self.items[index]
        return self._with(index, replace(item, skipped=not item.skipped))

    def move(self, item_id: str, offset: int) -> Schedule:
        """Move an item up (negative) or down (positive) the agenda."""
        index = self.index_of(item_id)
        target = min(max(index + offset, 0), len(self.items) - 1)
        items = list(self.items)
        items.insert(target, items.pop(index))
        return replace(self, items=tuple(items))

    def add_extra(self, after_id: str | None, kind: str, title: str) -> Schedule:
        """Insert an extra break or round after `after_id` (or first)."""
        number = 1 + sum(1 for item in self.items if item.extra)
        while self.item(f"extra-{number}") is not None:
            number += 1
        is_break = kind == SegmentKind.BREAK.value
        minutes = EXTRA_BREAK_MINUTES if is_break else EXTRA_ROUND_MINUTES
        extra = AgendaItem(
            id=f"extra-{number}",
            title=title,
            kind=kind,
            minutes=minutes,
            minimum=max(1, minutes // 2),
            original_minutes=minutes,
            extra=True,
            format=None if is_break else "round",
        )
        position = 0 if after_id is None else self.index_of(after_id) + 1
        items = list(self.items)
        items.insert(position, extra)
        return replace(self, items=tuple(items))

    def remove_extra(self, item_id: str) -> Schedule:
        """Remove an item that was added (theme items are skipped instead)."""
        if not (item := self.item(item_id)) or not item.extra:
            return self
        return replace(self, items=tuple(i for i in self.items if i.id != item_id))


@dataclass(frozen=True)
class Adjustment:
    """One change a suggestion makes."""

    item_id: str
    title: str
    old_minutes: int
    new_minutes: int  # 0 means: skip it

    @property
    def skips(self) -> bool:
        return self.new_minutes == 0


def suggest(schedule: Schedule, after_id: str, minutes: int) -> list[Adjustment]:
    """How to absorb `minutes` over (positive) or under (negative) in the items after
    `after_id`: shorten toward each item's minimum, in proportion to what each can give, then
    skip optional items from the back; or, when ahead, lengthen the exercises in proportion."""
    index = schedule.index_of(after_id)
    later = [item for item in schedule.items[index + 1 :] if item.active]
    if minutes > 0:
        return _shorten(later, minutes)
    if minutes < 0:
        return _lengthen(later, -minutes)
    return []


def _shorten(later: list[AgendaItem], minutes: int) -> list[Adjustment]:
    slack = {item.id: item.minutes - min(item.minimum, item.minutes) for item in later}
    cuts = _share(minutes, slack, slack)
    missing = minutes - sum(cuts.values())
    skipped: set[str] = set()
    # Still short: skip optional items from the back. The action plan and the last item
    # (the round-off) are what a workplace takes home, so they are never suggested.
    optional = [
        item
        for item in later[:-1]
        if item.kind != SegmentKind.BREAK.value and item.format != "action-plan"
    ]
    for item in reversed(optional):
        if missing <= 0:
            break
        skipped.add(item.id)
        missing -= item.minutes - cuts[item.id]
    return [
        Adjustment(
            item.id,
            item.title,
            item.minutes,
            0 if item.id in skipped else item.minutes - cuts[item.id],
        )
        for item in later
        if item.id in skipped or cuts[item.id]
    ]


def _lengthen(later: list[AgendaItem], minutes: int) -> list[Adjustment]:
    growable = [item for item in later if item.kind == SegmentKind.EXERCISE.value]
    if not growable:
        return []
    # An exercise grows by half at most: beyond that, time is better left as a spare.
    room = {item.id: item.minutes // 2 for item in growable}
    extra = _share(minutes, {item.id: item.minutes for item in growable}, room)
    return [
        Adjustment(item.id, item.title, item.minutes, item.minutes + extra[item.id])
        for item in growable
        if extra[item.id]
    ]


def _share(minutes: int, weights: dict[str, int], room: dict[str, int]) -> dict[str, int]:
    """Share whole `minutes` out in proportion to `weights`, none beyond its `room`; the
    minutes rounding leaves over go to those with most room left."""
    minutes = min(minutes, sum(room.values()))
    total = sum(weights.values())
    shares = {
        key: min(room[key], math.floor(minutes * weight / total)) if total else 0
        for key, weight in weights.items()
    }
    leftover = minutes - sum(shares.values())
    for key in sorted(shares, key=lambda k: room[k] - shares[k], reverse=True):
        if leftover <= 0:
            break
        if shares[key] < room[key]:
            shares[key] += 1
            leftover -= 1
    return shares


def apply(schedule: Schedule, adjustments: list[Adjustment]) -> Schedule:
    """The schedule with a suggestion carried out."""
    for change in adjustments:
        if change.skips:
            schedule = schedule.toggle_skip(change.item_id)
        else:
            schedule = schedule.set_minutes(change.item_id, change.new_minutes)
    return schedule
