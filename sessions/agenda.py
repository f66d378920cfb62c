"""The pages a presenter steps through, and the agenda's clock times."""

from __future__ import annotations

from dataclasses import dataclass

from sessions.models import PlannedSegment
from sessions.schedule import AgendaItem, Schedule
from sessions.theme.model import (
    PLANS,
    ExerciseFormat,
    Minutes,
    Segment,
    SegmentKind,
    Slide,
    Step,
    Theme,
)


@dataclass(frozen=True)
class Page:
    """One screen of the session: a slide, an exercise step, or a break."""

    segment: Segment
    index: int  # the slide or step number within the segment
    slide: Slide | None = None
    step: Step | None = None
    seconds: int | None = None  # the countdown's duration, when the page is timed

    @property
    def key(self) -> str:
        """A stable name for the page, used to store its timer."""
        return f"{self.segment.id}#{self.index}"

    @property
    def title(self) -> str:
        if self.slide is not None:
            return self.slide.title
        if self.step is not None:
            return self.step.title
        return self.segment.title


def build_pages(theme: Theme, schedule: Schedule) -> list[Page]:
    """Every page of the session's agenda, in order. Step timers scale with the item's
    minutes when the consultant has lengthened or shortened it."""
    pages: list[Page] = []
    for item in schedule.active:
        segment = segment_for(theme, item)
        ratio = item.minutes / item.original_minutes if item.original_minutes else 1.0
        if segment.kind is SegmentKind.PRESENTATION:
            pages.extend(Page(segment, i, slide=s) for i, s in enumerate(segment.slides))
        elif segment.kind is SegmentKind.EXERCISE and segment.steps:
            for i, step in enumerate(segment.steps):
                minutes = step.minutes.for_plan(schedule.plan)
                if minutes is not None:
                    seconds = max(60, round(minutes * 60 * ratio))
                    pages.append(Page(segment, i, step=step, seconds=seconds))
        else:
            pages.append(Page(segment, 0, seconds=item.minutes * 60))
    return pages


def segment_for(theme: Theme, item: AgendaItem) -> Segment:
    """The theme segment behind an agenda item; an added break or round gets a plain one."""
    segment = None if item.extra else theme.segment(item.id)
    if segment is not None:
        return segment
    minutes = Minutes(dict.fromkeys(PLANS, item.minutes))
    if item.kind == SegmentKind.BREAK.value:
        return Segment(item.id, item.title, SegmentKind.BREAK, minutes, line=0)
    return Segment(
        item.id,
        item.title,
        SegmentKind.EXERCISE,
        minutes,
        line=0,
        format=ExerciseFormat(item.format or ExerciseFormat.ROUND.value),
    )


def planned_agenda(theme: Theme, plan: int) -> tuple[PlannedSegment, ...]:
    """The agenda to store with a session, so its referat never depends on the theme file."""
    return tuple(
        PlannedSegment(s.id, s.title, s.kind.value, s.minutes.for_plan(plan) or 0)
        for s in theme.agenda(plan)
    )
