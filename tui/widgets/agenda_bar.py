"""A thin bar of the whole agenda: each item as wide as its minutes, the current one marked,
and a tick where the session would be if it ran exactly to plan."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from sessions.schedule import Schedule

DONE_STYLE = "#5f5f5f"
CURRENT_STYLE = "#ffd75f"
LATER_STYLE = "#303030"
NOW_STYLE = "bold #ffffff"


def spans(schedule: Schedule, width: int) -> list[tuple[str, int]]:
    """(item id, cells) for each active item, filling `width` exactly."""
    items = schedule.active
    total = sum(item.minutes for item in items) or 1
    result, used, running = [], 0, 0
    for item in items:
        running += item.minutes
        end = round(running / total * width)
        result.append((item.id, max(0, end - used)))
        used = end
    return result


class AgendaBar(Widget):
    """One row: done items grey, the current item yellow, later items dark; `│` = on plan."""

    DEFAULT_CSS = """
    AgendaBar {
        height: 1;
        width: 100%;
    }
    """

    state: reactive[tuple[object, ...]] = reactive(())

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._schedule: Schedule | None = None
        self._current = ""
        self._progress = 0.0

    def show(self, schedule: Schedule, current_id: str, progress: float) -> None:
        """Repaints only when something visible changes."""
        self._schedule, self._current, self._progress = schedule, current_id, progress
        self.state = (id(schedule), current_id, round(progress * max(1, self.size.width)))

    def render(self) -> Content:
        width = self.size.width
        if self._schedule is None or width <= 0:
            return Content("")
        parts: list[tuple[str, str]] = []
        seen_current = False
        for item_id, cells in spans(self._schedule, width):
            if item_id == self._current:
                seen_current = True
                parts.append(("━" * cells, CURRENT_STYLE))
            else:
                parts.append(("━" * cells, LATER_STYLE if seen_current else DONE_STYLE))
        text = Content.assemble(*parts)
        tick = min(width - 1, int(self._progress * width))
        return text[:tick] + Content.styled("│", NOW_STYLE) + text[tick + 1 :]
