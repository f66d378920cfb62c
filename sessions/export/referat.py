"""What a referat holds, gathered once from the stored session; each format renders it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sessions.exercises import (
    EXERCISES_TABLE,
    BoardState,
    CardsState,
    ScaleState,
    VotingState,
    average,
    scale_range,
)
from sessions.i18n import t
from sessions.live import (
    FOLLOWUP_TABLE,
    PAUSES_TABLE,
    PLAN_TABLE,
    SCHEDULE_TABLE,
    stored_entries,
)
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
class ExerciseResult:
    """What an exercise produced, ready for any format: a line or two, and perhaps a table."""

    title: str
    lines: list[str]
    headers: list[str]
    rows: list[list[str]]


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


def exercise_result(doc: dict[str, Any], language: str | None) -> ExerciseResult | None:
    """The result of one exercise as stored, or None when there is nothing to report."""
    title = str(doc.get("title", ""))
    kind = doc.get("format")
    if kind == "round" and int(doc.get("speaker", 0)):
        line = t(
            "export.round_result",
            language=language,
            spoke=doc["speaker"],
            participants=doc.get("participants", "?"),
        )
        return ExerciseResult(title, [line], [], [])
    if kind == "cards":
        cards = [str(c) for c in doc.get("cards", [])]
        marked = [cards[i] for i in CardsState.from_dict(doc).important if i < len(cards)]
        if not marked:
            return None
        return ExerciseResult(
            title, [t("export.important_cards", language=language)], [], [[c] for c in marked]
        )
    if kind == "scale":
        state = ScaleState.from_dict(doc)
        statements = [str(s) for s in doc.get("statements", [])]
        values = list(scale_range(str(doc.get("scale", "1-5"))))
        if not any(state.counts.values()):
            return None
        headers = [
            t("export.col.statement", language=language),
            *map(str, values),
            t("export.col.average", language=language),
            t("export.col.hands", language=language),
        ]
        rows = []
        for number, statement in enumerate(statements):
            row = state.row(number)
            mean = average(row)
            shown = "–" if mean is None else decimal(mean, language)
            rows.append(
                [statement, *(str(row.get(v, 0)) for v in values), shown, str(sum(row.values()))]
            )
        return ExerciseResult(title, [], headers, rows)
    if kind == "sorting":
        board = BoardState.from_dict(doc)
        columns = [str(c) for c in doc.get("columns", [])]
        if not board.items:
            return None
        headers = [t(f"export.col.{c}", language=language) for c in ("column", "item", "reason")]
        rows = [
            [columns[i.column] if i.column < len(columns) else str(i.column + 1), i.text, i.reason]
            for i in (board.items[n] for n in board.ordered(max(len(columns), 1)))
        ]
        return ExerciseResult(title, [], headers, rows)
    if kind == "voting":
        voting = VotingState.from_dict(doc)
        if not any(voting.votes):
            return None
        headers = [t("export.col.item", language=language), t("export.votes", language=language)]
        return ExerciseResult(title, [], headers, [[i, str(v)] for i, v in voting.ranked()])
    if kind == "case":
        agreements = [str(a) for a in doc.get("agreements", [])]
        if not agreements:
            return None
        return ExerciseResult(
            title, [t("case.agreements", language=language)], [], [[a] for a in agreements]
        )
    return None


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
        exercises=[
            result
            for _, doc in store.items(EXERCISES_TABLE)
            if (result := exercise_result(doc, language)) is not None
        ],
        followups=sorted(
            (FollowUp.from_dict({"id": i, **d}) for i, d in store.items(FOLLOWUP_TABLE)),
            key=lambda f: int(f.id) if f.id.isdigit() else 0,
        ),
    )
