"""What a referat holds, gathered once from the stored session; `document.py` arranges it for
the reader and each format renders that."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
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
from sessions.export.labels import decimal
from sessions.i18n import t
from sessions.live import (
    FOLLOWUP_TABLE,
    PAUSES_TABLE,
    PLAN_TABLE,
    SCHEDULE_TABLE,
    stored_entries,
)
from sessions.models import Action, FollowUp, Note, SessionInfo
from sessions.repository import ACTIONS_TABLE, NOTES_TABLE, info_of
from sessions.schedule import Schedule
from sessions.storage.session_store import SessionStore
from sessions.timing import END_MARKER, Pause, TimeLogRow, paused_between, time_log

TOP_VOTES = 3
LOWEST_STATEMENTS = 2


@dataclass(frozen=True)
class NoteGroup:
    segment_id: str
    title: str
    notes: list[Note]


@dataclass(frozen=True)
class ExerciseResult:
    """What an exercise produced, ready for any format.

    `segment_id` places it under its agenda item; `lines` are sentences, `headers`/`rows` a
    table (or, without headers, a list of one-cell rows); `highlights` are self-contained
    one-liners for "Det vigtigste"; `numeric_columns` are the table columns holding numbers.
    """

    title: str
    segment_id: str
    kind: str
    lines: list[str]
    headers: list[str]
    rows: list[list[str]]
    highlights: list[str]
    numeric_columns: tuple[int, ...] = ()


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

    @property
    def has_notes(self) -> bool:
        return any(g.notes for g in self.groups) or bool(self.other_notes)


Parts = tuple[list[str], list[str], list[list[str]], list[str], tuple[int, ...]]
"""lines, headers, rows, highlights, numeric columns"""


def exercise_result(
    doc: Mapping[str, Any], participants: int, language: str | None
) -> ExerciseResult | None:
    """The result of one exercise as stored today, or None when there is nothing to report."""

    kind = str(doc.get("format"))
    reader = _RESULTS.get(kind)
    parts = reader(doc, participants, language) if reader else None
    if parts is None:
        return None
    lines, headers, rows, highlights, numeric = parts
    title, segment_id = str(doc.get("title", "")), str(doc.get("segment_id", ""))
    return ExerciseResult(title, segment_id, kind, lines, headers, rows, highlights, numeric)


def _round(doc: Mapping[str, Any], participants: int, language: str | None) -> Parts | None:
    tr = partial(t, language=language)
    if not int(doc.get("speaker", 0)):
        return None
    spoke = tr(
        "export.round_result", spoke=doc["speaker"], participants=doc.get("participants", "?")
    )
    return [spoke], [], [], [], ()


def _cards(doc: Mapping[str, Any], participants: int, language: str | None) -> Parts | None:
    tr = partial(t, language=language)
    cards = [str(c) for c in doc.get("cards", [])]
    marked = [cards[i] for i in CardsState.from_dict(dict(doc)).important if i < len(cards)]
    if not marked:
        return None
    highlights = [tr("export.highlight.card", card=c) for c in marked]
    return [tr("export.important_cards")], [], [[c] for c in marked], highlights, ()


def _scale(doc: Mapping[str, Any], participants: int, language: str | None) -> Parts | None:
    tr = partial(t, language=language)
    state = ScaleState.from_dict(dict(doc))
    if not any(state.counts.values()):
        return None
    values = list(scale_range(str(doc.get("scale", "1-5"))))
    headers = [
        tr("export.col.statement"),
        *map(str, values),
        tr("export.col.average"),
        tr("export.col.hands"),
    ]
    rows, lines, means = [], [], []
    for number, statement in enumerate(str(s) for s in doc.get("statements", [])):
        row = state.row(number)
        mean, hands = average(row), sum(row.values())
        shown = "–" if mean is None else decimal(mean, language)
        rows.append([statement, *(str(row.get(v, 0)) for v in values), shown, str(hands)])
        if mean is not None:
            means.append((mean, statement))
        if hands > participants:
            lines.append(
                tr(
                    "export.too_many_hands",
                    statement=statement,
                    hands=hands,
                    participants=participants,
                )
            )
    lowest = sorted(means, key=lambda pair: pair[0])[: LOWEST_STATEMENTS if len(means) > 2 else 1]
    highlights = [
        tr(
            "export.highlight.scale",
            statement=s,
            average=decimal(m, language),
            low=values[0],
            high=values[-1],
        )
        for m, s in lowest
    ]
    return lines, headers, rows, highlights, tuple(range(1, len(headers)))


def _sorting(doc: Mapping[str, Any], participants: int, language: str | None) -> Parts | None:
    tr = partial(t, language=language)
    board = BoardState.from_dict(dict(doc))
    columns = [str(c) for c in doc.get("columns", [])]
    if not board.items:
        return None
    rows: list[list[str]] = []
    previous = None
    for item in (board.items[n] for n in board.ordered(max(len(columns), 1))):
        name = columns[item.column] if item.column < len(columns) else str(item.column + 1)
        rows.append([name if name != previous else "", item.text, item.reason])  # grouped
        previous = name
    headers = [tr(f"export.col.{c}") for c in ("column", "item", "reason")]
    if not any(item.reason for item in board.items):
        headers, rows = headers[:2], [row[:2] for row in rows]
    return [], headers, rows, [], ()


def _voting(doc: Mapping[str, Any], participants: int, language: str | None) -> Parts | None:
    tr = partial(t, language=language)
    ranked = [(i, v) for i, v in VotingState.from_dict(dict(doc)).ranked() if v]
    if not ranked:
        return None
    top = ", ".join(tr("export.item_count", item=i, count=v) for i, v in ranked[:TOP_VOTES])
    headers = [tr("export.col.item"), tr("export.votes")]
    rows = [[i, str(v)] for i, v in ranked]
    return [], headers, rows, [tr("export.highlight.votes", items=top)], (1,)


def _case(doc: Mapping[str, Any], participants: int, language: str | None) -> Parts | None:
    tr = partial(t, language=language)
    agreements = [str(a) for a in doc.get("agreements", [])]
    if not agreements:
        return None
    highlights = [tr("export.highlight.agreement", text=a) for a in agreements]
    return [tr("case.agreements")], [], [[a] for a in agreements], highlights, ()


_RESULTS: dict[str, Callable[[Mapping[str, Any], int, str | None], Parts | None]] = {
    "round": _round,
    "cards": _cards,
    "scale": _scale,
    "sorting": _sorting,
    "voting": _voting,
    "case": _case,
}


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
        actions=sorted(
            (Action.from_dict({"id": i, **d}) for i, d in store.items(ACTIONS_TABLE)),
            key=lambda a: a.created_at,
        ),
        next_follow_up=str((store.get(PLAN_TABLE, "1") or {}).get("next_follow_up", "")),
        exercises=[
            result
            for _, doc in sorted(store.items(EXERCISES_TABLE), key=lambda d: _number(d[0]))
            if (result := exercise_result(doc, info.details.participants, language)) is not None
        ],
        followups=sorted(
            (FollowUp.from_dict({"id": i, **d}) for i, d in store.items(FOLLOWUP_TABLE)),
            key=lambda f: _number(f.id),
        ),
        created=now or datetime.now(),
        started_at=started_at,
        ended_at=ended_at,
        paused_seconds=(
            paused_between(pauses, started_at, ended_at or started_at) if started_at else 0.0
        ),
    )


def has_private_notes(store: SessionStore) -> bool:
    """Whether the session holds notes marked "kun til mig" (a JSON export carries them)."""
    return any(bool(doc.get("private")) for _, doc in store.items(NOTES_TABLE))


def _number(doc_id: str) -> int:
    return int(doc_id) if doc_id.isdigit() else 0
