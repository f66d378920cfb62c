"""What a referat holds, gathered once from the stored session; each format renders it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sessions.live import FOLLOWUP_TABLE, LOG_TABLE, PAUSES_TABLE, PLAN_TABLE, SCHEDULE_TABLE
from sessions.models import Action, FollowUp, Note, NoteTag, SessionInfo
from sessions.repository import ACTIONS_TABLE, NOTES_TABLE, info_of
from sessions.schedule import Schedule
from sessions.storage.session_store import SessionStore
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

    @property
    def has_notes(self) -> bool:
        return any(g.notes for g in self.groups) or bool(self.other_notes)


def build_referat(store: SessionStore, *, include_private: bool = False) -> Referat:
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
    entries = [(str(d["segment_id"]), float(d["at"])) for _, d in store.items(LOG_TABLE)]
    pauses = [
        Pause(float(d["start"]), None if d.get("end") is None else float(d["end"]))
        for _, d in store.items(PAUSES_TABLE)
    ]
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
        followups=sorted(
            (FollowUp.from_dict({"id": i, **d}) for i, d in store.items(FOLLOWUP_TABLE)),
            key=lambda f: int(f.id) if f.id.isdigit() else 0,
        ),
    )
