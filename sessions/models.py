"""The records a session is made of, as stored."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

MAX_PARTICIPANTS = 500
FIRST_YEAR, LAST_YEAR = 2000, 2199
"""The years a session may be dated in: wide for any real workshop, narrow enough that every
clock time and date computed from it exists on every platform."""
MAX_ITEM_MINUTES = 600
"""The longest an agenda item can be made (a whole day's workshop is shorter)."""
MAX_SESSION_ID_LENGTH = 80
# The ids the app makes: `<yyyymmdd>-<hhmm>-<workplace slug>`, maybe with `-2`, `-3` … after.
# An id names a folder, so one from a file must match this before it is used.
_SESSION_ID = re.compile(r"[0-9]{8}-[0-9]{4}(-[a-z0-9]+)+")


def is_session_id(text: str) -> bool:
    """Whether `text` is an id the app could have made (and so a safe folder name)."""
    return len(text) <= MAX_SESSION_ID_LENGTH and _SESSION_ID.fullmatch(text) is not None


class NoteTag(StrEnum):
    POSITIVE = "positive"
    CHALLENGE = "challenge"
    IDEA = "idea"
    ACTION = "action"


@dataclass(frozen=True)
class PlannedSegment:
    """A segment of the agenda as planned when the session was created."""

    id: str
    title: str
    kind: str
    minutes: int

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlannedSegment:
        return cls(str(data["id"]), str(data["title"]), str(data["kind"]), int(data["minutes"]))


@dataclass(frozen=True)
class SessionDetails:
    """What a workplace gives when it books a talk."""

    workplace: str
    date: str  # ISO date
    start_time: str  # HH:MM
    facilitator: str
    participants: int
    plan: int  # 90 or 120 minutes
    sector: str = ""
    """The kind of workplace (`sessions.theme.notes.SECTORS`, or `andet`/empty for any other):
    the console shows the speaker notes' examples for it first."""


@dataclass(frozen=True)
class SessionInfo:
    id: str
    theme_id: str
    theme_title: str
    details: SessionDetails
    created_at: float
    agenda: tuple[PlannedSegment, ...] = ()
    language: str = "da"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["agenda"] = [asdict(s) for s in self.agenda]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionInfo:
        return cls(
            id=str(data["id"]),
            theme_id=str(data["theme_id"]),
            theme_title=str(data["theme_title"]),
            details=SessionDetails(**data["details"]),
            created_at=float(data["created_at"]),
            agenda=tuple(PlannedSegment.from_dict(s) for s in data.get("agenda", [])),
            language=str(data.get("language", "da")),
        )


@dataclass(frozen=True)
class Note:
    id: str
    segment_id: str
    text: str
    created_at: float
    updated_at: float
    tag: NoteTag | None = None
    step: int = 0  # the slide or step within the segment
    private: bool = False  # "kun til mig": never exported unless asked for
    card: int | None = None  # the dialogue card (0-based) the note is about

    def to_dict(self) -> dict[str, Any]:
        return {
            "private": self.private,
            "card": self.card,
            "id": self.id,
            "segment_id": self.segment_id,
            "text": self.text,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "tag": self.tag.value if self.tag else None,
            "step": self.step,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Note:
        tag = data.get("tag")
        return cls(
            id=str(data["id"]),
            segment_id=str(data["segment_id"]),
            text=str(data["text"]),
            created_at=float(data["created_at"]),
            updated_at=float(data.get("updated_at", data["created_at"])),
            tag=NoteTag(tag) if tag else None,
            step=int(data.get("step", 0)),
            private=bool(data.get("private", False)),
            card=None if data.get("card") is None else int(data["card"]),
        )


@dataclass(frozen=True)
class Draft:
    """Text being typed in the note form, kept so a crash or a closed window loses nothing."""

    segment_id: str
    text: str
    step: int = 0
    note_id: str | None = None  # set when editing an existing note
    tag: NoteTag | None = None
    private: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["tag"] = self.tag.value if self.tag else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Draft:
        tag = data.get("tag")
        return cls(
            segment_id=str(data["segment_id"]),
            text=str(data["text"]),
            step=int(data.get("step", 0)),
            note_id=data.get("note_id"),
            tag=NoteTag(tag) if tag else None,
            private=bool(data.get("private", False)),
        )


@dataclass(frozen=True)
class SessionSummary:
    """One line in a list of sessions."""

    id: str
    theme_id: str
    theme_title: str
    workplace: str
    date: str
    start_time: str
    notes: int
    plan: int
    updated_at: float = 0.0
    problem: str | None = None  # set when the session cannot be opened
    finished: bool = False  # ended (its time log holds the end), until it is reopened
    ended_at: float | None = None  # wall clock of the end, when finished
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("extra")
        return data


@dataclass(frozen=True)
class Action:
    """One row of the group's action plan: hvad, hvem, hvornår, opfølgning."""

    id: str
    what: str
    who: str = ""
    when: str = ""
    follow_up: str = ""
    created_at: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Action:
        return cls(
            id=str(data["id"]),
            what=str(data["what"]),
            who=str(data.get("who", "")),
            when=str(data.get("when", "")),
            follow_up=str(data.get("follow_up", "")),
            created_at=float(data.get("created_at", 0.0)),
        )


class FollowUpStatus(StrEnum):
    DONE = "done"
    ONGOING = "ongoing"
    NOT_STARTED = "not_started"
    DROPPED = "dropped"


@dataclass(frozen=True)
class FollowUp:
    """An action carried over from an earlier session, and how far it has come."""

    id: str
    action: Action
    from_session: str
    from_date: str
    status: FollowUpStatus | None = None
    comment: str = ""

    def to_dict(self) -> dict[str, Any]:
        action = self.action.to_dict()
        del action["id"]
        return {
            "action": action,
            "from_session": self.from_session,
            "from_date": self.from_date,
            "status": self.status.value if self.status else None,
            "comment": self.comment,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FollowUp:
        status = data.get("status")
        return cls(
            id=str(data["id"]),
            action=Action.from_dict({"id": data["id"], **data["action"]}),
            from_session=str(data.get("from_session", "")),
            from_date=str(data.get("from_date", "")),
            status=FollowUpStatus(status) if status else None,
            comment=str(data.get("comment", "")),
        )
