"""What every exercise kind provides: its settings, its state, and what it reports."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from sessions.exercises.phone import AnswerMode, PhoneAsk, PhoneCounts
from sessions.theme.formats import FormatRules
from sessions.theme.model import Segment

Document = dict[str, Any]


@dataclass(frozen=True)
class ExerciseResult:
    """What an exercise produced, ready for any referat format."""

    title: str
    segment_id: str
    kind: str
    lines: list[str]
    headers: list[str]
    rows: list[list[str]]
    highlights: list[str]
    """One-liners for the referat's "Det vigtigste": agreements, top votes, marked cards."""
    numeric_columns: tuple[int, ...] = ()


class ExerciseState(Protocol):
    """The stored state of one exercise: frozen, replaced by every operation."""

    def to_doc(self) -> Document: ...


S = TypeVar("S", bound=ExerciseState)


class ExerciseKind(FormatRules, Generic[S]):
    """One exercise kind. Subclasses set `format`, the settings they accept and how a theme's
    reader checks them (`FormatRules`, which the theme layer asks through its registry) and,
    when the group's work is stored, how a state is made, loaded and reported."""

    def initial(self, segment: Segment, participants: int) -> S | None:
        """The state before the group has done anything (None: the kind stores nothing)."""
        return None

    def load(self, doc: Mapping[str, Any]) -> S | None:
        """A state from its stored document; unknown or missing fields get their defaults."""
        return None

    def result(
        self, state: S, title: str, segment_id: str, language: str | None, participants: int = 0
    ) -> ExerciseResult | None:
        """What the referat shows of this exercise, or None when nothing happened."""
        return None

    def result_with_phones(
        self,
        state: S,
        title: str,
        segment_id: str,
        language: str | None,
        participants: int,
        phones: PhoneCounts,
    ) -> ExerciseResult | None:
        """`result` with the phones' scale values or votes merged in (a kind that asks the
        phones for them overrides this)."""
        return self.result(state, title, segment_id, language, participants=participants)

    def in_session(self, state: S, segment: Segment, session: SessionMaterial) -> S:
        """The state as the running session completes it (a vote's items come from the lists
        made before it); most kinds' states are complete as stored."""
        return state

    def listed(self, state: S, column: str | None) -> list[str] | None:
        """What a later vote may take from this exercise (the items of a board's `column`, or
        all of them; a case's agreements), or None when it makes no list."""
        return None

    # -- the phones ------------------------------------------------------------------------------

    def phone_mode(self, segment: Segment, page_index: int) -> AnswerMode | None:
        """What the phones answer on the exercise's page `page_index` (its steps in order), or
        None: they are asked to look up. Known without the state: the wall shows the joining
        code on every page that asks something."""
        return None

    def phone_ask(self, segment: Segment, state: S | None) -> PhoneAsk | None:
        """The question the phones see, in the form `phone_mode` names: what the page shows
        and which answers are accepted."""
        return None

    def take_text(self, state: S | None, text: str, column: int) -> S | None:
        """The state with a phone's text, approved by the consultant, put where it belongs (a
        board's `column`, the agreements); None when it becomes a note instead."""
        return None


class SessionMaterial(Protocol):
    """What a running session offers a kind's `in_session` (`sessions.book.ExerciseBook`)."""

    participants: int

    def candidates(self, segment: Segment) -> tuple[str, ...]:
        """What a vote in `segment` is over, from the lists and notes made before it."""
        ...


def as_int(value: object, default: int = 0) -> int:
    """A stored number, or `default` when it is missing or not a number."""
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return default


def as_texts(value: object) -> tuple[str, ...]:
    """A stored list of texts (anything else becomes an empty tuple)."""
    if not isinstance(value, list | tuple):
        return ()
    return tuple(str(item) for item in value)


def split_list(raw: str) -> tuple[str, ...]:
    """A settings value listing several things: `A | B | C`."""
    return tuple(part.strip() for part in raw.split("|") if part.strip())
