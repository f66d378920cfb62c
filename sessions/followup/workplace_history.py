"""A workplace's history: its sessions, the actions still open, and each statement answered in
more than one session with its values over time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sessions.book import stored_doc
from sessions.exercises.scale import ScaleKind
from sessions.models import Action, FollowUp, FollowUpStatus, SessionSummary
from sessions.phones.answers import AnswerBook
from sessions.repository import SessionRepository
from sessions.storage.session_store import SessionStore
from sessions.storage.tables import ACTIONS_TABLE, EXERCISES_TABLE, FOLLOWUP_TABLE
from sessions.theme.model import ExerciseFormat

CLOSED = frozenset({FollowUpStatus.DONE, FollowUpStatus.DROPPED})


@dataclass(frozen=True)
class Point:
    """A statement's result in one session."""

    session_id: str
    date: str
    average: float
    answers: int


@dataclass(frozen=True)
class StatementHistory:
    statement: str
    points: tuple[Point, ...]  # oldest first


@dataclass(frozen=True)
class OpenAction:
    """An action not yet done or dropped at the latest follow-up."""

    action: Action
    session_id: str
    date: str
    status: FollowUpStatus | None = None


@dataclass(frozen=True)
class WorkplaceHistory:
    workplace: str
    sessions: tuple[SessionSummary, ...]  # oldest first
    open_actions: tuple[OpenAction, ...]
    statements: tuple[StatementHistory, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "workplace": self.workplace,
            "sessions": [s.to_dict() for s in self.sessions],
            "open_actions": [
                {
                    **a.action.to_dict(),
                    "session": a.session_id,
                    "date": a.date,
                    "status": a.status.value if a.status else None,
                }
                for a in self.open_actions
            ],
            "statements": [
                {
                    "statement": s.statement,
                    "values": [
                        {
                            "session": p.session_id,
                            "date": p.date,
                            "average": round(p.average, 2),
                            "answers": p.answers,
                        }
                        for p in s.points
                    ],
                }
                for s in self.statements
            ],
        }


def workplace_history(repository: SessionRepository, workplace: str) -> WorkplaceHistory:
    """Everything the workplace's sessions say, read from the sessions themselves."""
    summaries = sorted(repository.sessions_of(workplace), key=lambda s: (s.date, s.start_time))
    open_actions: dict[str, OpenAction] = {}
    points: dict[str, list[Point]] = {}
    names: dict[str, str] = {}
    for summary in summaries:
        _, store = repository.open(summary.id, readonly=True)
        try:
            for followup in _followups(store):
                key = followup.action.what.casefold()
                if followup.status in CLOSED:
                    open_actions.pop(key, None)
                elif key in open_actions:
                    previous = open_actions[key]
                    open_actions[key] = OpenAction(
                        previous.action, previous.session_id, previous.date, followup.status
                    )
            for action in _actions(store):
                open_actions[action.what.casefold()] = OpenAction(action, summary.id, summary.date)
            for statement, average, answers in _scale_results(store):
                key = statement.casefold()
                names.setdefault(key, statement)
                found = points.setdefault(key, [])
                point = Point(summary.id, summary.date, average, answers)
                if found and found[-1].session_id == summary.id:
                    found[-1] = point
                else:
                    found.append(point)
        finally:
            store.close()
    return WorkplaceHistory(
        repository.workplaces.name(summaries[-1].workplace if summaries else workplace),
        tuple(summaries),
        tuple(open_actions.values()),
        tuple(
            StatementHistory(names[key], tuple(found))
            for key, found in points.items()
            if len(found) > 1
        ),
    )


def _actions(store: SessionStore) -> list[Action]:
    rows = [Action.from_dict({"id": i, **d}) for i, d in store.items(ACTIONS_TABLE)]
    return sorted(rows, key=lambda a: a.created_at)


def _followups(store: SessionStore) -> list[FollowUp]:
    return [FollowUp.from_dict({"id": i, **d}) for i, d in store.items(FOLLOWUP_TABLE)]


def _scale_results(store: SessionStore) -> list[tuple[str, float, int]]:
    """Every answered statement of the session's scales: (statement, average, answers)."""
    phones = AnswerBook(store)
    results = []
    for segment_id, doc in store.items(EXERCISES_TABLE):
        if doc.get("format") != ExerciseFormat.SCALE.value:
            continue
        state = ScaleKind().load(stored_doc(store, segment_id) or doc)
        extra = phones.scale_counts(segment_id)
        for index in range(len(state.statements)):
            stats = state.stats(index, extra.get(index))
            if stats.average is not None:
                results.append((stats.statement, stats.average, stats.hands))
    return results
