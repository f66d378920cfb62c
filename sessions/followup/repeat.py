"""Statements asked again: at a follow-up, an earlier session's scale statements become an agenda
item of the new session, and each statement's result is set beside last time's.

What was answered last time (hands and phones together) is copied into the new session (the
`repeat` table), so the comparison survives resume, export and import without the earlier
session. The item is a scale like any other, its segment made here from that copy: a counting
step and a result step "sidst og nu".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sessions.book import stored_doc
from sessions.exercises.base import as_int, as_texts
from sessions.exercises.scale import ScaleKind, ScaleState
from sessions.i18n import t
from sessions.models import SessionInfo
from sessions.phones.answers import AnswerBook
from sessions.storage.session_store import SessionStore
from sessions.storage.tables import EXERCISES_TABLE, REPEAT_TABLE
from sessions.theme.model import (
    LONGEST_SESSION,
    SHORTEST_SESSION,
    ExerciseFormat,
    Minutes,
    Segment,
    SegmentKind,
    Step,
    StepMode,
    Theme,
)

REPEAT_ITEM_ID = "sidst-og-nu"
"""The agenda item (and exercise) of the statements asked again."""
REPEAT_MINUTES = 10
COUNT_MINUTES, RESULT_MINUTES = 7, 3


def _average(counts: Mapping[int, int]) -> float | None:
    hands = sum(counts.values())
    return sum(v * n for v, n in counts.items()) / hands if hands else None


@dataclass(frozen=True)
class EarlierStatement:
    """A statement as it was answered last time: hands per value, from `low` up."""

    text: str
    counts: tuple[int, ...]
    marked: bool = False
    """From a scale its theme marks `repeat: yes` (or asked again itself)."""


@dataclass(frozen=True)
class Repeat:
    """The statements carried into this session, with last time's answers."""

    from_session: str
    from_date: str
    title: str
    low: int
    high: int
    labels: tuple[str, ...]
    statements: tuple[EarlierStatement, ...]

    @property
    def values(self) -> range:
        return range(self.low, self.high + 1)

    def counts(self, index: int) -> dict[int, int]:
        row = self.statements[index].counts
        return {v: row[i] if i < len(row) else 0 for i, v in enumerate(self.values)}

    def choose(self, texts: list[str] | tuple[str, ...]) -> Repeat:
        """Only the statements named (in their own order)."""
        wanted = {text.casefold() for text in texts}
        kept = tuple(s for s in self.statements if s.text.casefold() in wanted)
        return Repeat(
            self.from_session, self.from_date, self.title, self.low, self.high, self.labels, kept
        )

    def to_doc(self) -> dict[str, Any]:
        return {
            "from_session": self.from_session,
            "from_date": self.from_date,
            "title": self.title,
            "low": self.low,
            "high": self.high,
            "labels": list(self.labels),
            "statements": [{"text": s.text, "counts": list(s.counts)} for s in self.statements],
        }

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> Repeat:
        low, high = as_int(doc.get("low"), 1), as_int(doc.get("high"), 5)
        if not 0 <= low < high <= 9:
            low, high = 1, 5
        width = high - low + 1
        statements = []
        for raw in doc.get("statements") or []:
            if not isinstance(raw, Mapping):
                continue
            cells = raw.get("counts") if isinstance(raw.get("counts"), list) else []
            row = [max(0, as_int(c)) for c in cells or []][:width]
            statements.append(
                EarlierStatement(str(raw.get("text", "")), tuple(row + [0] * (width - len(row))))
            )
        return cls(
            str(doc.get("from_session", "")),
            str(doc.get("from_date", "")),
            str(doc.get("title", "")),
            low,
            high,
            as_texts(doc.get("labels")),
            tuple(statements),
        )


@dataclass(frozen=True)
class Change:
    """One statement, last time and now."""

    statement: str
    last: dict[int, int]
    now: dict[int, int]

    @property
    def last_hands(self) -> int:
        return sum(self.last.values())

    @property
    def now_hands(self) -> int:
        return sum(self.now.values())

    @property
    def last_average(self) -> float | None:
        return _average(self.last)

    @property
    def now_average(self) -> float | None:
        return _average(self.now)

    @property
    def change(self) -> float | None:
        last, now = self.last_average, self.now_average
        return None if last is None or now is None else now - last


def earlier_scales(info: SessionInfo, store: SessionStore) -> Repeat | None:
    """What an earlier session's scales could carry into the next one: every statement that was
    answered, with its hands and phones; statements of a scale on another range than the first
    marked (or first) scale are left out. None when no scale was answered."""
    phones = AnswerBook(store)
    found: list[tuple[ScaleState, dict[int, dict[int, int]]]] = []
    for segment_id, doc in store.items(EXERCISES_TABLE):
        if doc.get("format") != ExerciseFormat.SCALE.value:
            continue
        state = ScaleKind().load(stored_doc(store, segment_id) or doc)
        extra = phones.scale_counts(segment_id)
        if any(state.stats(i, extra.get(i)).hands for i in range(len(state.statements))):
            found.append((state, extra))
    if not found:
        return None
    first = next((s for s, _ in found if s.repeat), found[0][0])
    statements: dict[str, EarlierStatement] = {}
    for state, extra in found:
        if (state.low, state.high) != (first.low, first.high):
            continue
        for index, text in enumerate(state.statements):
            stats = state.stats(index, extra.get(index))
            if stats.hands:
                counts = tuple(stats.counts[v] for v in state.values)
                statements[text.casefold()] = EarlierStatement(text, counts, state.repeat)
    return Repeat(
        info.id,
        info.details.date,
        "",
        first.low,
        first.high,
        first.labels,
        tuple(statements.values()),
    )


def stored_repeat(store: SessionStore) -> Repeat | None:
    doc = store.get(REPEAT_TABLE, "1")
    return Repeat.from_doc(doc) if doc else None


def save_repeat(store: SessionStore, repeat: Repeat) -> ScaleState:
    """Keep `repeat` in the session, with the scale that asks its statements again (a state
    already counted is kept)."""
    store.put(REPEAT_TABLE, "1", repeat.to_doc())
    state = ScaleState(
        tuple(s.text for s in repeat.statements),
        repeat.low,
        repeat.high,
        repeat.labels,
        repeat=True,
    )
    if store.get(EXERCISES_TABLE, REPEAT_ITEM_ID) is None:
        doc = {"segment_id": REPEAT_ITEM_ID, "title": repeat.title, "format": "scale"}
        store.put(EXERCISES_TABLE, REPEAT_ITEM_ID, {**doc, **state.to_doc()})
    return state


def repeat_segment(repeat: Repeat, language: str | None) -> Segment:
    """The exercise that asks the statements again: a count, then last time beside now."""
    date = _date(repeat.from_date, language)

    def minutes(value: int) -> Minutes:
        return Minutes(dict.fromkeys(range(SHORTEST_SESSION, LONGEST_SESSION + 1), value))

    count_body = t("repeat.count_body", language=language, date=date)
    result_body = t("repeat.result_body", language=language, date=date)
    steps = (
        Step(
            t("repeat.count_step", language=language),
            count_body,
            tuple(s.text for s in repeat.statements),
            minutes(COUNT_MINUTES),
            StepMode.PLENUM,
            line=0,
            prose=count_body,
            notes=t("repeat.count_notes", language=language),
        ),
        Step(
            t("repeat.result_step", language=language),
            result_body,
            (),
            minutes(RESULT_MINUTES),
            StepMode.PLENUM,
            line=0,
            show_results=True,
            prose=result_body,
        ),
    )
    from sessions.exercises.scale import ScaleOptions

    return Segment(
        REPEAT_ITEM_ID,
        repeat.title,
        SegmentKind.EXERCISE,
        Minutes({}),  # in no plan of the theme: only this session's agenda holds it
        line=0,
        format=ExerciseFormat.SCALE,
        steps=steps,
        options=ScaleOptions(repeat.low, repeat.high, repeat.labels, repeat=True),
    )


def with_repeat(theme: Theme, store: SessionStore, language: str | None) -> Theme:
    """`theme` with the session's statements asked again as one more segment, when it has any."""
    from dataclasses import replace

    if theme.segment(REPEAT_ITEM_ID) is not None:
        return theme
    repeat = stored_repeat(store)
    if repeat is None:
        return theme
    return replace(theme, segments=(*theme.segments, repeat_segment(repeat, language)))


def changes(
    repeat: Repeat, state: ScaleState, phones: Mapping[int, Mapping[int, int]]
) -> list[Change]:
    """Each statement asked again: last time's distribution and today's (hands and phones)."""
    result = []
    by_text = {s.text.casefold(): i for i, s in enumerate(repeat.statements)}
    for index, text in enumerate(state.statements):
        earlier = by_text.get(text.casefold())
        last = repeat.counts(earlier) if earlier is not None else dict.fromkeys(state.values, 0)
        now = state.stats(index, dict(phones.get(index, {}))).counts
        result.append(Change(text, last, now))
    return result


def session_changes(store: SessionStore) -> tuple[Repeat, list[Change]] | None:
    """The session's statements asked again and how they moved, or None."""
    repeat = stored_repeat(store)
    doc = stored_doc(store, REPEAT_ITEM_ID)
    if repeat is None or doc is None:
        return None
    state = ScaleKind().load(doc)
    return repeat, changes(repeat, state, AnswerBook(store).scale_counts(REPEAT_ITEM_ID))


def _date(value: str, language: str | None) -> str:
    from sessions.export.dates import long_date

    try:
        return long_date(value, language)
    except ValueError:
        return value
