"""Walk and talk: pairs walk, swap roles halfway, and come back when the time is up."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from sessions.agenda.countdown import Countdown
from sessions.exercises.base import ExerciseKind, ExerciseState
from sessions.theme.model import ExerciseFormat, Step, StepMode


class WalkPhase(StrEnum):
    SWAP = "swap"
    BACK = "back"


class WalkAndTalkKind(ExerciseKind[ExerciseState]):
    format: ClassVar[ExerciseFormat] = ExerciseFormat.WALK_AND_TALK

    def swaps_roles(self, step: Step) -> bool:
        # Only a walking step signals: a plenum or group step in the segment is the retelling.
        return step.mode in (None, StepMode.PAIRS)


def walk_phase(countdown: Countdown | None) -> WalkPhase | None:
    """Where a walking step's countdown stands: past halfway (swap roles), or up (come back)."""
    if countdown is None:
        return None
    if countdown.finished and countdown.duration > 0:
        return WalkPhase.BACK
    if countdown.running and countdown.remaining() <= countdown.duration / 2:
        return WalkPhase.SWAP
    return None
