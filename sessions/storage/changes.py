"""What changed in a session, named by part: the one small event every durable write raises
(and every change a following store reads), so each window repaints what shows that part and
nothing else.

The store knows which table a write went to, and each table belongs to one part. Whoever shows
the session gives the store one `Sink` (the app turns it into a Textual message); the domain
knows nothing of who listens.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Flag, auto

from sessions.storage.tables import (
    ACTIONS_TABLE,
    AGENDA_HISTORY_TABLE,
    ANSWERS_TABLE,
    DISPLAY_TABLE,
    DRAFT_TABLE,
    EXERCISES_TABLE,
    FOLLOWUP_TABLE,
    JOIN_TABLE,
    LOG_TABLE,
    NOTES_TABLE,
    PAUSES_TABLE,
    PHONE_ANSWERS_TABLE,
    PLAN_TABLE,
    REPEAT_TABLE,
    SCHEDULE_TABLE,
    SESSION_TABLE,
    STATE_TABLE,
    TIMERS_TABLE,
)


class Part(Flag):
    """A part of the session a window shows; a change names the union of the parts it
    touched."""

    NONE = 0
    SESSION = auto()
    """The booking: the workplace, the sector, the participants."""
    PAGE = auto()
    """The page shown, the time log, begun or finished."""
    AGENDA = auto()
    """The agenda as adjusted (and the statements asked again)."""
    TIMERS = auto()
    """The countdowns and the session's pauses."""
    NOTES = auto()
    DRAFT = auto()
    """The note being typed: kept safe as it is typed, shown by nobody but its form."""
    ACTIONS = auto()
    """The action plan and the follow-up."""
    EXERCISE = auto()
    DISPLAY = auto()
    """A blank screen, the notes shown to the room, the bell, light or dark."""
    ANSWERS = auto()
    """The phones' answers that are counted: scale values and votes."""
    SLIPS = auto()
    """The texts phones sent, held for the consultant's approval."""
    JOIN = auto()
    """Whether phones can join, the address and the room code."""
    EVERYTHING = (
        SESSION | PAGE | AGENDA | TIMERS | NOTES | DRAFT | ACTIONS | EXERCISE | DISPLAY
    ) | (ANSWERS | SLIPS | JOIN)
    """A store read whole again (the writer folded its journal into a new snapshot)."""


Sink = Callable[[Part], None]
"""Where a store tells of its changes. It may be called from any thread (the phones' writes
finish in a worker thread's wake; a room view's follower reads in its own)."""

TABLE_PARTS: dict[str, Part] = {
    SESSION_TABLE: Part.SESSION,
    NOTES_TABLE: Part.NOTES,
    DRAFT_TABLE: Part.DRAFT,
    ACTIONS_TABLE: Part.ACTIONS,
    PLAN_TABLE: Part.ACTIONS,
    FOLLOWUP_TABLE: Part.ACTIONS,
    STATE_TABLE: Part.PAGE,
    LOG_TABLE: Part.PAGE,
    SCHEDULE_TABLE: Part.AGENDA,
    AGENDA_HISTORY_TABLE: Part.AGENDA,
    REPEAT_TABLE: Part.AGENDA,
    DISPLAY_TABLE: Part.DISPLAY,
    TIMERS_TABLE: Part.TIMERS,
    PAUSES_TABLE: Part.TIMERS,
    EXERCISES_TABLE: Part.EXERCISE,
    ANSWERS_TABLE: Part.SLIPS,
    JOIN_TABLE: Part.JOIN,
    PHONE_ANSWERS_TABLE: Part.ANSWERS,
}


def part_of(table: str) -> Part:
    """The part a table belongs to (a table this module does not know: all of them, so a new
    table is never silently left off the screen)."""
    return TABLE_PARTS.get(table, Part.EVERYTHING)
