"""A table whose columns share its width, so long text wraps onto more lines instead of running
off to the right (an action's "hvornår" must never be cut to "1. mart")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual import events
from textual.widgets import DataTable

MIN_COLUMN = 6


class WrappingTable(DataTable[Any]):
    """A `DataTable` with columns given as (label, share of the width); rows grow to fit."""

    def __init__(self, columns: Sequence[tuple[str, float]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._shares = list(columns)
        self._rows: list[tuple[tuple[Text, ...], str | None]] = []

    def on_mount(self) -> None:
        for index, (label, _) in enumerate(self._shares):
            self.add_column(label, key=str(index))

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def fill(self, rows: Sequence[tuple[Sequence[Text], str | None]]) -> None:
        """Show `rows` (cells, key), keeping the cursor on its row where it can."""
        self._rows = [(tuple(cells), key) for cells, key in rows]
        self._fit()

    def _widths(self) -> list[int] | None:
        room = self.size.width - 2 * self.cell_padding * len(self._shares) - 1
        if room < MIN_COLUMN * len(self._shares):
            return None
        total = sum(share for _, share in self._shares)
        needs = [MIN_COLUMN] * len(self._shares)
        for cells, _ in self._rows:
            for index, cell in enumerate(cells[: len(needs)]):
                longest = max((len(word) for word in cell.plain.split()), default=0)
                needs[index] = max(needs[index], longest)
        widths = [
            max(need, int(room * share / total))
            for need, (_, share) in zip(needs, self._shares, strict=True)
        ]
        # A long word keeps its column wide enough; the others give up what it takes.
        while sum(widths) > room:
            spare = [width - need for width, need in zip(widths, needs, strict=True)]
            widest = max(range(len(widths)), key=lambda i: spare[i])
            if spare[widest] <= 0:
                break
            widths[widest] -= 1
        return widths

    def _fit(self) -> None:
        row = self.cursor_row
        widths = self._widths()
        self.clear()
        for (_, column), width in zip(self.columns.items(), widths or [], strict=False):
            column.auto_width = False
            column.width = width
        for cells, key in self._rows:
            self.add_row(*cells, key=key, height=None if widths else 1)
        if self.row_count:
            self.move_cursor(row=min(max(row, 0), self.row_count - 1))
