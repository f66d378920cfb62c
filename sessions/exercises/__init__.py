"""Exercise kinds: one module each, found through `KINDS` by the segment's `format:`.

Adding a kind means a module here, a widget in `tui/exercises/`, one line in each registry and a
paragraph in `content/README.md`.
"""

from __future__ import annotations

from typing import Any

from sessions.exercises.base import ExerciseKind, ExerciseResult, ExerciseState
from sessions.exercises.cards import CardsKind
from sessions.exercises.case import CaseKind
from sessions.exercises.round import RoundKind
from sessions.exercises.scale import ScaleKind
from sessions.exercises.sorting import SortingKind
from sessions.exercises.steps import ActionPlanKind, BuzzKind, FollowUpKind, ReflectionKind
from sessions.exercises.voting import VotingKind
from sessions.exercises.walk import WalkAndTalkKind
from sessions.theme.model import ExerciseFormat

KINDS: dict[ExerciseFormat, ExerciseKind[Any]] = {
    kind.format: kind
    for kind in (
        ReflectionKind(),
        BuzzKind(),
        RoundKind(),
        CardsKind(),
        WalkAndTalkKind(),
        SortingKind(),
        VotingKind(),
        ScaleKind(),
        CaseKind(),
        ActionPlanKind(),
        FollowUpKind(),
    )
}


def kind_of(exercise_format: ExerciseFormat) -> ExerciseKind[Any]:
    return KINDS[exercise_format]


__all__ = ["KINDS", "ExerciseKind", "ExerciseResult", "ExerciseState", "kind_of"]
