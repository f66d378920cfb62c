"""A thin bar of the whole agenda: each item as wide as its minutes, the current one marked,
and a tick where the session would be if it ran exactly to plan."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from sessions.agenda.schedule import Schedule

STYLES = {
    "done": "$text-muted",
    "current": "bold $primary",
    "later": "$border-blurred",
    "now": "bold $foreground",
}
GLYPHS = {"done": "━", "current": "━", "later": "─"}
"""What is still to come is a thin line, what is done a thick one: not by colour alone."""


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
    """One row: done items dim and thick, the current item bright, later items thin; `│` = on
    plan."""

    DEFAULT_CSS = """
    AgendaBar { height: 1; width: 100%; }
    """

    schedule: reactive[Schedule | None] = reactive(None)
    """The agenda as it stands."""
    current: reactive[str] = reactive("")
    """The id of the item the session is in."""
    tick: reactive[int] = reactive(0)
    """Where the planned timeline is now, in cells."""

    def show(self, schedule: Schedule, current_id: str, progress: float) -> None:
        """Repaints only when something visible changes (reactives compare)."""
        self.schedule = schedule
        self.current = current_id
        self.tick = min(max(0, self.size.width - 1), int(progress * self.size.width))

    def render(self) -> Content:
        width = self.size.width
        if self.schedule is None or width <= 0:
            return Content("")
        parts: list[tuple[str, str]] = []
        seen_current = False
        for item_id, cells in spans(self.schedule, width):
            if item_id == self.current:
                seen_current = True
                name = "current"
            else:
                name = "later" if seen_current else "done"
            parts.append((GLYPHS[name] * cells, STYLES[name]))
        text = Content.assemble(*parts)
        return text[: self.tick] + Content.styled("│", STYLES["now"]) + text[self.tick + 1 :]
