"""A sorting board (kan/skal, stop/start/fortsæt, stjerne/ønske …): items in columns, each
perhaps with the group's reason."""

from __future__ import annotations

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
from sessions.exercises.phone import AnswerMode, PhoneAsk, SlipTarget
from sessions.i18n import t
from sessions.theme.model import ExerciseFormat, Segment
from sessions.theme.problems import Problem, problem


@dataclass(frozen=True)
class SortingOptions:
    columns: tuple[str, ...]


@dataclass(frozen=True)
class BoardItem:
    text: str
    column: int
    reason: str = ""


@dataclass(frozen=True)
class BoardState:
    """The board. `selected` is an index into `items`; `removed` can be put back once."""

    columns: tuple[str, ...]
    items: tuple[BoardItem, ...] = ()
    selected: int = 0
    removed: tuple[int, BoardItem] | None = None

    def in_column(self, column: int) -> list[int]:
        """Indices of the items in `column`, in the order they were added."""
        return [i for i, item in enumerate(self.items) if item.column == column]

    def counts(self) -> list[int]:
        return [len(self.in_column(c)) for c in range(len(self.columns))]

    def reading_order(self) -> list[int]:
        """Item indices column by column."""
        return [i for c in range(len(self.columns)) for i in self.in_column(c)]

    @property
    def current(self) -> BoardItem | None:
        return self.items[self.selected] if 0 <= self.selected < len(self.items) else None

    @property
    def current_column(self) -> int:
        item = self.current
        return item.column if item else 0

    def add(self, text: str, column: int | None = None) -> BoardState:
        """A new item in `column` (default: the selected item's column), then selected."""
        target = self.current_column if column is None else column
        target = min(max(target, 0), max(len(self.columns) - 1, 0))
        items = (*self.items, BoardItem(text, target))
        return replace(self, items=items, selected=len(items) - 1)

    def move(self, offset: int) -> BoardState:
        """Move the selected item one column left (-1) or right (+1)."""
        item = self.current
        if item is None:
            return self
        column = min(max(item.column + offset, 0), len(self.columns) - 1)
        return self._replace_current(replace(item, column=column))

    def select(self, offset: int) -> BoardState:
        """The item before (-1) or after (+1) the selected one, column by column."""
        order = self.reading_order()
        if not order:
            return self
        position = order.index(self.selected) if self.selected in order else 0
        return replace(self, selected=order[min(max(position + offset, 0), len(order) - 1)])

    def select_column(self, offset: int) -> BoardState:
        """The first item of the next non-empty column to the left (-1) or right (+1)."""
        column = self.current_column + offset
        while 0 <= column < len(self.columns):
            items = self.in_column(column)
            if items:
                return replace(self, selected=items[0])
            column += offset
        return self

    def with_text(self, text: str) -> BoardState:
        item = self.current
        return self if item is None else self._replace_current(replace(item, text=text))

    def with_reason(self, reason: str) -> BoardState:
        item = self.current
        return self if item is None else self._replace_current(replace(item, reason=reason))

    def remove(self) -> BoardState:
        """Take the selected item off the board (`undo` puts it back)."""
        item = self.current
        if item is None:
            return self
        items = tuple(x for i, x in enumerate(self.items) if i != self.selected)
        order_before = self.reading_order()
        position = order_before.index(self.selected)
        following = [i if i < self.selected else i - 1 for i in order_before if i != self.selected]
        selected = following[min(position, len(following) - 1)] if following else 0
        return BoardState(self.columns, items, selected, (self.selected, item))

    def undo(self) -> BoardState | None:
        """Put the last removed item back where it was, or None when there is none."""
        if self.removed is None:
            return None
        index, item = self.removed
        index = min(index, len(self.items))
        items = (*self.items[:index], item, *self.items[index:])
        return BoardState(self.columns, items, index, None)

    def _replace_current(self, item: BoardItem) -> BoardState:
        items = list(self.items)
        items[self.selected] = item
        return replace(self, items=tuple(items))

    def to_doc(self) -> Document:
        return {
            "columns": list(self.columns),
            "items": [{"text": i.text, "column": i.column, "reason": i.reason} for i in self.items],
            "selected": self.selected,
            "removed": None
            if self.removed is None
            else {
                "index": self.removed[0],
                "text": self.removed[1].text,
                "column": self.removed[1].column,
                "reason": self.removed[1].reason,
            },
        }


def _item(doc: object) -> BoardItem | None:
    if not isinstance(doc, Mapping) or "text" not in doc:
        return None
    return BoardItem(
        str(doc["text"]), max(as_int(doc.get("column")), 0), str(doc.get("reason", ""))
    )


class SortingKind(ExerciseKind[BoardState]):
    format: ClassVar[ExerciseFormat] = ExerciseFormat.SORTING
    settings: ClassVar[frozenset[str]] = frozenset({"columns"})
    makes_list: ClassVar[bool] = True

    def columns(self, segment: Segment) -> tuple[str, ...]:
        options = segment.options
        return options.columns if isinstance(options, SortingOptions) else ()

    def parse_options(self, settings: Mapping[str, str], line: int) -> tuple[object, list[Problem]]:
        columns = split_list(settings.get("columns", ""))
        if len(columns) < 2:
            return SortingOptions(columns), [problem(line, "theme.problem.sorting_columns")]
        return SortingOptions(columns), []

    def initial(self, segment: Segment, participants: int) -> BoardState:
        options = segment.options
        columns = options.columns if isinstance(options, SortingOptions) else ()
        return BoardState(columns)

    def load(self, doc: Mapping[str, Any]) -> BoardState:
        items = tuple(i for i in map(_item, doc.get("items", []) or []) if i is not None)
        columns = as_texts(doc.get("columns"))
        width = max([len(columns), *(i.column + 1 for i in items)])
        columns = columns + tuple(str(n + 1) for n in range(len(columns), width))
        removed_doc = doc.get("removed")
        removed = _item(removed_doc)
        selected = min(max(as_int(doc.get("selected")), 0), max(len(items) - 1, 0))
        return BoardState(
            columns,
            items,
            selected,
            None
            if removed is None or not isinstance(removed_doc, Mapping)
            else (as_int(removed_doc.get("index")), removed),
        )

    def result(
        self,
        state: BoardState,
        title: str,
        segment_id: str,
        language: str | None,
        participants: int = 0,
    ) -> ExerciseResult | None:
        if not state.items:
            return None
        rows: list[list[str]] = []
        previous = None
        for item in (state.items[i] for i in state.reading_order()):
            name = state.columns[item.column]
            rows.append([name if name != previous else "", item.text, item.reason])  # grouped
            previous = name
        headers = [t(f"export.col.{c}", language=language) for c in ("column", "item", "reason")]
        if not any(item.reason for item in state.items):
            headers, rows = headers[:2], [row[:2] for row in rows]
        return ExerciseResult(title, segment_id, self.format.value, [], headers, rows, [])

    def listed(self, state: BoardState, column: str | None) -> list[str] | None:
        wanted = state.columns.index(column) if column in state.columns else None
        return [i.text for i in state.items if wanted is None or i.column == wanted]

    def phone_mode(self, segment: Segment, page_index: int) -> AnswerMode | None:
        return AnswerMode.SLIP

    def phone_ask(self, segment: Segment, state: BoardState | None) -> PhoneAsk | None:
        columns = state.columns if state is not None else self.columns(segment)
        return PhoneAsk(
            AnswerMode.SLIP, target=SlipTarget.COLUMN, columns=columns, shows_prompt=False
        )

    def take_text(self, state: BoardState | None, text: str, column: int) -> BoardState | None:
        return state.add(text, column) if state is not None else None
