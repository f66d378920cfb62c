"""The session's own agenda: the theme's plan as the consultant adjusts it before and during
the session — reordered, lengthened, shortened, skipped, or with an extra break or round.

What the agenda should become when the session runs late or early is `sessions.agenda.rebalance`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sessions.agenda.plan_fit import PlanPart, SessionTooShortError, fit_parts, shortest_length
from sessions.models import MAX_ITEM_MINUTES, PlannedSegment
from sessions.theme import formats
from sessions.theme.model import ExerciseFormat, Segment, SegmentKind, Theme

EXTRA_BREAK_MINUTES = 10
EXTRA_ROUND_MINUTES = 5


def _kind(value: object) -> SegmentKind:
    try:
        return SegmentKind(str(value))
    except ValueError:
        return SegmentKind.EXERCISE


def _format(value: object) -> ExerciseFormat | None:
    # A format no kind has registered (an old session's) is none: the item shows as steps.
    if value is None or formats.rules_for(str(value)) is None:
        return None
    return ExerciseFormat(str(value))


@dataclass(frozen=True)
class AgendaItem:
    """One point on the agenda. `id` is the theme segment's id, or `extra-N` for an added one."""

    id: str
    title: str
    kind: SegmentKind
    minutes: int
    minimum: int
    original_minutes: int
    """As the theme's plan (`Schedule.base_plan`) has it: step timers scale by minutes / this."""
    skipped: bool = False
    extra: bool = False
    format: ExerciseFormat | None = None
    optional: bool = False  # the theme allows leaving it out of a shorter session
    planned_minutes: int = field(default=0)
    """As planned for this session before any change: what rebalancing lengthens from, so
    pressing `j` again never lengthens an item again. 0 means `original_minutes`."""

    def __post_init__(self) -> None:
        # Callers (and old stored sessions) may give plain strings: keep the enums.
        object.__setattr__(self, "kind", _kind(self.kind))
        object.__setattr__(self, "format", _format(self.format))
        if not self.planned_minutes:
            object.__setattr__(self, "planned_minutes", self.original_minutes)

    @property
    def active(self) -> bool:
        return not self.skipped

    @property
    def below_minimum(self) -> bool:
        """Shortened by hand below what the theme allows (the planner warns)."""
        return self.active and self.minutes < self.minimum

    @property
    def is_break(self) -> bool:
        return self.kind is SegmentKind.BREAK

    @property
    def is_action_plan(self) -> bool:
        return self.format is ExerciseFormat.ACTION_PLAN

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind.value,
            "minutes": self.minutes,
            "minimum": self.minimum,
            "original_minutes": self.original_minutes,
            "skipped": self.skipped,
            "extra": self.extra,
            "format": self.format.value if self.format else None,
            "optional": self.optional,
            "planned_minutes": self.planned_minutes,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AgendaItem:
        original = int(data.get("original_minutes", data["minutes"]))
        return cls(
            id=str(data["id"]),
            title=str(data["title"]),
            kind=_kind(data["kind"]),
            minutes=int(data["minutes"]),
            minimum=int(data.get("minimum", 0)),
            original_minutes=original,
            skipped=bool(data.get("skipped", False)),
            extra=bool(data.get("extra", False)),
            format=_format(data.get("format")),
            optional=bool(data.get("optional", False)),
            planned_minutes=int(data.get("planned_minutes", original)),
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
        """The theme's agenda for a session of `plan` minutes: the theme's own plan of that
        length, or the nearest one fitted to `plan` (see `sessions.agenda.plan_fit` for the rule:
        minimums kept, only optional segments left out — as skipped items the consultant can
        bring back —, whole minutes summing exactly to `plan`).

        Raises `SessionTooShortError` when even the minimums of the segments that may not be
        left out add up to more than `plan`."""
        if plan in theme.plans:
            return cls(
                tuple(_item(s, plan, s.minutes.for_plan(plan) or 0) for s in theme.agenda(plan)),
                plan,
            )
        shortest: list[int] = []
        for base in sorted(theme.plans, key=lambda p: (abs(p - plan), -p)):
            agenda = theme.agenda(base)
            parts = [
                PlanPart(s.minutes.for_plan(base) or 0, s.minimum_for(base), s.optional)
                for s in agenda
            ]
            shortest.append(shortest_length(parts))
            fitted = fit_parts(parts, plan)
            if fitted is None:
                continue
            items = tuple(_item(s, base, m) for s, m in zip(agenda, fitted, strict=True))
            return cls(items, plan, base)
        raise SessionTooShortError(theme.title, min(shortest, default=plan))

    @classmethod
    def from_planned(cls, agenda: tuple[PlannedSegment, ...], plan: int) -> Schedule:
        """The schedule of a session whose agenda was never changed (from its stored plan)."""
        return cls(
            tuple(
                AgendaItem(s.id, s.title, _kind(s.kind), s.minutes, 0, s.minutes) for s in agenda
            ),
            plan,
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
        """Clock times of the active items from `start`, pauses not counted (see
        `sessions.agenda.agenda_clock` for the agenda as run)."""
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
        minutes = min(MAX_ITEM_MINUTES, max(1, minutes))
        return self._with(index, replace(self.items[index], minutes=minutes))

    def set_skipped(self, item_id: str, skipped: bool) -> Schedule:
        index = self.index_of(item_id)
        return self._with(index, replace(self.items[index], skipped=skipped))

    def toggle_skip(self, item_id: str) -> Schedule:
        return self.set_skipped(item_id, not self.items[self.index_of(item_id)].skipped)

    def move(self, item_id: str, offset: int) -> Schedule:
        """Move an item up (negative) or down (positive) the agenda."""
        index = self.index_of(item_id)
        target = min(max(index + offset, 0), len(self.items) - 1)
        items = list(self.items)
        items.insert(target, items.pop(index))
        return replace(self, items=tuple(items))

    def add_extra(
        self, after_id: str | None, kind: SegmentKind, title: str
    ) -> tuple[Schedule, str]:
        """Insert an extra break or round after `after_id` (or first); returns the new agenda
        and the new item's id."""
        number = 1 + sum(1 for item in self.items if item.extra)
        while self.item(f"extra-{number}") is not None:
            number += 1
        is_break = SegmentKind(kind) is SegmentKind.BREAK
        minutes = EXTRA_BREAK_MINUTES if is_break else EXTRA_ROUND_MINUTES
        extra = AgendaItem(
            id=f"extra-{number}",
            title=title,
            kind=SegmentKind.BREAK if is_break else SegmentKind.EXERCISE,
            minutes=minutes,
            minimum=max(1, minutes // 2),
            original_minutes=minutes,
            extra=True,
            format=None if is_break else ExerciseFormat.ROUND,
        )
        position = 0 if after_id is None else self.index_of(after_id) + 1
        items = list(self.items)
        items.insert(position, extra)
        return replace(self, items=tuple(items)), extra.id

    def remove_extra(self, item_id: str) -> Schedule:
        """Remove an item that was added (theme items are skipped instead)."""
        if not (item := self.item(item_id)) or not item.extra:
            return self
        return replace(self, items=tuple(i for i in self.items if i.id != item_id))


def _item(segment: Segment, base: int, minutes: int | None) -> AgendaItem:
    """The agenda item of `segment` in a session made from the theme's `base` plan, lasting
    `minutes` (None: left out of this session, so it starts skipped)."""
    planned = segment.minutes.for_plan(base) or 0
    length = planned if minutes is None else minutes
    return AgendaItem(
        id=segment.id,
        title=segment.title,
        kind=segment.kind,
        minutes=length,
        minimum=min(segment.minimum_for(base), length),
        original_minutes=planned,
        skipped=minutes is None,
        format=segment.format,
        optional=segment.optional,
        planned_minutes=length,
    )
