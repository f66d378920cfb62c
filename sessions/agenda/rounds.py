"""Go-rounds that fit the room: for an agenda and a number of participants, which rounds cannot
hold everyone in their step, and how each could be run instead. The planner and the start of
the session list them; the round's page offers the same ways.

A round runs in the first timed page of its agenda item (its first step, or the whole item when
it has no steps), with the minutes that page has in this agenda.
"""

from __future__ import annotations

from dataclasses import dataclass

from sessions.agenda.pages import Page, build_pages
from sessions.agenda.schedule import Schedule
from sessions.exercises.round import (
    RoundOptions,
    RoundPlan,
    RoundWay,
    plan_round,
    preferred_way,
    round_options,
    ways_that_work,
)
from sessions.theme.model import ExerciseFormat, Theme


@dataclass(frozen=True)
class RoundFit:
    """One go-round on the agenda, sized for the room."""

    item_id: str
    title: str
    page: Page  # where the round is run
    options: RoundOptions
    plan: RoundPlan
    preferred: RoundWay  # the theme's fallback when it works, else the first way that does
    ways: tuple[RoundWay, ...]  # every way that fits the time, the preferred first

    @property
    def fits(self) -> bool:
        """Everyone can speak at the theme's seconds each, handovers included."""
        return self.plan.fits

    @property
    def available(self) -> int:
        return self.plan.available


def round_fit(page: Page, participants: int) -> RoundFit | None:
    """The round on `page` sized for `participants`, or None when the page holds no round."""
    segment = page.segment
    if segment.format is not ExerciseFormat.ROUND or page.seconds is None:
        return None
    options = round_options(segment)
    plan = plan_round(options, participants, page.seconds)
    return RoundFit(
        item_id=segment.id,
        title=segment.title,
        page=page,
        options=options,
        plan=plan,
        preferred=preferred_way(options, plan),
        ways=ways_that_work(options, plan),
    )


def agenda_rounds(theme: Theme, schedule: Schedule, participants: int) -> list[RoundFit]:
    """Every round on the agenda (skipped items left out), in agenda order."""
    fits: list[RoundFit] = []
    seen: set[str] = set()
    for page in build_pages(theme, schedule):
        if page.segment.id in seen:
            continue
        fit = round_fit(page, participants)
        if fit is not None:
            seen.add(page.segment.id)
            fits.append(fit)
    return fits


def rounds_that_do_not_fit(theme: Theme, schedule: Schedule, participants: int) -> list[RoundFit]:
    """The rounds whose step cannot hold participants × (seconds each + a handover), with the
    ways each could be run instead."""
    return [fit for fit in agenda_rounds(theme, schedule, participants) if not fit.fits]
