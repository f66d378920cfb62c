"""A go-round: each participant speaks in turn with a countdown of their own.

A round that does not fit the step (participants × seconds, plus a handover each) is run another
way, chosen by the consultant: fewer seconds each, inside groups of 4–6 on one shared clock, or
with a few volunteers (pluk).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, ClassVar

from sessions.exercises.base import Document, ExerciseKind, ExerciseResult, as_int
from sessions.i18n import t
from sessions.theme.model import ExerciseFormat, Segment
from sessions.theme.problems import Problem, problem, warning

DEFAULT_SECONDS_PER_PERSON = 60
HANDOVER_SECONDS = 5
"""Passing the word on takes a few seconds each time."""
SHORTEST_TURN = 10
"""Fewer seconds than this is not a turn (unless the theme sets its own floor)."""
GROUP_SIZES = (5, 4, 6)
"""Group sizes to try, the preferred first."""
MOST_VOLUNTEERS = 5
"""A pluk is a few voices, not the round by another name."""
SECONDS_STEP = 5
TYPICAL_GROUP = 14
"""A staff meeting has 14–30 people: a round should fit at least this many, or name a fallback."""


class RoundWay(StrEnum):
    """How the round is run."""

    EVERYONE = "everyone"
    SHORTER = "shorter"
    GROUPS = "groups"
    PLUK = "pluk"


FALLBACKS = (RoundWay.GROUPS, RoundWay.PLUK, RoundWay.SHORTER)


@dataclass(frozen=True)
class RoundOptions:
    seconds_per_person: int = DEFAULT_SECONDS_PER_PERSON
    min_seconds_per_person: int | None = None
    fallback: RoundWay | None = None

    @property
    def floor(self) -> int:
        return self.min_seconds_per_person or SHORTEST_TURN


@dataclass(frozen=True)
class RoundPlan:
    """Whether everyone fits in the time, and each way of running it that does."""

    participants: int
    seconds_each: int
    needed: int  # seconds for everyone, handovers included
    available: int
    shorter_seconds: int | None  # fewer seconds each that fit everyone, not below the floor
    group_size: int  # speakers in the largest group
    groups: int
    group_seconds: int  # seconds each inside the groups
    pluk: int  # volunteers that fit (0: not even one)

    @property
    def fits(self) -> bool:
        return self.needed <= self.available

    def speakers(self, way: RoundWay) -> int:
        return {
            RoundWay.EVERYONE: self.participants,
            RoundWay.SHORTER: self.participants,
            RoundWay.GROUPS: self.group_size,
            RoundWay.PLUK: self.pluk,
        }[way]

    def seconds(self, way: RoundWay) -> int:
        if way is RoundWay.SHORTER:
            return self.shorter_seconds or self.seconds_each
        if way is RoundWay.GROUPS:
            return self.group_seconds
        return self.seconds_each

    def needs(self, way: RoundWay) -> int:
        """Seconds the round takes run `way` (in groups: the largest group's round)."""
        return turn_seconds(self.speakers(way), self.seconds(way))

    def possible(self, way: RoundWay) -> bool:
        """Whether `way` is a real choice that fits the time (everyone is always possible)."""
        if way is RoundWay.EVERYONE:
            return True
        if way is RoundWay.SHORTER:
            return self.shorter_seconds is not None
        if way is RoundWay.GROUPS:
            return self.groups > 1 and self.needs(way) <= self.available
        return 0 < self.pluk < self.participants


def turn_seconds(speakers: int, seconds: int) -> int:
    """Seconds a round of `speakers` takes, handovers included."""
    return speakers * (seconds + HANDOVER_SECONDS)


def plan_round(options: RoundOptions, participants: int, available: int) -> RoundPlan:
    """Size a round of `participants` for `available` seconds: everyone at the theme's seconds;
    everyone at fewer seconds (a multiple of 5, at least the floor); groups of 4–6 (5 preferred)
    on one shared clock, at fewer seconds if even groups of 4 need it; or as many volunteers as
    the time holds."""
    each = options.seconds_per_person
    participants = max(1, participants)
    available = max(0, available)
    floor = options.floor
    fitting = available // participants - HANDOVER_SECONDS  # the most seconds each that fit
    shorter: int | None = None
    if floor <= fitting:
        shorter = max(floor, fitting - fitting % SECONDS_STEP)
        if shorter >= each:
            shorter = None
    groups, largest, group_seconds = _groups(participants, each, floor, available)
    pluk = min(participants, MOST_VOLUNTEERS, available // (each + HANDOVER_SECONDS))
    return RoundPlan(
        participants=participants,
        seconds_each=each,
        needed=turn_seconds(participants, each),
        available=available,
        shorter_seconds=shorter,
        group_size=largest,
        groups=groups,
        group_seconds=group_seconds,
        pluk=pluk,
    )


def _groups(participants: int, each: int, floor: int, available: int) -> tuple[int, int, int]:
    """(groups, speakers in the largest group, seconds each) for the round in groups."""
    for size in GROUP_SIZES:
        groups = math.ceil(participants / size)
        largest = math.ceil(participants / groups)
        if turn_seconds(largest, each) <= available:
            return groups, largest, each
    groups = math.ceil(participants / min(GROUP_SIZES))
    largest = math.ceil(participants / groups)
    seconds = available // largest - HANDOVER_SECONDS
    seconds -= seconds % SECONDS_STEP
    return groups, largest, max(floor, min(each, seconds))


def ways_that_work(options: RoundOptions, plan: RoundPlan) -> tuple[RoundWay, ...]:
    """The ways to choose from when everyone does not fit: the preferred one first."""
    if plan.fits:
        return (RoundWay.EVERYONE,)
    order = ([options.fallback] if options.fallback else []) + list(FALLBACKS)
    ways = tuple(dict.fromkeys(way for way in order if plan.possible(way)))
    return ways


def preferred_way(options: RoundOptions, plan: RoundPlan) -> RoundWay:
    """What to run when nobody chooses: everyone if it fits, else the theme's fallback, else
    the first way that works (groups, pluk, shorter); everyone when none does."""
    return next(iter(ways_that_work(options, plan)), RoundWay.EVERYONE)


@dataclass(frozen=True)
class RoundState:
    """The round as run: how, by how many speakers, and who is speaking now (1-based; 0 = not
    begun)."""

    participants: int
    seconds_each: int
    speakers: int
    way: RoundWay = RoundWay.EVERYONE
    speaker: int = 0
    chosen: bool = False  # the consultant picked the way (or accepted the default)

    @property
    def begun(self) -> bool:
        return self.speaker > 0

    @property
    def last_speaker(self) -> bool:
        return self.speaker >= self.speakers

    def next_speaker(self) -> RoundState | None:
        """The next speaker's turn, or None when everyone has spoken."""
        if self.last_speaker:
            return None
        return replace(self, speaker=self.speaker + 1)

    def previous_speaker(self) -> RoundState | None:
        """The previous speaker's turn again, or None before the first."""
        if self.speaker <= 1:
            return None
        return replace(self, speaker=self.speaker - 1)

    def run_as(self, way: RoundWay, plan: RoundPlan) -> RoundState:
        """Run the round `way` (from the start)."""
        return replace(
            self,
            way=way,
            seconds_each=plan.seconds(way),
            speakers=plan.speakers(way),
            speaker=0,
            chosen=True,
        )

    def shorter_from_now(self, plan: RoundPlan) -> RoundState | None:
        """A round under way gets the shorter turns from the next speaker on (the one speaking
        keeps the turn begun); None when there is no shorter way or it already is."""
        if not plan.possible(RoundWay.SHORTER) or self.way is not RoundWay.EVERYONE:
            return None
        return replace(
            self, way=RoundWay.SHORTER, seconds_each=plan.seconds(RoundWay.SHORTER), chosen=True
        )

    def to_doc(self) -> Document:
        return {
            "participants": self.participants,
            "seconds_each": self.seconds_each,
            "speakers": self.speakers,
            "way": self.way.value,
            "speaker": self.speaker,
            "chosen": self.chosen,
        }


def round_options(segment: Segment) -> RoundOptions:
    options = segment.options
    return options if isinstance(options, RoundOptions) else RoundOptions()


class RoundKind(ExerciseKind[RoundState]):
    format: ClassVar[ExerciseFormat] = ExerciseFormat.ROUND
    settings: ClassVar[frozenset[str]] = frozenset(
        {"seconds-per-person", "min-seconds-per-person", "fallback"}
    )

    def parse_options(self, settings: Mapping[str, str], line: int) -> tuple[object, list[Problem]]:
        problems: list[Problem] = []
        numbers: dict[str, int | None] = {}
        for key in ("seconds-per-person", "min-seconds-per-person"):
            raw = settings.get(key)
            numbers[key] = None
            if raw is None:
                continue
            if raw.isdigit() and int(raw) > 0:
                numbers[key] = int(raw)
            else:
                problems.append(problem(line, "theme.problem.whole_number", key=key))
        fallback: RoundWay | None = None
        if "fallback" in settings:
            try:
                fallback = RoundWay(settings["fallback"])
                if fallback not in FALLBACKS:
                    raise ValueError
            except ValueError:
                problems.append(
                    problem(
                        line,
                        "theme.problem.round_fallback",
                        value=settings["fallback"],
                        known=" | ".join(way.value for way in FALLBACKS),
                    )
                )
                fallback = None
        each = numbers["seconds-per-person"] or DEFAULT_SECONDS_PER_PERSON
        floor = numbers["min-seconds-per-person"]
        if floor is not None and floor > each:
            problems.append(problem(line, "theme.problem.round_floor", floor=floor, each=each))
        return RoundOptions(each, floor, fallback), problems

    def check_in_theme(
        self,
        segment: Segment,
        earlier: Sequence[Segment],
        later: Sequence[Segment],
        plans: tuple[int, ...],
    ) -> list[Problem]:
        """A round with no fallback must fit a typical staff meeting in every plan."""
        options = round_options(segment)
        if options.fallback is not None:
            return []
        for plan in plans:
            minutes = segment.minutes.for_plan(plan)
            steps = [s.minutes.for_plan(plan) for s in segment.steps] or [minutes]
            available = (steps[0] or 0) * 60
            if minutes and not plan_round(options, TYPICAL_GROUP, available).fits:
                return [
                    warning(
                        segment.line,
                        "theme.warning.round_no_fallback",
                        segment=segment.title,
                        people=TYPICAL_GROUP,
                        plan=plan,
                    )
                ]
        return []

    def initial(self, segment: Segment, participants: int) -> RoundState:
        options = round_options(segment)
        return RoundState(participants, options.seconds_per_person, participants)

    def load(self, doc: Mapping[str, Any]) -> RoundState:
        participants = as_int(doc.get("participants"), 1)
        try:
            way = RoundWay(str(doc.get("way", RoundWay.EVERYONE.value)))
        except ValueError:
            way = RoundWay.EVERYONE
        return RoundState(
            participants=participants,
            seconds_each=as_int(doc.get("seconds_each"), DEFAULT_SECONDS_PER_PERSON),
            speakers=as_int(doc.get("speakers"), participants),
            way=way,
            speaker=as_int(doc.get("speaker")),
            chosen=bool(doc.get("chosen", False)),
        )

    def result(
        self,
        state: RoundState,
        title: str,
        segment_id: str,
        language: str | None,
        participants: int = 0,
    ) -> ExerciseResult | None:
        in_groups = state.way is RoundWay.GROUPS and state.chosen
        if not state.begun and not in_groups:  # groups run their round on their own clock
            return None
        line = t(
            f"round.result.{state.way.value}",
            language=language,
            spoke=min(state.speaker, state.speakers),
            speakers=state.speakers,
            participants=state.participants,
            seconds=state.seconds_each,
        )
        return ExerciseResult(title, segment_id, self.format.value, [line], [], [], [])


def round_state(state: object) -> RoundState | None:
    """`state` if it is a round's (what the session's round choices work on), else None."""
    return state if isinstance(state, RoundState) else None
