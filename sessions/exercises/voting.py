"""Dot voting over a list made earlier in the session: a sorting board (or one of its columns),
a case's agreements, or the notes with a tag. Each person has a few votes."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from sessions.exercises.base import (
    Document,
    ExerciseKind,
    ExerciseResult,
    SessionMaterial,
    as_int,
    as_texts,
    split_list,
)
from sessions.exercises.phone import AnswerMode, PhoneAsk, PhoneCounts
from sessions.i18n import t
from sessions.models import NoteTag
from sessions.theme import formats
from sessions.theme.model import ExerciseFormat, Segment
from sessions.theme.problems import Problem, problem

DEFAULT_VOTES_PER_PERSON = 3
TOP = 3
MAX_CANDIDATES = 40
NOTES_PREFIX = "notes:"
TAG_NAMES: dict[str, NoteTag] = {
    **{tag.value: tag for tag in NoteTag},
    "positivt": NoteTag.POSITIVE,
    "udfordring": NoteTag.CHALLENGE,
    "ide": NoteTag.IDEA,
    "idé": NoteTag.IDEA,
    "handling": NoteTag.ACTION,
}


@dataclass(frozen=True)
class SourceRef:
    """One list to vote over: a segment (perhaps one column of its board), or tagged notes."""

    segment_id: str | None = None
    column: str | None = None
    tag: NoteTag | None = None
    text: str = ""  # as written in the theme, for messages


@dataclass(frozen=True)
class VotingOptions:
    votes_per_person: int = DEFAULT_VOTES_PER_PERSON
    sources: tuple[SourceRef, ...] = ()


def parse_source(raw: str) -> SourceRef | None:
    """`stop-start#Start`, `case-id`, `notes:idé` → a reference (None if malformed)."""
    if raw.lower().startswith(NOTES_PREFIX):
        tag = TAG_NAMES.get(raw[len(NOTES_PREFIX) :].strip().lower())
        return SourceRef(tag=tag, text=raw) if tag else None
    segment_id, _, column = raw.partition("#")
    if not segment_id.strip():
        return None
    return SourceRef(segment_id.strip(), column.strip() or None, text=raw)


class Material:
    """What the session has produced that a vote can be over (given by the live session)."""

    def __init__(
        self,
        lists: Callable[[str, str | None], list[str] | None],
        notes: Callable[[NoteTag | None], list[str]],
        earlier_boards: Callable[[], list[str]],
    ) -> None:
        self.lists = lists  # a segment's items (of one column): None when it has no list
        self.notes = notes  # the first lines of the non-private notes (with a tag)
        self.earlier_boards = earlier_boards  # every earlier sorting board's items


def candidates(options: VotingOptions, material: Material) -> tuple[str, ...]:
    """The items to vote on, in order and without repeats."""
    found: list[str] = []
    if options.sources:
        for source in options.sources:
            if source.tag is not None:
                found += material.notes(source.tag)
            elif source.segment_id is not None:
                found += material.lists(source.segment_id, source.column) or []
    else:
        found = material.earlier_boards() or material.notes(None)
    unique = dict.fromkeys(text.strip() for text in found if text.strip())
    return tuple(unique)[:MAX_CANDIDATES]


@dataclass(frozen=True)
class VotingState:
    """Votes per item. The items follow their source; votes stay with their text."""

    items: tuple[str, ...] = ()
    votes: tuple[tuple[str, int], ...] = ()
    selected: int = 0
    participants: int = 0
    votes_per_person: int = DEFAULT_VOTES_PER_PERSON
    history: tuple[tuple[str, int], ...] = ()

    def count(self, item: str) -> int:
        return dict(self.votes).get(item, 0)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.votes)

    @property
    def budget(self) -> int:
        """Every participant's votes together."""
        return self.participants * self.votes_per_person

    @property
    def current(self) -> str | None:
        return self.items[self.selected] if 0 <= self.selected < len(self.items) else None

    def with_items(self, items: Sequence[str]) -> VotingState:
        """The list as the source has it now; items that got votes stay even if removed."""
        voted = [text for text, n in self.votes if n and text not in items]
        merged = (*items, *voted)
        selected = min(self.selected, max(len(merged) - 1, 0))
        return replace(self, items=tuple(merged), selected=selected)

    def ranked(self, extra: Mapping[str, int] | None = None) -> list[tuple[str, int]]:
        """Items by votes (plus votes counted elsewhere), most first; ties keep their order."""
        more = extra or {}
        pairs = [(item, self.count(item) + more.get(item, 0)) for item in self.items]
        return sorted(pairs, key=lambda pair: -pair[1])

    def add_votes(self, count: int) -> VotingState:
        """`count` more (or, negative, fewer) votes on the selected item."""
        item = self.current
        if item is None:
            return self
        return self.set_votes(self.count(item) + count)

    def set_votes(self, count: int) -> VotingState:
        item = self.current
        if item is None:
            return self
        count = max(0, count)
        before = self.count(item)
        votes = {**dict(self.votes), item: count}
        history = (*self.history, (item, before))[-50:]
        return replace(self, votes=tuple((k, n) for k, n in votes.items() if n), history=history)

    def undo(self) -> VotingState | None:
        if not self.history:
            return None
        item, before = self.history[-1]
        votes = {**dict(self.votes), item: before}
        selected = self.items.index(item) if item in self.items else self.selected
        return replace(
            self,
            votes=tuple((k, n) for k, n in votes.items() if n),
            history=self.history[:-1],
            selected=selected,
        )

    def select(self, offset: int) -> VotingState:
        if not self.items:
            return self
        return replace(self, selected=min(max(self.selected + offset, 0), len(self.items) - 1))

    def top(
        self, count: int = TOP, extra: Mapping[str, int] | None = None
    ) -> list[tuple[str, int]]:
        """The items with most votes (only those with any)."""
        return [(item, n) for item, n in self.ranked(extra)[:count] if n]

    def top_with_ties(
        self, count: int = TOP, extra: Mapping[str, int] | None = None
    ) -> tuple[list[tuple[str, int]], list[str]]:
        """The top `count` and every item tied with the last of them (a tie for third place
        takes both), and the tied items at that last place (empty when there is no tie beyond
        `count`): nothing is left out just because it was listed later."""
        ranked = [(item, n) for item, n in self.ranked(extra) if n]
        if len(ranked) <= count:
            return ranked, []
        last = ranked[count - 1][1]
        taken = [(item, n) for item, n in ranked if n >= last]
        if len(taken) == count:
            return taken, []
        return taken, [item for item, n in taken if n == last]

    def to_doc(self) -> Document:
        return {
            "items": list(self.items),
            "votes": [[item, n] for item, n in self.votes],
            "selected": self.selected,
            "participants": self.participants,
            "votes_per_person": self.votes_per_person,
            "history": [[item, n] for item, n in self.history],
        }


def voting_options(segment: Segment) -> VotingOptions:
    options = segment.options
    return options if isinstance(options, VotingOptions) else VotingOptions()


def _pairs(raw: object) -> tuple[tuple[str, int], ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(
        (str(pair[0]), max(0, as_int(pair[1])))
        for pair in raw
        if isinstance(pair, list | tuple) and len(pair) == 2
    )


class VotingKind(ExerciseKind[VotingState]):
    format: ClassVar[ExerciseFormat] = ExerciseFormat.VOTING
    settings: ClassVar[frozenset[str]] = frozenset({"votes-per-person", "source"})

    def parse_options(self, settings: Mapping[str, str], line: int) -> tuple[object, list[Problem]]:
        problems: list[Problem] = []
        votes = DEFAULT_VOTES_PER_PERSON
        raw_votes = settings.get("votes-per-person")
        if raw_votes is not None:
            if raw_votes.isdigit() and int(raw_votes) > 0:
                votes = int(raw_votes)
            else:
                problems.append(problem(line, "theme.problem.whole_number", key="votes-per-person"))
        sources: list[SourceRef] = []
        for raw in split_list(settings.get("source", "")):
            source = parse_source(raw)
            if source is None:
                problems.append(problem(line, "theme.problem.source_malformed", source=raw))
            else:
                sources.append(source)
        return VotingOptions(votes, tuple(sources)), problems

    def check_in_theme(
        self,
        segment: Segment,
        earlier: Sequence[Segment],
        later: Sequence[Segment],
        plans: tuple[int, ...],
    ) -> list[Problem]:
        """Every `source:` names an earlier segment that makes a list (and a column it has)."""
        problems = []
        before = {s.id: s for s in earlier}
        after = {s.id for s in later}
        for source in voting_options(segment).sources:
            if source.segment_id is None:
                continue
            target = before.get(source.segment_id)
            if target is None:
                key = (
                    "theme.problem.source_later"
                    if source.segment_id in after
                    else "theme.problem.source_unknown"
                )
                problems.append(
                    problem(segment.line, key, source=source.text, segment=segment.title)
                )
                continue
            rules = formats.rules_for(target.format)
            if rules is None or not rules.makes_list:
                problems.append(
                    problem(
                        segment.line,
                        "theme.problem.source_kind",
                        source=source.text,
                        segment=segment.title,
                    )
                )
                continue
            columns = rules.columns(target)
            if source.column is not None and source.column not in columns:
                problems.append(
                    problem(
                        segment.line,
                        "theme.problem.source_column",
                        source=source.text,
                        columns=" | ".join(columns) or "–",
                    )
                )
        return problems

    def initial(self, segment: Segment, participants: int) -> VotingState:
        options = voting_options(segment)
        return VotingState(participants=participants, votes_per_person=options.votes_per_person)

    def load(self, doc: Mapping[str, Any]) -> VotingState:
        items = as_texts(doc.get("items"))
        raw_votes = doc.get("votes", [])
        if raw_votes and all(not isinstance(v, list) for v in raw_votes):  # the first format
            votes = tuple(
                (item, as_int(n)) for item, n in zip(items, raw_votes, strict=False) if as_int(n)
            )
        else:
            votes = _pairs(raw_votes)
        return VotingState(
            items=items,
            votes=votes,
            selected=min(max(as_int(doc.get("selected")), 0), max(len(items) - 1, 0)),
            participants=as_int(doc.get("participants")),
            votes_per_person=as_int(doc.get("votes_per_person"), DEFAULT_VOTES_PER_PERSON),
            history=_pairs(doc.get("history")),
        )

    def result(
        self,
        state: VotingState,
        title: str,
        segment_id: str,
        language: str | None,
        participants: int = 0,
        extra: Mapping[str, int] | None = None,
    ) -> ExerciseResult | None:
        ranked = [(item, n) for item, n in state.ranked(extra) if n]
        if not ranked:
            return None
        headers = [t("export.col.item", language=language), t("export.votes", language=language)]
        top = ", ".join(
            t("export.item_count", language=language, item=item, count=n)
            for item, n in state.top(TOP, extra)
        )
        highlight = t("export.highlight.votes", language=language, items=top)
        lines: list[str] = []
        people = participants or state.participants
        given = sum(n for _, n in ranked)
        if people and given > people * state.votes_per_person:
            warning = t(
                "export.too_many_votes",
                language=language,
                votes=given,
                participants=people,
                each=state.votes_per_person,
            )
            lines.append(warning)
            highlight = f"{highlight} – {warning}"
        return ExerciseResult(
            title,
            segment_id,
            self.format.value,
            lines,
            headers,
            [[item, str(n)] for item, n in ranked],
            [highlight],
            (1,),
        )

    def result_with_phones(
        self,
        state: VotingState,
        title: str,
        segment_id: str,
        language: str | None,
        participants: int,
        phones: PhoneCounts,
    ) -> ExerciseResult | None:
        votes = phones.phone_votes(segment_id)
        return self.result(state, title, segment_id, language, participants, extra=votes)

    def in_session(
        self, state: VotingState, segment: Segment, session: SessionMaterial
    ) -> VotingState:
        """The items from the lists made before the vote; the room's size from the session
        until the consultant counted it."""
        state = state.with_items(session.candidates(segment))
        if not state.participants:
            state = replace(
                state,
                participants=session.participants,
                votes_per_person=voting_options(segment).votes_per_person,
            )
        return state

    def phone_mode(self, segment: Segment, page_index: int) -> AnswerMode | None:
        return AnswerMode.VOTE

    def phone_ask(self, segment: Segment, state: VotingState | None) -> PhoneAsk | None:
        if state is None:
            return None
        return PhoneAsk(AnswerMode.VOTE, items=state.items, votes_each=state.votes_per_person)
