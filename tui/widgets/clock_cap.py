"""How many rows the page's content leaves the wall's clock, decided from measurements taken
after each layout, so that the clock settles on one size whatever order the layouts come in.

A measurement can be taken while the layout is still catching up (text or a list laid out
before its final width is measured too tall for a moment), and an exercise that fills the rest
shows less when the clock takes more (a scale windows its statements). So the cap shrinks at
once, grows only on the same measurement seen twice in a row and only while the exercise shows
all it has, and if the exercise then has to leave items out ("▼ n mere"), goes back to the size
it grew from and stays there: the content comes first, and the clock never swings.
"""

from __future__ import annotations


class ClockCap:
    """The cap for one page at one size; `reset` for another page or size."""

    def __init__(self) -> None:
        self.rows: int | None = None
        """The rows the content leaves the clock; None: not yet less than its share."""
        self._last_left: int | None = None
        self._grew_from: int | None = None
        self._may_grow = True

    def reset(self) -> None:
        self.rows = self._last_left = self._grew_from = None
        self._may_grow = True

    def measured(self, left: int | None, clock_rows: int, *, held_back: bool) -> bool:
        """Take a measurement: `left` rows left by the content as laid out now (None before
        the first layout), the clock given `clock_rows`, the exercise leaving items out or
        not. True when the cap changed: the clock is to be fitted again."""
        seen_before, self._last_left = self._last_left, left
        rows = self.rows
        if held_back and self._grew_from is not None:
            rows, self._grew_from, self._may_grow = self._grew_from, None, False
        elif left is not None and left < clock_rows:
            rows = left
        elif (
            self._may_grow
            and not held_back
            and rows is not None
            and left is not None
            and left > rows
            and left == seen_before
        ):
            self._grew_from, rows = rows, left
        changed, self.rows = rows != self.rows, rows
        return changed
