"""What the status line says about the time, and what `j` would do, as one calm line."""

from __future__ import annotations

from sessions.i18n import t
from sessions.live import LiveSession
from sessions.schedule import Adjustment, suggest
from sessions.timing import Pace, pace


def suggestion(live: LiveSession) -> list[Adjustment]:
    """The changes that would make the session end on time (shortening never drops an item)."""
    timing = live.timing()
    behind = round(timing.behind / 60)
    if live.started_at is None or pace(timing) in (Pace.ON_TIME, Pace.PAUSED):
        return []
    return [c for c in suggest(live.schedule, live.page.segment.id, behind) if not c.skips]


def describe(changes: list[Adjustment]) -> str:
    return ", ".join(
        t("advice.change", title=c.title, old=c.old_minutes, new=c.new_minutes) for c in changes
    )


def advice_line(live: LiveSession) -> str:
    """ "j: Oplæg 2 15→12 min, …" when a change would help, else nothing."""
    changes = suggestion(live)
    return t("advice.line", changes=describe(changes)) if changes else ""
