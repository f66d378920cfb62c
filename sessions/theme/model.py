"""The parsed form of a theme file."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import ClassVar

DEFAULT_PLANS: tuple[int, ...] = (90, 120)
"""The session lengths a theme plans for when its front matter names no `plans:`."""
SHORTEST_SESSION = 45
LONGEST_SESSION = 180
"""Any session length in this range can be planned: from a theme's own plan, or scaled from the
nearest one."""


class SegmentKind(StrEnum):
    PRESENTATION = "presentation"
    EXERCISE = "exercise"
    BREAK = "break"


class ExerciseFormat(str):
    """A segment's `format:`: the name an exercise kind registers (`sessions.theme.formats`).

    Open, unlike the other names here: a new kind brings its own, and nothing in this layer
    lists the kinds. One object per name (`ExerciseFormat("scale") is ExerciseFormat.SCALE`).
    The constants name the built-in kinds for the code that treats one of them specially (an
    export that prints a case's paper); a new kind needs none."""

    __slots__ = ()
    _interned: ClassVar[dict[str, ExerciseFormat]] = {}

    REFLECTION: ClassVar[ExerciseFormat]
    BUZZ: ClassVar[ExerciseFormat]
    ROUND: ClassVar[ExerciseFormat]
    CARDS: ClassVar[ExerciseFormat]
    WALK_AND_TALK: ClassVar[ExerciseFormat]
    SORTING: ClassVar[ExerciseFormat]
    VOTING: ClassVar[ExerciseFormat]
    SCALE: ClassVar[ExerciseFormat]
    CASE: ClassVar[ExerciseFormat]
    ACTION_PLAN: ClassVar[ExerciseFormat]
    FOLLOW_UP: ClassVar[ExerciseFormat]

    def __new__(cls, value: str) -> ExerciseFormat:
        known = cls._interned.get(value)
        if known is None:
            known = cls._interned[str(value)] = super().__new__(cls, value)
        return known

    @property
    def value(self) -> str:
        """The name as a plain string (as stored)."""
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"ExerciseFormat({self.value!r})"


ExerciseFormat.REFLECTION = ExerciseFormat("reflection")
ExerciseFormat.BUZZ = ExerciseFormat("buzz")
ExerciseFormat.ROUND = ExerciseFormat("round")
ExerciseFormat.CARDS = ExerciseFormat("cards")
ExerciseFormat.WALK_AND_TALK = ExerciseFormat("walk-and-talk")
ExerciseFormat.SORTING = ExerciseFormat("sorting")
ExerciseFormat.VOTING = ExerciseFormat("voting")
ExerciseFormat.SCALE = ExerciseFormat("scale")
ExerciseFormat.CASE = ExerciseFormat("case")
ExerciseFormat.ACTION_PLAN = ExerciseFormat("action-plan")
ExerciseFormat.FOLLOW_UP = ExerciseFormat("follow-up")


class StepMode(StrEnum):
    ALONE = "alene"
    PAIRS = "par"
    GROUP = "gruppe"
    PLENUM = "plenum"


@dataclass(frozen=True)
class Minutes:
    """Planned minutes in each plan; None means "not in that plan"."""

    by_plan: dict[int, int | None]

    def for_plan(self, plan: int) -> int | None:
        return self.by_plan.get(plan)


@dataclass(frozen=True)
class Slide:
    title: str
    body: str
    notes: str
    line: int


@dataclass(frozen=True)
class Step:
    title: str
    body: str
    questions: tuple[str, ...]
    minutes: Minutes
    mode: StepMode | None
    line: int
    show_results: bool = False
    """A result step (`show: results`): the room sees what the exercise produced."""
    prose: str = ""
    """The body without its top-level list items (when a widget shows those itself)."""
    notes: str = ""
    """Speaker notes for the step (after `Noter:`): only the consultant sees them."""


@dataclass(frozen=True)
class Segment:
    id: str
    title: str
    kind: SegmentKind
    minutes: Minutes
    line: int
    intro: str = ""
    minimum: int | None = None
    format: ExerciseFormat | None = None
    slides: tuple[Slide, ...] = ()
    steps: tuple[Step, ...] = ()
    settings: dict[str, str] = field(default_factory=dict)
    optional: bool = False
    """May be left out when the session is shorter than the theme's plans."""
    notes: str = ""
    """Speaker notes for the exercise as a whole (after `Noter:` in its introduction)."""
    options: object | None = None
    """The exercise kind's typed settings (see `sessions.exercises`), parsed once."""

    def __post_init__(self) -> None:
        # A name read back from the theme cache is a plain string: keep one object per format.
        if self.format is not None and type(self.format) is not ExerciseFormat:
            object.__setattr__(self, "format", ExerciseFormat(self.format))

    def minimum_for(self, plan: int) -> int:
        """The fewest minutes this segment may shrink to in `plan`."""
        planned = self.minutes.for_plan(plan) or 0
        if self.minimum is not None:
            return min(self.minimum, planned)
        return planned // 2


@dataclass(frozen=True)
class Source:
    title: str
    url: str | None
    line: int


@dataclass(frozen=True)
class PrepItem:
    """One line of a theme's `## Før mødet` checklist. A `blank` item is a fact about the
    workplace to find and write down (`AMR: ___`): its `text` is the label before the line."""

    text: str
    line: int
    blank: bool = False


@dataclass(frozen=True)
class Theme:
    id: str
    title: str
    summary: str
    segments: tuple[Segment, ...]
    sources: tuple[Source, ...]
    intro: str = ""
    language: str = "da"
    path: Path | None = None
    plans: tuple[int, ...] = DEFAULT_PLANS
    """The session lengths (minutes) the theme's author planned exactly."""
    preparation: tuple[PrepItem, ...] = ()
    """The `## Før mødet` checklist: what the consultant does the evening before."""
    preparation_line: int = 0
    """The line of the `## Før mødet` heading (0: the theme has none)."""

    def agenda(self, plan: int) -> list[Segment]:
        """The segments run in a session of `plan` minutes (one of `plans`), in order."""
        return [s for s in self.segments if s.minutes.for_plan(plan) is not None]

    def total_minutes(self, plan: int) -> int:
        return sum(s.minutes.for_plan(plan) or 0 for s in self.segments)

    def segment(self, segment_id: str) -> Segment | None:
        return next((s for s in self.segments if s.id == segment_id), None)

    def nearest_plan(self, minutes: int) -> int:
        """The theme's own plan closest to a session of `minutes` (the longer one on a tie)."""
        return min(self.plans, key=lambda plan: (abs(plan - minutes), -plan))
