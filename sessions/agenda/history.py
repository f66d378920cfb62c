"""One step of undo for the agenda: the schedule as it was before its last change (a
rebalancing or an edit in the planner), kept in the session so a restart does not lose it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sessions.agenda.schedule import Schedule
from sessions.clock import Clock
from sessions.storage.session_store import SessionStore
from sessions.storage.tables import AGENDA_HISTORY_TABLE

UNDO_DOC = "1"


class AgendaChange(StrEnum):
    """What changed the agenda."""

    EDIT = "edit"  # the consultant, in the planner
    REBALANCE = "rebalance"  # `j`


@dataclass(frozen=True)
class UndoPoint:
    """The agenda before its last change."""

    schedule: Schedule
    change: AgendaChange
    at: float  # wall clock of the change


class AgendaHistory:
    """The undo point of one session's agenda. Every change is saved before it returns."""

    def __init__(self, store: SessionStore, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def remember(self, before: Schedule, change: AgendaChange) -> None:
        """Keep `before` as what an undo brings back (replacing the earlier undo point)."""
        self.store.put(
            AGENDA_HISTORY_TABLE,
            UNDO_DOC,
            {"schedule": before.to_dict(), "change": change.value, "at": self.clock.wall()},
        )

    def last(self) -> UndoPoint | None:
        """What an undo would bring back, or None."""
        doc = self.store.get(AGENDA_HISTORY_TABLE, UNDO_DOC)
        if not doc:
            return None
        try:
            return UndoPoint(
                Schedule.from_dict(doc["schedule"]),
                AgendaChange(str(doc.get("change", AgendaChange.EDIT.value))),
                float(doc.get("at", 0.0)),
            )
        except (KeyError, TypeError, ValueError):
            return None

    def forget(self) -> None:
        if self.store.get(AGENDA_HISTORY_TABLE, UNDO_DOC) is not None:
            self.store.delete(AGENDA_HISTORY_TABLE, UNDO_DOC)
