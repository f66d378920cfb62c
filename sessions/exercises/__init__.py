"""Exercise kinds: one module each, found through `KINDS` by the segment's `format:`.

Importing this package registers the built-in kinds, here and with the theme layer's registry
(`sessions.theme.formats`), which reads a theme's exercise settings through them. A kind of one's
own is registered with `register_kind` (and `registered_kind` for a block, as a test does).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
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
from sessions.theme import formats
from sessions.theme.model import ExerciseFormat

KINDS: dict[str, ExerciseKind[Any]] = {}
"""The registered kinds by format (an `ExerciseFormat`, or its plain name), in the order they
were registered."""


def register_kind(kind: ExerciseKind[Any]) -> None:
    """Make `kind` known: here (its state, result, phones) and to the theme's reader."""
    KINDS[kind.format] = kind
    formats.register(kind)


def unregister_kind(exercise_format: ExerciseFormat) -> None:
    KINDS.pop(exercise_format, None)
    formats.unregister(exercise_format)


@contextmanager
def registered_kind(kind: ExerciseKind[Any]) -> Iterator[ExerciseKind[Any]]:
    """`kind` registered for the block only; whatever had its format before comes back."""
    before = KINDS.get(kind.format)
    register_kind(kind)
    try:
        yield kind
    finally:
        if before is None:
            unregister_kind(kind.format)
        else:
            register_kind(before)


for _kind in (
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
):
    register_kind(_kind)


def kind_of(exercise_format: str | None) -> ExerciseKind[Any] | None:
    """The kind registered for a format, or None (no format, or one this oplaeg does not know:
    an old session, a kind no longer registered)."""
    if exercise_format is None:
        return None
    # Looked up by the plain name: a name nobody registered is not kept as a format.
    return KINDS.get(str(exercise_format))


__all__ = [
    "KINDS",
    "ExerciseKind",
    "ExerciseResult",
    "ExerciseState",
    "kind_of",
    "register_kind",
    "registered_kind",
    "unregister_kind",
]
