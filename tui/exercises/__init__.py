"""The exercise widgets, one per kind, found by the segment's `format:` (the twin of
`sessions.exercises.KINDS`)."""

from __future__ import annotations

from tui.exercises.base import ExerciseWidget, SpeakerClock
from tui.exercises.cards import CardsWidget
from tui.exercises.case import CaseWidget
from tui.exercises.plan import ActionPlanWidget, FollowUpWidget
from tui.exercises.round import RoundWidget
from tui.exercises.scale import ScaleWidget
from tui.exercises.sorting import SortingWidget
from tui.exercises.steps import StepsWidget
from tui.exercises.voting import VotingWidget

EXERCISE_WIDGETS: dict[str, type[ExerciseWidget]] = {
    kind: widget
    for widget in (
        StepsWidget,
        RoundWidget,
        CardsWidget,
        SortingWidget,
        VotingWidget,
        ScaleWidget,
        CaseWidget,
        ActionPlanWidget,
        FollowUpWidget,
    )
    for kind in widget.kinds
}

__all__ = ["EXERCISE_WIDGETS", "ExerciseWidget", "SpeakerClock"]
