"""The pages a presenter steps through, and the agenda's clock times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sessions.models import PlannedSegment
from sessions.theme.model import Segment, SegmentKind, Slide, Step, Theme


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


def build_pages(theme: Theme, plan: int) -> list[Page]:
    """Every page of `theme`'s `plan`-minute agenda, in order."""
    pages: list[Page] = []
    for segment in theme.agenda(plan):
        planned = segment.minutes.for_plan(plan) or 0
        if segment.kind is SegmentKind.PRESENTATION:
            pages.extend(Page(segment, i, slide=s) for i, s in enumerate(segment.slides))
        elif segment.kind is SegmentKind.EXERCISE and segment.steps:
            for i, step in enumerate(segment.steps):
                minutes = step.minutes.for_plan(plan)
                if minutes is not None:
                    pages.append(Page(segment, i, step=step, seconds=minutes * 60))
        else:
            pages.append(Page(segment, 0, seconds=planned * 60))
    return pages


def planned_agenda(theme: Theme, plan: int) -> tuple[PlannedSegment, ...]:
    """The agenda to store with a session, so its referat never depends on the theme file."""
    return tuple(
        PlannedSegment(s.id, s.title, s.kind.value, s.minutes.for_plan(plan) or 0)
        for s in theme.agenda(plan)
    )


@dataclass(frozen=True)
class AgendaRow:
    segment: PlannedSegment
    planned_start: datetime
    actual_start: datetime | None


def agenda_rows(
    agenda: tuple[PlannedSegment, ...],
    date: str,
    start_time: str,
    entered: dict[str, float],
) -> list[AgendaRow]:
    """Each segment with its planned clock time and, when it was run, the time it started."""
    clock = datetime.fromisoformat(f"{date}T{start_time}")
    rows: list[AgendaRow] = []
    for segment in agenda:
        started = entered.get(segment.id)
        rows.append(AgendaRow(segment, clock, datetime.fromtimestamp(started) if started else None))
        clock += timedelta(minutes=segment.minutes)
    return rows
