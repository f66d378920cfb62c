"""Rebalancing (`j`): how the rest of the agenda could absorb the minutes the session is behind
or ahead, as a preview the consultant accepts or cancels.

The rules:

- Only items still to come are changed (see `sessions.agenda.timing`): never the one being run,
  never one that is done.
- **Behind**: the coming items are shortened in proportion to what each can give, down to its
  minimum and never below what it has already used. Nothing is ever left out by itself: when
  the minimums are not enough, the preview says how many minutes are still missing and lists
  the items the consultant *could* skip (optional ones first, then from the back of the
  agenda; never the action plan, the last item or a break), each as a separate choice. A
  chosen skip is passed back in (`skips`), and the preview is worked out again with it.
- **Ahead**: the coming exercises are lengthened in proportion, each to at most half again
  its minutes as planned for this session (`AgendaItem.planned_minutes`) — counted from the
  plan, not from the present minutes, so pressing `j` again never lengthens again. Minutes
  that do not fit are reported as spare.
- Everything stays on whole minutes (the step timers follow via `sessions.agenda.pages`).
- Idempotent: once applied, the session is on time (or the preview says exactly what is left),
  so asking again changes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sessions.agenda.schedule import AgendaItem, Schedule
from sessions.agenda.timing import ItemProgress, ItemState, TimingStatus, pace
from sessions.theme.model import SegmentKind

LONGEST_GROWTH = 0.5
"""An exercise grows by half its planned minutes at most: beyond that, time is better spare."""


@dataclass(frozen=True)
class Change:
    """One item before → after."""

    item_id: str
    title: str
    before: int  # minutes
    after: int  # minutes (unchanged when skipped)
    skipped: bool = False  # the consultant chose to leave it out


@dataclass(frozen=True)
class SkipChoice:
    """An item the consultant could leave out, and the minutes that would free."""

    item_id: str
    title: str
    minutes: int
    optional: bool


@dataclass(frozen=True)
class Rebalance:
    """A rebalancing worked out but not applied: show it, then apply `after` (or not)."""

    before: Schedule
    after: Schedule
    minutes: int  # what it set out to absorb: positive = behind (cut), negative = ahead (add)
    changes: tuple[Change, ...]
    missing: int  # minutes still too many once applied (0: the session ends on time)
    spare: int  # minutes ahead left over once applied
    skip_choices: tuple[SkipChoice, ...]  # offered only while minutes are missing
    skips: tuple[str, ...] = ()  # the skips the consultant chose

    @property
    def empty(self) -> bool:
        """Nothing would change."""
        return not self.changes


def preview(schedule: Schedule, status: TimingStatus, skips: Iterable[str] = ()) -> Rebalance:
    """What `j` would do now, for the session `status` describes (made from `schedule`)."""
    return plan_rebalance(schedule, status.items, pace(status).adjustment, skips)


def plan_rebalance(
    schedule: Schedule,
    progress: Sequence[ItemProgress],
    minutes: int,
    skips: Iterable[str] = (),
) -> Rebalance:
    """Absorb `minutes` (positive: behind, negative: ahead) in the items `progress` says are
    still to come, skipping the chosen `skips` first when behind."""
    coming = {p.item.id: p for p in progress if p.state is ItemState.TO_COME and p.item.active}
    later = [item for item in schedule.items if item.id in coming]
    if minutes > 0:
        return _shorten(schedule, later, coming, minutes, skips)
    if minutes < 0:
        return _lengthen(schedule, later, -minutes)
    return Rebalance(schedule, schedule, 0, (), 0, 0, ())


def _used(progress: ItemProgress) -> int:
    return math.ceil(progress.spent / 60.0 - 1e-9)


def _shorten(
    schedule: Schedule,
    later: list[AgendaItem],
    coming: dict[str, ItemProgress],
    minutes: int,
    skips: Iterable[str],
) -> Rebalance:
    eligible = _skippable(schedule, later)
    chosen = [item for item in eligible if item.id in set(skips)]
    freed = sum(item.minutes - _used(coming[item.id]) for item in chosen)
    rest = minutes - freed
    kept = [item for item in later if item not in chosen]
    cuts = {item.id: 0 for item in kept}
    if rest > 0:
        slack = {
            item.id: max(0, item.minutes - max(item.minimum, _used(coming[item.id])))
            for item in kept
        }
        cuts = _share(rest, slack, slack)
    missing = max(0, rest - sum(cuts.values()))
    after = schedule
    changes = []
    for item in later:
        if item in chosen:
            after = after.set_skipped(item.id, True)
            changes.append(Change(item.id, item.title, item.minutes, item.minutes, skipped=True))
        elif cuts[item.id]:
            new = item.minutes - cuts[item.id]
            after = after.set_minutes(item.id, new)
            changes.append(Change(item.id, item.title, item.minutes, new))
    choices: tuple[SkipChoice, ...] = ()
    if missing:
        ranked = sorted(
            (item for item in eligible if item not in chosen),
            key=lambda item: (not item.optional, -schedule.index_of(item.id)),
        )
        choices = tuple(
            SkipChoice(
                item.id,
                item.title,
                item.minutes - cuts.get(item.id, 0) - _used(coming[item.id]),
                item.optional,
            )
            for item in ranked
        )
    return Rebalance(
        before=schedule,
        after=after,
        minutes=minutes,
        changes=tuple(changes),
        missing=missing,
        spare=max(0, -rest),
        skip_choices=choices,
        skips=tuple(item.id for item in chosen),
    )


def _skippable(schedule: Schedule, later: list[AgendaItem]) -> list[AgendaItem]:
    """Coming items the consultant may choose to leave out. The action plan and the last item
    (the round-off) are what a workplace takes home; a break is what keeps the room going."""
    active = schedule.active
    last = active[-1].id if active else None
    return [
        item for item in later if item.id != last and not item.is_action_plan and not item.is_break
    ]


def _lengthen(schedule: Schedule, later: list[AgendaItem], minutes: int) -> Rebalance:
    growable = [item for item in later if item.kind is SegmentKind.EXERCISE]
    room = {
        item.id: max(
            0, item.planned_minutes + int(item.planned_minutes * LONGEST_GROWTH) - item.minutes
        )
        for item in growable
    }
    extra = _share(minutes, {item.id: item.planned_minutes for item in growable}, room)
    after = schedule
    changes = []
    for item in growable:
        if extra[item.id]:
            after = after.set_minutes(item.id, item.minutes + extra[item.id])
            changes.append(Change(item.id, item.title, item.minutes, item.minutes + extra[item.id]))
    return Rebalance(
        before=schedule,
        after=after,
        minutes=-minutes,
        changes=tuple(changes),
        missing=0,
        spare=minutes - sum(extra.values()),
        skip_choices=(),
    )


def _longest(item: AgendaItem) -> int:
    return item.planned_minutes + int(item.planned_minutes * LONGEST_GROWTH)


def _share(minutes: int, weights: dict[str, int], room: dict[str, int]) -> dict[str, int]:
    """Share whole `minutes` out in proportion to `weights`, none beyond its `room`; the minutes
    rounding leaves over go to those with most room left."""
    minutes = min(minutes, sum(room.values()))
    shares = {key: 0 for key in weights}
    # Proportional shares capped by room; what a capped key cannot take goes round again.
    left = minutes
    open_keys = [key for key in weights if room[key] > 0]
    while left > 0 and open_keys:
        weighted = sum(weights[key] for key in open_keys) > 0
        total = sum(weights[key] for key in open_keys) if weighted else len(open_keys)
        given = 0
        for key in open_keys:
            weight = weights[key] if weighted else 1
            share = min(room[key] - shares[key], math.floor(left * weight / total))
            shares[key] += share
            given += share
        left -= given
        open_keys = [key for key in open_keys if shares[key] < room[key]]
        if given == 0:
            break
    for key in sorted(open_keys, key=lambda k: (room[k] - shares[k], weights[k]), reverse=True):
        if left <= 0:
            break
        shares[key] += 1
        left -= 1
    return shares
