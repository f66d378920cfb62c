"""What a referat holds, gathered once from the stored session; each format renders it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sessions.exercises.base import ExerciseResult
from sessions.exercises.book import exercise_results
from sessions.i18n import t
from sessions.models import Action, FollowUp, Note, NoteTag, SessionInfo
from sessions.navigation import stored_entries
from sessions.repository import info_of
from sessions.schedule import Schedule
from sessions.storage.session_store import SessionStore
from sessions.storage.tables import (
    ACTIONS_TABLE,
    FOLLOWUP_TABLE,
    NOTES_TABLE,
    PAUSES_TABLE,
    PLAN_TABLE,
    SCHEDULE_TABLE,
)
from sessions.timing import Pause, TimeLogRow, time_log


@dataclass(frozen=True)
class NoteGroup:
    title: str
    notes: list[Note]


@dataclass(frozen=True)
class Referat:
    info: SessionInfo
    time_log: list[TimeLogRow]
    groups: list[NoteGroup]  # notes under their agenda item, in agenda order
    other_notes: list[Note]  # notes of items no longer on the agenda
    actions: list[Action]
    action_notes: list[Note]  # notes tagged "handling"
    followups: list[FollowUp]  # an earlier action plan, followed up
    next_follow_up: str = ""
    exercises: list[ExerciseResult] = field(default_factory=list)

    @property
    def has_notes(self) -> bool:
        return any(g.notes for g in self.groups) or bool(self.other_notes)


def decimal(value: float, language: str | None) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if t("decimal.comma", language=language) == "," else text


def build_referat(
    store: SessionStore, *, include_private: bool = False, language: str | None = None
) -> Referat:
    """The referat of the session in `store`. Private notes only when `include_private`."""
    info = info_of(store)
    notes = [Note.from_dict({"id": i, **d}) for i, d in store.items(NOTES_TABLE)]
    notes = sorted(
        (n for n in notes if include_private or not n.private), key=lambda n: n.created_at
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
    actions = sorted(
        (Action.from_dict({"id": i, **d}) for i, d in store.items(ACTIONS_TABLE)),
        key=lambda a: a.created_at,
    )
    return Referat(
        info=info,
        time_log=rows,
        groups=[
            NoteGroup(row.item.title, [n for n in notes if n.segment_id == row.item.id])
            for row in rows
        ],
        other_notes=[n for n in notes if n.segment_id not in known],
        actions=actions,
        action_notes=[n for n in notes if n.tag is NoteTag.ACTION],
        next_follow_up=str((store.get(PLAN_TABLE, "1") or {}).get("next_follow_up", "")),
        exercises=exercise_results(store, language),
        followups=sorted(
            (FollowUp.from_dict({"id": i, **d}) for i, d in store.items(FOLLOWUP_TABLE)),
            key=lambda f: int(f.id) if f.id.isdigit() else 0,
        ),
    )
