"""The pages a presenter steps through, and the agenda's clock times."""

from __future__ import annotations

from dataclasses import dataclass

from sessions.agenda.schedule import AgendaItem, Schedule
from sessions.models import PlannedSegment
from sessions.theme.model import (
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
        if segment.kind is SegmentKind.PRESENTATION:
            pages.extend(Page(segment, i, slide=s) for i, s in enumerate(segment.slides))
        elif steps := [
            (i, step, minutes)
            for i, step in enumerate(segment.steps)
            if (minutes := step.minutes.for_plan(schedule.base_plan)) is not None
        ]:
            shares = step_minutes([m for _, _, m in steps], item.original_minutes, item.minutes)
            pages.extend(
                Page(segment, i, step=step, seconds=share * 60)
                for (i, step, _), share in zip(steps, shares, strict=True)
            )
        else:
            pages.append(Page(segment, 0, seconds=item.minutes * 60))
    return pages


def step_minutes(planned: list[int], original: int, minutes: int) -> list[int]:
    """The steps' whole minutes when their item, planned at `original`, lasts `minutes`: in
    proportion to the theme's plan (largest remainders get the spare minutes), at least one
    minute each, never more in all than the item."""
    total = sum(planned)
    if not planned or minutes == original or not total:
        return list(planned)
    target = max(len(planned), min(minutes, round(total * minutes / max(original, 1))))
    exact = [m * target / total for m in planned]
    shares = [max(1, int(x)) for x in exact]
    by_remainder = sorted(range(len(planned)), key=lambda i: exact[i] - int(exact[i]), reverse=True)
    for index in by_remainder:
        if sum(shares) >= target:
            break
        shares[index] += 1
    while sum(shares) > target:
        largest = max(range(len(shares)), key=lambda i: shares[i])
        shares[largest] -= 1
    return shares


def segment_for(theme: Theme, item: AgendaItem) -> Segment:
    """The theme segment behind an agenda item; an added break or round gets a plain one."""
    segment = None if item.extra else theme.segment(item.id)
    if segment is not None:
        return segment
    minutes = Minutes({item.minutes: item.minutes})
    if item.kind is SegmentKind.BREAK:
        return Segment(item.id, item.title, SegmentKind.BREAK, minutes, line=0)
    return Segment(
        item.id,
        item.title,
        SegmentKind.EXERCISE,
        minutes,
        line=0,
        format=item.format or ExerciseFormat.ROUND,
    )


def planned_agenda(theme: Theme, plan: int) -> tuple[PlannedSegment, ...]:
    """The agenda to store with a session, so its referat never depends on the theme file
    (what a shorter session leaves out is not planned). Raises `SessionTooShortError`."""
    return tuple(
        PlannedSegment(item.id, item.title, item.kind.value, item.minutes)
        for item in Schedule.from_theme(theme, plan).active
    )
