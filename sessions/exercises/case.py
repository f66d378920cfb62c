"""A case or dilemma: the group reads the story, discusses its questions and writes down what it
agrees to do."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from sessions.exercises.base import Document, ExerciseKind, ExerciseResult, as_int, as_texts
from sessions.exercises.phone import AnswerMode, PhoneAsk, SlipTarget
from sessions.i18n import t
from sessions.theme.model import ExerciseFormat, Segment
from sessions.theme.notes import MAX_POINTS, MIN_POINTS, points
from sessions.theme.problems import Problem, problem, warning


@dataclass(frozen=True)
class CaseState:
    """The agreements, one selected; the last removed one can be put back."""

    agreements: tuple[str, ...] = ()
    selected: int = 0
    removed: tuple[int, str] | None = None

    def add(self, text: str) -> CaseState:
        agreements = (*self.agreements, text)
        return replace(self, agreements=agreements, selected=len(agreements) - 1)

    def edit(self, text: str) -> CaseState:
        if not self.agreements:
            return self
        agreements = list(self.agreements)
        agreements[self.selected] = text
        return replace(self, agreements=tuple(agreements))

    def select(self, offset: int) -> CaseState:
        if not self.agreements:
            return self
        target = min(max(self.selected + offset, 0), len(self.agreements) - 1)
        return replace(self, selected=target)

    def remove(self) -> CaseState:
        if not self.agreements:
            return self
        text = self.agreements[self.selected]
        agreements = tuple(a for i, a in enumerate(self.agreements) if i != self.selected)
        selected = min(self.selected, max(len(agreements) - 1, 0))
        return CaseState(agreements, selected, (self.selected, text))

    def undo(self) -> CaseState | None:
        if self.removed is None:
            return None
        index, text = self.removed
        index = min(index, len(self.agreements))
        agreements = (*self.agreements[:index], text, *self.agreements[index:])
        return CaseState(agreements, index, None)

    def to_doc(self) -> Document:
        return {
            "agreements": list(self.agreements),
            "selected": self.selected,
            "removed": None if self.removed is None else list(self.removed),
        }


class CaseKind(ExerciseKind[CaseState]):
    format: ClassVar[ExerciseFormat] = ExerciseFormat.CASE
    makes_list: ClassVar[bool] = True  # its agreements

    def completeness(self, segment: Segment) -> list[Problem]:
        """A key to the case: a few `Pointe:` lines in its notes, never a lecture."""
        found = points(segment.notes) + [p for step in segment.steps for p in points(step.notes)]
        if len(found) < MIN_POINTS:
            return [
                problem(
                    segment.line,
                    "theme.problem.case_points",
                    segment=segment.title,
                    count=len(found),
                    needed=MIN_POINTS,
                )
            ]
        if len(found) > MAX_POINTS:
            return [
                warning(
                    segment.line,
                    "theme.warning.case_points_many",
                    segment=segment.title,
                    count=len(found),
                    most=MAX_POINTS,
                )
            ]
        return []

    def initial(self, segment: Segment, participants: int) -> CaseState:
        return CaseState()

    def load(self, doc: Mapping[str, Any]) -> CaseState:
        agreements = as_texts(doc.get("agreements"))
        raw = doc.get("removed")
        removed = (
            (as_int(raw[0]), str(raw[1]))
            if isinstance(raw, list | tuple) and len(raw) == 2
            else None
        )
        selected = min(max(as_int(doc.get("selected")), 0), max(len(agreements) - 1, 0))
        return CaseState(agreements, selected, removed)

    def result(
        self,
        state: CaseState,
        title: str,
        segment_id: str,
        language: str | None,
        participants: int = 0,
    ) -> ExerciseResult | None:
        if not state.agreements:
            return None
        return ExerciseResult(
            title,
            segment_id,
            self.format.value,
            [t("case.agreements", language=language)],
            [],
            [[a] for a in state.agreements],
            [t("export.highlight.agreement", language=language, text=a) for a in state.agreements],
        )

    def listed(self, state: CaseState, column: str | None) -> list[str] | None:
        return list(state.agreements)

    def phone_mode(self, segment: Segment, page_index: int) -> AnswerMode | None:
        return AnswerMode.SLIP

    def phone_ask(self, segment: Segment, state: CaseState | None) -> PhoneAsk | None:
        # "Foreslå en aftale" is the form's own question: the step's would ask another.
        return PhoneAsk(AnswerMode.SLIP, target=SlipTarget.AGREEMENT, shows_prompt=False)

    def take_text(self, state: CaseState | None, text: str, column: int) -> CaseState | None:
        return state.add(text) if state is not None else None
