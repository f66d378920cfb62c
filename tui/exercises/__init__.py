"""The exercise widgets, one per kind, found by the segment's `format:` (the twin of
`sessions.exercises.KINDS`): the console and the room view both draw a page's exercise with the
widget registered for its format. A kind of one's own registers its widget with
`register_widget` (or `registered_widget` for a block, as a test does)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

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


def register_widget(widget: type[ExerciseWidget]) -> None:
    """Draw the formats in `widget.kinds` with `widget`."""
    for kind in widget.kinds:
        EXERCISE_WIDGETS[kind] = widget


@contextmanager
def registered_widget(widget: type[ExerciseWidget]) -> Iterator[type[ExerciseWidget]]:
    """`widget` registered for the block only; what drew its formats before comes back."""
    before = {kind: EXERCISE_WIDGETS.get(kind) for kind in widget.kinds}
    register_widget(widget)
    try:
        yield widget
    finally:
        for kind, previous in before.items():
            if previous is None:
                EXERCISE_WIDGETS.pop(kind, None)
            else:
                EXERCISE_WIDGETS[kind] = previous


__all__ = [
    "EXERCISE_WIDGETS",
    "ExerciseWidget",
    "SpeakerClock",
    "register_widget",
    "registered_widget",
]
