"""What a referat holds, gathered once from the stored session; `document.py` arranges it for
the reader and each format renders that."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sessions.agenda.navigation import stored_entries
from sessions.agenda.schedule import Schedule
from sessions.agenda.timing import END_MARKER, Pause, TimeLogRow, paused_between, time_log
from sessions.book import exercise_results
from sessions.exercises.base import ExerciseResult
from sessions.followup.repeat import Change, Repeat, session_changes
from sessions.models import Action, FollowUp, Note, SessionInfo
from sessions.record import info_of
from sessions.storage.session_store import SessionStore
from sessions.storage.tables import (
    ACTIONS_TABLE,
    FOLLOWUP_TABLE,
    NOTES_TABLE,
    PAUSES_TABLE,
    PLAN_TABLE,
    SCHEDULE_TABLE,
)

__all__ = [
    "ExerciseResult",
    "NoteGroup",
    "Referat",
    "build_action_plan",
    "build_referat",
    "has_private_notes",
]


@dataclass(frozen=True)
class NoteGroup:
    segment_id: str
    title: str
    notes: list[Note]


@dataclass(frozen=True)
class Referat:
    info: SessionInfo
    time_log: list[TimeLogRow]
    groups: list[NoteGroup]  # the workplace's notes under their agenda item, in agenda order
    other_notes: list[Note]  # notes of items no longer on the agenda
    actions: list[Action]
    followups: list[FollowUp]  # an earlier action plan, followed up
    created: datetime  # when this referat was made
    next_follow_up: str = ""
    exercises: list[ExerciseResult] = field(default_factory=list)
    private_notes: list[Note] = field(default_factory=list)  # only when asked for
    started_at: float | None = None
    ended_at: float | None = None  # None while the session is not finished
    paused_seconds: float = 0.0
    repeat: Repeat | None = None
    """The statements asked again from an earlier session (last time's answers)."""
    changes: list[Change] = field(default_factory=list)
    """Each statement asked again, last time and now."""

    @property
    def has_notes(self) -> bool:
        return any(g.notes for g in self.groups) or bool(self.other_notes)


def build_referat(
    store: SessionStore,
    *,
    include_private: bool = False,
    language: str | None = None,
    now: datetime | None = None,
) -> Referat:
    """The referat of the session in `store`. Private notes only when `include_private`."""
    info = info_of(store)
    notes = sorted(
        (Note.from_dict({"id": i, **d}) for i, d in store.items(NOTES_TABLE)),
        key=lambda n: n.created_at,
    )
    stored = store.get(SCHEDULE_TABLE, "1")
    schedule = (
        Schedule.from_dict(stored)
        if stored
        else Schedule.from_planned(info.agenda, info.details.plan)
    )
    entries = stored_entries(store)
    pauses = [Pause.from_dict(d) for _, d in store.items(PAUSES_TABLE)]
    start = datetime.fromisoformat(f"{info.details.date}T{info.details.start_time}")
    rows = time_log(schedule, start, entries, pauses)
    known = {row.item.id for row in rows}
    public = [n for n in notes if not n.private]
    ordered = sorted(entries, key=lambda e: e[1])
    started_at = ordered[0][1] if ordered else None
    ended_at = ordered[-1][1] if ordered and ordered[-1][0] == END_MARKER else None
    asked_again = session_changes(store)
    return Referat(
        info=info,
        time_log=rows,
        groups=[
            NoteGroup(
                row.item.id, row.item.title, [n for n in public if n.segment_id == row.item.id]
            )
            for row in rows
        ],
        other_notes=[n for n in public if n.segment_id not in known],
        private_notes=[n for n in notes if n.private] if include_private else [],
        actions=_actions(store),
        next_follow_up=_next_follow_up(store),
        exercises=exercise_results(store, language),
        followups=_followups(store),
        created=now or datetime.now(),
        started_at=started_at,
        ended_at=ended_at,
        paused_seconds=(
            paused_between(pauses, started_at, ended_at or started_at) if started_at else 0.0
        ),
        repeat=asked_again[0] if asked_again else None,
        changes=asked_again[1] if asked_again else [],
    )


def build_action_plan(
    store: SessionStore, *, now: datetime | None = None, since_last: bool = False
) -> Referat:
    """The part of the referat a spreadsheet of the action plan holds (xlsx, csv): the session,
    its actions and what follows them up, and with `since_last` the statements asked again
    (the xlsx has a sheet of them). Notes, time log and the other exercises are not read, so a
    session with thousands of notes makes its 1 KiB action plan as fast as an empty one."""
    asked_again = session_changes(store) if since_last else None
    return Referat(
        info=info_of(store),
        time_log=[],
        groups=[],
        other_notes=[],
        actions=_actions(store),
        followups=_followups(store),
        created=now or datetime.now(),
        next_follow_up=_next_follow_up(store),
        repeat=asked_again[0] if asked_again else None,
        changes=asked_again[1] if asked_again else [],
    )


def _actions(store: SessionStore) -> list[Action]:
    return sorted(
        (Action.from_dict({"id": i, **d}) for i, d in store.items(ACTIONS_TABLE)),
        key=lambda a: a.created_at,
    )


def _followups(store: SessionStore) -> list[FollowUp]:
    return sorted(
        (FollowUp.from_dict({"id": i, **d}) for i, d in store.items(FOLLOWUP_TABLE)),
        key=lambda f: _number(f.id),
    )


def _next_follow_up(store: SessionStore) -> str:
    return str((store.get(PLAN_TABLE, "1") or {}).get("next_follow_up", ""))


def has_private_notes(store: SessionStore) -> bool:
    """Whether the session holds notes marked "kun til mig" (a JSON export carries them)."""
    return any(bool(doc.get("private")) for _, doc in store.items(NOTES_TABLE))


def _number(doc_id: str) -> int:
    return int(doc_id) if doc_id.isdigit() else 0
