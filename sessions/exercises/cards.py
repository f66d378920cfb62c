"""Dialogue cards: one statement at a time; the group marks the ones that matter."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from sessions.exercises.base import Document, ExerciseKind, ExerciseResult, as_int, as_texts
from sessions.i18n import t
from sessions.theme.model import ExerciseFormat, Segment
from sessions.theme.problems import Problem, problem


def deck_step(segment: Segment) -> int | None:
    """The step whose list items are the cards: the first step that has any."""
    return next((i for i, step in enumerate(segment.steps) if step.questions), None)


@dataclass(frozen=True)
class CardsState:
    """The deck, the card on the table (0-based) and the cards marked "vigtigt"."""

    cards: tuple[str, ...]
    card: int = 0
    important: tuple[int, ...] = ()

    @property
    def current(self) -> str:
        return self.cards[self.card] if self.cards else ""

    @property
    def marked(self) -> list[str]:
        return [self.cards[i] for i in self.important if 0 <= i < len(self.cards)]

    def turn(self, offset: int) -> CardsState | None:
        """The next (1) or previous (-1) card, or None past either end of the deck."""
        target = self.card + offset
        if not 0 <= target < len(self.cards):
            return None
        return replace(self, card=target)

    def toggle_important(self) -> CardsState:
        marked = set(self.important) ^ {self.card}
        return replace(self, important=tuple(sorted(marked)))

    def to_doc(self) -> Document:
        return {"cards": list(self.cards), "card": self.card, "important": list(self.important)}


class CardsKind(ExerciseKind[CardsState]):
    format: ClassVar[ExerciseFormat] = ExerciseFormat.CARDS

    def shows_list(self, segment: Segment, index: int) -> bool:
        return index == deck_step(segment)

    def check(self, segment: Segment) -> list[Problem]:
        if deck_step(segment) is None:
            return [problem(segment.line, "theme.problem.cards_need_deck", segment=segment.title)]
        return []

    def initial(self, segment: Segment, participants: int) -> CardsState:
        step = deck_step(segment)
        return CardsState(segment.steps[step].questions if step is not None else ())

    def load(self, doc: Mapping[str, Any]) -> CardsState:
        cards = as_texts(doc.get("cards"))
        important = tuple(
            i for i in (as_int(v, -1) for v in doc.get("important", []) or []) if i >= 0
        )
        card = min(max(as_int(doc.get("card")), 0), max(len(cards) - 1, 0))
        return CardsState(cards, card, important)

    def result(
        self,
        state: CardsState,
        title: str,
        segment_id: str,
        language: str | None,
        participants: int = 0,
    ) -> ExerciseResult | None:
        marked = state.marked
        if not marked:
            return None
        return ExerciseResult(
            title,
            segment_id,
            self.format.value,
            [t("export.important_cards", language=language)],
            [],
            [[card] for card in marked],
            [t("export.highlight.card", language=language, card=card) for card in marked],
        )
