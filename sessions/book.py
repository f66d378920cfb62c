"""Where the exercises' states are stored: one document per exercise segment, shared by all its
steps, so a result step shows what the earlier steps produced."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sessions.exercises import kind_of
from sessions.exercises.base import ExerciseResult, ExerciseState
from sessions.exercises.voting import Material, candidates, voting_options
from sessions.models import Note, NoteTag
from sessions.phones.answers import AnswerBook, result_with_phones
from sessions.record import info_of
from sessions.storage.session_store import SessionStore
from sessions.storage.tables import EXERCISES_TABLE, NOTES_TABLE
from sessions.theme.model import ExerciseFormat, Segment

FIRST_FORMAT_STEP = "step"
"""The first storage format kept one document per step, with this key; still read."""


class ExerciseBook:
    """The states of a session's exercises, typed by their kind."""

    def __init__(
        self,
        store: SessionStore,
        participants: int,
        segments: Callable[[], list[Segment]],
    ) -> None:
        self.store = store
        self.participants = participants
        self._segments = segments  # the session's exercise segments, in agenda order

    def state(self, segment: Segment) -> Any:
        """The exercise's state: as stored, or as it starts. None for kinds that store nothing."""
        kind = kind_of(segment.format)
        if kind is None:
            return None
        doc = stored_doc(self.store, segment.id)
        state = kind.load(doc) if doc is not None else kind.initial(segment, self.participants)
        return kind.in_session(state, segment, self) if state is not None else None

    def save(self, segment: Segment, state: ExerciseState) -> None:
        """Store the exercise's new state; durable when this returns."""
        doc = {
            "segment_id": segment.id,
            "title": segment.title,
            "format": segment.format.value if segment.format else None,
            **state.to_doc(),
        }
        self.store.put(EXERCISES_TABLE, segment.id, doc)

    def candidates(self, segment: Segment) -> tuple[str, ...]:
        """What a vote in `segment` is over, from the lists made before it."""
        segments = self._segments()
        ids = [s.id for s in segments]
        earlier = segments[: ids.index(segment.id)] if segment.id in ids else segments
        by_id = {s.id: s for s in earlier}

        def lists(segment_id: str, column: str | None) -> list[str] | None:
            source = by_id.get(segment_id)
            kind = kind_of(source.format) if source is not None else None
            if source is None or kind is None:
                return None
            state = self.state(source)
            return kind.listed(state, column) if state is not None else None

        def notes(tag: NoteTag | None) -> list[str]:
            shared = [
                Note.from_dict({"id": i, **d})
                for i, d in self.store.items(NOTES_TABLE)
                if not d.get("private")
            ]
            tagged = [n for n in shared if n.tag is not None and (tag is None or n.tag is tag)]
            chosen = tagged if tag is not None or tagged else shared
            return [n.text.split("\n")[0] for n in sorted(chosen, key=lambda n: n.created_at)]

        def boards() -> list[str]:
            return [
                text
                for s in earlier
                if s.format is ExerciseFormat.SORTING  # the boards, when no source is named
                for text in lists(s.id, None) or []
            ]

        return candidates(voting_options(segment), Material(lists, notes, boards))


def stored_doc(store: SessionStore, segment_id: str) -> Mapping[str, Any] | None:
    """The stored document of an exercise, from either storage format."""
    doc = store.get(EXERCISES_TABLE, segment_id)
    if doc is not None:
        return doc
    legacy = [
        d
        for _, d in store.items(EXERCISES_TABLE)
        if d.get("segment_id") == segment_id and FIRST_FORMAT_STEP in d
    ]
    if not legacy:
        return None
    # One document per step: the shared one (-1) first, then the steps in order, merged.
    merged: dict[str, Any] = {}
    for doc in sorted(legacy, key=lambda d: int(d.get(FIRST_FORMAT_STEP, 0))):
        for key, value in doc.items():
            if value not in (None, [], {}, 0) or key not in merged:
                merged[key] = value
    return merged


def exercise_result(
    doc: Mapping[str, Any],
    participants: int,
    language: str | None,
    phones: AnswerBook | None = None,
) -> ExerciseResult | None:
    """What one stored exercise reports to the referat, or None (nothing happened, or a kind
    this oplaeg does not know); with `phones`, their answers are counted in."""
    kind = kind_of(str(doc.get("format")))
    if kind is None:
        return None
    state = kind.load(doc)
    if state is None:
        return None
    title, segment_id = str(doc.get("title", "")), str(doc.get("segment_id", ""))
    if phones is not None:
        return result_with_phones(
            kind, state, phones, title, segment_id, language, participants=participants
        )
    return kind.result(state, title, segment_id, language, participants=participants)


def exercise_results(store: SessionStore, language: str | None) -> list[ExerciseResult]:
    """Every exercise's result in the session in `store`, for the referat."""
    participants = info_of(store).details.participants
    seen: set[str] = set()
    results: list[ExerciseResult] = []
    phones = AnswerBook(store)
    for _, doc in store.items(EXERCISES_TABLE):
        segment_id = str(doc.get("segment_id", ""))
        if segment_id in seen:
            continue
        seen.add(segment_id)
        merged = {**(stored_doc(store, segment_id) or doc), "segment_id": segment_id}
        result = exercise_result(merged, participants, language, phones)
        if result is not None:
            results.append(result)
    return results
