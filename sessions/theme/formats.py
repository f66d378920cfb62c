"""The exercise formats a theme may name, and what reading a theme asks of each: a registry this
layer owns and the exercise kinds fill (`sessions.exercises` registers the built-in ones when it
is imported). The theme layer never imports the kinds: it asks the rules registered here for a
format's settings, its typed options, and the problems with its steps.

Whoever composes the program says where the kinds come from: importing `sessions.exercises`
registers them, and `load_kinds_with` names a loader to run the first time a theme is read (the
terminal UI does, so that listing cached themes at start-up loads no kind)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import ClassVar

from sessions.theme.model import ExerciseFormat, Segment, Step
from sessions.theme.problems import Problem


class FormatRules:
    """What a theme's reader asks of one exercise format. `ExerciseKind` is its subclass: each
    kind overrides what it needs."""

    format: ClassVar[ExerciseFormat]
    settings: ClassVar[frozenset[str]] = frozenset()
    """Settings keys this kind adds to the segment's settings paragraph."""
    makes_list: ClassVar[bool] = False
    """Whether a later vote may take its items from this kind's segment (`source:`)."""

    def parse_options(self, settings: Mapping[str, str], line: int) -> tuple[object, list[Problem]]:
        """The kind's typed options from the segment's settings, and what is wrong with them."""
        return None, []

    def check(self, segment: Segment) -> list[Problem]:
        """Problems with the segment's steps for this kind (checked when a theme is read)."""
        return []

    def check_in_theme(
        self,
        segment: Segment,
        earlier: Sequence[Segment],
        later: Sequence[Segment],
        plans: tuple[int, ...],
    ) -> list[Problem]:
        """Problems only the whole theme shows (a vote's list made by an earlier segment, a
        round that fits the session's plans); `later` holds the segment itself and those after
        it. Checked once every segment has been read without error."""
        return []

    def completeness(self, segment: Segment) -> list[Problem]:
        """What `oplaeg check` asks of the segment beyond a valid format, so a consultant
        presenting it for the first time finds everything (a case's key)."""
        return []

    def columns(self, segment: Segment) -> tuple[str, ...]:
        """The columns a list from this segment is sorted into (for a vote's `source:`)."""
        return ()

    def shows_list(self, segment: Segment, index: int) -> bool:
        """Whether step `index`'s list items are drawn by the exercise itself (a scale's
        statements, a deck of cards) rather than as the step's text."""
        return False

    def swaps_roles(self, step: Step) -> bool:
        """Whether the step's countdown signals "byt roller" halfway (walk and talk)."""
        return False


_FORMATS: dict[str, FormatRules] = {}
_LOADERS: list[Callable[[], object]] = []


class NoKindsError(RuntimeError):
    """A theme was read before any exercise kind was registered: a programming error (import
    `sessions.exercises` first), never a problem with the theme."""


def load_kinds_with(loader: Callable[[], object]) -> None:
    """Run `loader` (which registers kinds) before the registry is first asked."""
    _LOADERS.append(loader)


def _load() -> None:
    while _LOADERS:
        _LOADERS.pop(0)()


def register(rules: FormatRules) -> None:
    """Make `rules.format` a format themes may name (a second registration replaces the first)."""
    _FORMATS[rules.format] = rules


def unregister(exercise_format: ExerciseFormat) -> None:
    _FORMATS.pop(exercise_format, None)


@contextmanager
def registered(rules: FormatRules) -> Iterator[FormatRules]:
    """`rules` registered for the block only (what a test uses for a kind of its own)."""
    before = _FORMATS.get(rules.format)
    register(rules)
    try:
        yield rules
    finally:
        if before is None:
            unregister(rules.format)
        else:
            register(before)


def rules_for(exercise_format: str | None) -> FormatRules | None:
    """The rules of a registered format, or None (no format, or one no kind registered)."""
    if exercise_format is None:
        return None
    # Looked up by the plain name: a name nobody registered is not kept as a format.
    return _registered().get(str(exercise_format))


def known() -> tuple[FormatRules, ...]:
    """Every registered format's rules, in the order they were registered."""
    return tuple(_registered().values())


def _registered() -> dict[str, FormatRules]:
    _load()
    if not _FORMATS:
        raise NoKindsError("no exercise kinds are registered: import sessions.exercises first")
    return _FORMATS
