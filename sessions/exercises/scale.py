"""A scale: statements answered by a show of hands (or by phones), counted per value, with the
distribution and the average of each statement."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from sessions.exercises.base import (
    Document,
    ExerciseKind,
    ExerciseResult,
    as_int,
    as_texts,
    split_list,
)
from sessions.exercises.phone import AnswerMode, PhoneAsk, PhoneCounts
from sessions.i18n import t
from sessions.theme.model import ExerciseFormat, Segment
from sessions.theme.problems import Problem, problem

UNDO_DEPTH = 50
LOWEST_IN_HIGHLIGHTS = 2
SMALL_GROUP = 10
"""In a room this small a lone answer can be told apart: the per-value counts are shown only
on a result step, once the counting is over (see `counts_shown`)."""
_RANGE = re.compile(r"\s*(\d)\s*-\s*(\d)\s*")
_YES = {"yes": True, "ja": True, "no": False, "nej": False}


def counts_shown(participants: int, results: bool) -> bool:
    """Whether the room may see a scale's hands per value: always on a result step; while
    counting, only in a group larger than `SMALL_GROUP`."""
    return results or participants > SMALL_GROUP


@dataclass(frozen=True)
class ScaleOptions:
    low: int = 1
    high: int = 5
    labels: tuple[str, ...] = ()
    repeat: bool = False
    """`repeat: yes`: offered to be asked again when the workplace is followed up."""

    @property
    def values(self) -> range:
        return range(self.low, self.high + 1)


def label_for(options: ScaleOptions | ScaleState, value: int) -> str:
    """The meaning of `value`: one label per value, or the two ends' labels."""
    labels = options.labels
    values = range(options.low, options.high + 1)
    if len(labels) == len(values):
        return labels[value - options.low]
    if len(labels) == 2 and value in (options.low, options.high):
        return labels[0] if value == options.low else labels[1]
    return ""


def legend(options: ScaleOptions | ScaleState) -> list[tuple[int, str]]:
    """The values that have a label, with it: what the scale means."""
    values = range(options.low, options.high + 1)
    return [(v, label) for v in values if (label := label_for(options, v))]


@dataclass(frozen=True)
class StatementStats:
    statement: str
    counts: dict[int, int]
    hands: int
    average: float | None


@dataclass(frozen=True)
class ScaleState:
    """Hands per value for each statement; the selected statement gets the next hand."""

    statements: tuple[str, ...]
    low: int = 1
    high: int = 5
    labels: tuple[str, ...] = ()
    counts: tuple[tuple[int, ...], ...] = ()
    """Per statement, the hands per value from `low` to `high`."""
    selected: int = 0
    history: tuple[tuple[int, int], ...] = ()
    """The last hands counted, (statement, value), newest last: what `undo` takes back."""
    repeat: bool = False
    """Its statements are offered to be asked again at the workplace's next session."""

    @property
    def values(self) -> range:
        return range(self.low, self.high + 1)

    def row(self, statement: int) -> dict[int, int]:
        if statement >= len(self.counts):
            return dict.fromkeys(self.values, 0)
        return dict(zip(self.values, self.counts[statement], strict=True))

    def stats(self, statement: int, extra: Mapping[int, int] | None = None) -> StatementStats:
        """The distribution of `statement` (plus answers counted elsewhere, such as phones)."""
        row = self.row(statement)
        for value, count in (extra or {}).items():
            if value in row:
                row[value] += count
        hands = sum(row.values())
        mean = sum(v * n for v, n in row.items()) / hands if hands else None
        return StatementStats(self.statements[statement], row, hands, mean)

    def add_hand(self, value: int) -> ScaleState:
        """One more hand on `value` for the selected statement."""
        if value not in self.values or not self.statements:
            return self
        counts = self._grid()
        counts[self.selected][value - self.low] += 1
        history = (*self.history, (self.selected, value))[-UNDO_DEPTH:]
        return replace(self, counts=tuple(map(tuple, counts)), history=history)

    def undo(self) -> ScaleState | None:
        """Take back the last hand counted (on whichever statement), or None."""
        if not self.history:
            return None
        statement, value = self.history[-1]
        counts = self._grid()
        row = counts[statement]
        row[value - self.low] = max(0, row[value - self.low] - 1)
        return replace(
            self, counts=tuple(map(tuple, counts)), history=self.history[:-1], selected=statement
        )

    def select(self, offset: int) -> ScaleState:
        if not self.statements:
            return self
        target = min(max(self.selected + offset, 0), len(self.statements) - 1)
        return replace(self, selected=target)

    def _grid(self) -> list[list[int]]:
        width = len(self.values)
        return [
            list(self.counts[i]) if i < len(self.counts) else [0] * width
            for i in range(len(self.statements))
        ]

    def to_doc(self) -> Document:
        return {
            "statements": list(self.statements),
            "low": self.low,
            "high": self.high,
            "labels": list(self.labels),
            "counts": [list(row) for row in self.counts],
            "selected": self.selected,
            "history": [list(h) for h in self.history],
            **({"repeat": True} if self.repeat else {}),
        }


def scale_options(segment: Segment) -> ScaleOptions:
    options = segment.options
    return options if isinstance(options, ScaleOptions) else ScaleOptions()


def decimal(value: float, language: str | None) -> str:
    """`3.4` → `3,4` in Danish, `3.4` in English."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if t("decimal.comma", language=language) == "," else text


class ScaleKind(ExerciseKind[ScaleState]):
    format: ClassVar[ExerciseFormat] = ExerciseFormat.SCALE
    settings: ClassVar[frozenset[str]] = frozenset({"scale", "labels", "repeat"})

    def parse_options(self, settings: Mapping[str, str], line: int) -> tuple[object, list[Problem]]:
        match = _RANGE.fullmatch(settings.get("scale", ""))
        if not match or not 0 <= int(match.group(1)) < int(match.group(2)) <= 9:
            return ScaleOptions(), [problem(line, "theme.problem.scale_range")]
        repeat = _YES.get(settings.get("repeat", "no").strip().lower())
        if repeat is None:
            return ScaleOptions(), [problem(line, "theme.problem.yes_no", key="repeat")]
        options = ScaleOptions(int(match.group(1)), int(match.group(2)), repeat=repeat)
        labels = split_list(settings.get("labels", ""))
        if labels and len(labels) not in (2, len(options.values)):
            return options, [
                problem(line, "theme.problem.scale_labels", values=len(options.values))
            ]
        return replace(options, labels=labels), []

    def shows_list(self, segment: Segment, index: int) -> bool:
        return index == 0

    def check(self, segment: Segment) -> list[Problem]:
        if not segment.steps or not segment.steps[0].questions:
            line = segment.steps[0].line if segment.steps else segment.line
            return [problem(line, "theme.problem.scale_statements", segment=segment.title)]
        return []

    def initial(self, segment: Segment, participants: int) -> ScaleState:
        options = scale_options(segment)
        statements = segment.steps[0].questions if segment.steps else ()
        return ScaleState(
            statements, options.low, options.high, options.labels, repeat=options.repeat
        )

    def load(self, doc: Mapping[str, Any]) -> ScaleState:
        statements = as_texts(doc.get("statements"))
        low, high = as_int(doc.get("low"), 1), as_int(doc.get("high"), 5)
        if "scale" in doc and "low" not in doc:  # the first format: "1-5" and counts by value
            match = _RANGE.fullmatch(str(doc["scale"]))
            if match:
                low, high = int(match.group(1)), int(match.group(2))
        if not 0 <= low < high <= 9:
            low, high = 1, 5
        width = high - low + 1
        raw_counts = doc.get("counts", [])
        counts: list[tuple[int, ...]] = []
        for index in range(len(statements)):
            if isinstance(raw_counts, Mapping):
                by_value = raw_counts.get(str(index), {}) or {}
                row = [as_int(by_value.get(str(v))) for v in range(low, high + 1)]
            elif isinstance(raw_counts, list) and index < len(raw_counts):
                cells = raw_counts[index] if isinstance(raw_counts[index], list) else []
                row = [as_int(c) for c in cells][:width]
            else:
                row = []
            counts.append(tuple(max(0, n) for n in row + [0] * (width - len(row))))
        history = tuple(
            (as_int(h[0]), as_int(h[1]))
            for h in doc.get("history", []) or []
            if isinstance(h, list) and len(h) == 2
        )
        selected = min(max(as_int(doc.get("selected")), 0), max(len(statements) - 1, 0))
        return ScaleState(
            statements,
            low,
            high,
            as_texts(doc.get("labels")),
            tuple(counts),
            selected,
            history,
            repeat=doc.get("repeat") is True,
        )

    def result(
        self,
        state: ScaleState,
        title: str,
        segment_id: str,
        language: str | None,
        participants: int = 0,
        extra: Mapping[int, Mapping[int, int]] | None = None,
    ) -> ExerciseResult | None:
        stats = [state.stats(i, (extra or {}).get(i)) for i in range(len(state.statements))]
        if not any(s.hands for s in stats):
            return None
        headers = [
            t("export.col.statement", language=language),
            *map(str, state.values),
            t("export.col.average", language=language),
            t("export.col.hands", language=language),
        ]
        rows = [
            [
                s.statement,
                *(str(s.counts[v]) for v in state.values),
                "–" if s.average is None else decimal(s.average, language),
                str(s.hands),
            ]
            for s in stats
        ]
        meaning = " · ".join(f"{value} = {label}" for value, label in legend(state))
        lines = [meaning] if meaning else []
        lines += [
            t(
                "export.too_many_hands",
                language=language,
                statement=s.statement,
                hands=s.hands,
                participants=participants,
            )
            for s in stats
            if participants and s.hands > participants
        ]
        answered = [s for s in stats if s.average is not None]
        lowest = sorted(answered, key=lambda s: s.average or 0.0)
        lowest = lowest[: LOWEST_IN_HIGHLIGHTS if len(answered) > LOWEST_IN_HIGHLIGHTS else 1]
        highlights = [
            t(
                "export.highlight.scale",
                language=language,
                statement=s.statement,
                average=decimal(s.average or 0.0, language),
                low=state.low,
                high=state.high,
            )
            for s in lowest
        ]
        numeric = tuple(range(1, len(headers)))
        return ExerciseResult(
            title, segment_id, self.format.value, lines, headers, rows, highlights, numeric
        )

    def result_with_phones(
        self,
        state: ScaleState,
        title: str,
        segment_id: str,
        language: str | None,
        participants: int,
        phones: PhoneCounts,
    ) -> ExerciseResult | None:
        counts = phones.scale_counts(segment_id)
        return self.result(state, title, segment_id, language, participants, extra=counts)

    def phone_mode(self, segment: Segment, page_index: int) -> AnswerMode | None:
        # Phones answer on the step where hands are counted (the first); later steps discuss.
        return AnswerMode.SCALE if page_index == 0 else None

    def phone_ask(self, segment: Segment, state: ScaleState | None) -> PhoneAsk | None:
        if state is None:
            return None
        values = tuple((value, label_for(state, value)) for value in state.values)
        return PhoneAsk(
            AnswerMode.SCALE, statements=state.statements, values=values, shows_prompt=False
        )
