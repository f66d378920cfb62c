"""The start screen's list of earlier sessions, laid out a screenful at a time.

An `OptionList` measures every option it holds (the wrapped height of each line) before it can
paint: with 500 sessions that made the first screen wait for 500 lines nobody sees. This one
holds the first `FIRST` options and adds the rest, `CHUNK` at a time, as the cursor or the
scrolling comes near the end of what it holds (or at once, for End or a jump to an option
further down), so a data folder of 500 sessions opens as fast as an empty one.
"""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option

FIRST = 60
"""Options laid out at once: more than a screen shows."""
CHUNK = 100
NEAR_END = 10
"""How close (in options or lines) to the end of what is held the rest begins to be added."""


class SessionList(OptionList):
    """An `OptionList` of many options that lays out only the first ones up front."""

    def __init__(self, *, markup: bool = False, id: str | None = None) -> None:  # noqa: A002
        super().__init__(markup=markup, id=id)
        self._waiting: list[Option] = []

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self._scrolled, init=False)

    @property
    def total(self) -> int:
        """Every option, held or still waiting."""
        return self.option_count + len(self._waiting)

    def show_options(self, options: list[Option], highlighted: int | None = None) -> None:
        """Replace the options, holding the first ones (and any up to `highlighted`, which
        is then highlighted)."""
        self.clear_options()
        wanted = max(FIRST, (highlighted or 0) + NEAR_END)
        self._waiting = options[wanted:]
        self.add_options(options[:wanted])
        if highlighted is not None and options:
            self.highlighted = min(highlighted, len(options) - 1)

    def hold_up_to(self, index: int) -> None:
        """Make sure option `index` (and a few after it) is held."""
        missing = index + NEAR_END - self.option_count
        if missing > 0 and self._waiting:
            count = max(missing, CHUNK)
            self.add_options(self._waiting[:count])
            del self._waiting[:count]

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None:
            self.hold_up_to(highlighted)

    def _scrolled(self, scroll_y: float) -> None:
        if self._waiting and scroll_y + self.size.height + NEAR_END >= self.virtual_size.height:
            self.hold_up_to(self.option_count)

    def action_last(self) -> None:
        self.hold_up_to(self.total)
        super().action_last()
