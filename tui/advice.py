"""What the status line says about the time: ahead or behind, and what `j` would do, as one
calm line."""

from __future__ import annotations

from sessions.agenda.rebalance import Change, Rebalance
from sessions.i18n import t
from sessions.live import LiveSession


def describe(changes: tuple[Change, ...]) -> str:
    return ", ".join(
        t("advice.skip", title=c.title)
        if c.skipped
        else t("advice.change", title=c.title, old=c.before, new=c.after)
        for c in changes
    )


def advice_line(live: LiveSession) -> str:
    """ "j: Oplæg 2 15→12 min, …" when the session is behind or far ahead and `j` would help."""
    if not live.pace().suggests:
        return ""
    preview = live.rebalance()
    if preview.empty:
        return ""
    line = t("advice.line", changes=describe(preview.changes))
    if preview.missing:
        line += " " + t("advice.missing", minutes=preview.missing)
    return line


def summary(preview: Rebalance) -> str:
    """What was done, for the status line."""
    return t("rebalance.done", changes=describe(preview.changes))
