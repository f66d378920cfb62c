"""Kinds whose steps are timed instructions and questions, with nothing stored but notes:
reflection (alone → pairs → plenum), buzz with the neighbour, the action plan's page and the
follow-up of an earlier plan (both shown from the session's own tables)."""

from __future__ import annotations

from typing import ClassVar

from sessions.exercises.base import ExerciseKind, ExerciseState
from sessions.exercises.phone import AnswerMode, PhoneAsk, SlipTarget
from sessions.theme.model import ExerciseFormat, Segment


class ReflectionKind(ExerciseKind[ExerciseState]):
    """The phones send short texts; approved, each becomes a note under the exercise."""

    format: ClassVar[ExerciseFormat] = ExerciseFormat.REFLECTION

    def phone_mode(self, segment: Segment, page_index: int) -> AnswerMode | None:
        return AnswerMode.SLIP

    def phone_ask(self, segment: Segment, state: ExerciseState | None) -> PhoneAsk | None:
        return PhoneAsk(AnswerMode.SLIP, target=SlipTarget.NOTE)


class BuzzKind(ExerciseKind[ExerciseState]):
    format: ClassVar[ExerciseFormat] = ExerciseFormat.BUZZ


class ActionPlanKind(ExerciseKind[ExerciseState]):
    """The room sees the action plan as it is written (`sessions.notes.action_plan`)."""

    format: ClassVar[ExerciseFormat] = ExerciseFormat.ACTION_PLAN


class FollowUpKind(ExerciseKind[ExerciseState]):
    """The room sees the earlier plan's actions and how far each has come."""

    format: ClassVar[ExerciseFormat] = ExerciseFormat.FOLLOW_UP
