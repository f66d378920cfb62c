"""The consultant's line of facts: where the session is and how it stands in time — the clock,
time left in the item, elapsed, the planned end, ahead or behind with what `j` would do — and one
calm line for messages. On the console it is two lines with the agenda bar; in the single window
it shrinks to one discreet line."""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.widgets import Label

from sessions.agenda.timing import Pace, PaceReading, TimingStatus, pace
from sessions.export.dates import clock as clock_time
from sessions.i18n import t
from sessions.live import LiveSession
from sessions.storage.changes import Part
from tui.advice import advice_line
from tui.changes import follow_changes
from tui.widgets.agenda_bar import AgendaBar
from tui.widgets.join_status import JoinStatus
from tui.widgets.text_line import TextLine

MESSAGE_SECONDS = 6.0
ERROR_SECONDS = 20.0


def _hours_minutes(seconds: float) -> str:
    minutes = int(seconds // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


SEPARATORS = (", ", " · ", " — ", "; ")


def shortened(text: str, width: int) -> str:
    """`text` in `width` cells, shortened by whole parts (at a comma, a dot or a dash) with
    "…" for what is left out — never cut in the middle of a word."""
    if len(text) <= width:
        return text
    cut = max((text.rfind(sep, 0, max(0, width - 2)) for sep in SEPARATORS), default=-1)
    if cut <= 0:
        cut = text.rfind(" ", 0, max(0, width - 2))
    return (text[:cut].rstrip(" ,·—;") + " …") if cut > 0 else text


def clock(seconds: float) -> str:
    """A clock time as everywhere in oplaeg (the agenda, the referat's time log): the minute
    it is in, never rounded up — one rule, so the end in the header and in the time log agree."""
    return clock_time(seconds)


class StatusBar(Vertical):
    """Reads the session once a second and at every change to what it shows (`tui.changes`);
    labels repaint only when their text changes."""

    DEFAULT_CSS = """
    StatusBar { height: auto; background: $panel; color: $foreground; }
    StatusBar Horizontal { height: 1; }
    StatusBar Label { width: auto; padding: 0 1; }
    StatusBar #status-segment {
        width: 1fr; text-style: bold; text-overflow: ellipsis; text-wrap: nowrap;
    }
    StatusBar #status-position { color: $primary; }
    StatusBar #agenda-bar { width: 1fr; margin: 0 1; }
    StatusBar #status-pace.-behind { background: $accent; color: $background; text-style: bold; }
    StatusBar #status-pace.-ahead, StatusBar #status-pace.-far_ahead { color: $success; }
    StatusBar #status-pace.-paused { background: $warning; color: $background; text-style: bold; }
    StatusBar #status-messages { height: auto; }
    StatusBar #status-message { width: 1fr; height: auto; color: $text-muted; }
    StatusBar #status-message.-error { color: $error; text-style: bold; }
    StatusBar #status-message.-warning { color: $warning; }
    StatusBar.-compact #status-top, StatusBar.-compact #agenda-bar { display: none; }
    StatusBar.-compact #status-item-left {
        width: 1fr; text-overflow: ellipsis; text-wrap: nowrap;
    }
    StatusBar.-compact #status-messages.-empty { display: none; }
    """

    compact: var[bool] = var(False, init=False)
    """The single window's one discreet line (the screen's layout sets it); the lines say
    more, or less, at once."""

    def __init__(self, live: LiveSession, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.live = live
        self._message_until = 0.0
        self.advice = ""
        """What `j` would change, as one line (read again when the page, the agenda or the
        clocks change)."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="status-top"):
            yield TextLine(id="status-segment")
            yield TextLine(id="status-position")
            yield TextLine(id="status-clock")
        with Horizontal(id="status-bottom"):
            yield AgendaBar(id="agenda-bar")
            yield TextLine(id="status-item-left")
            yield TextLine(id="status-timing")
            yield TextLine(id="status-pace")
        with Horizontal(id="status-messages"):
            yield TextLine(id="status-message")
            yield JoinStatus(live=self.live, id="status-join")

    def on_mount(self) -> None:
        self.set_interval(1.0, self.tick)
        self.advice = advice_line(self.live)
        self.tick()
        timing = Part.PAGE | Part.AGENDA | Part.TIMERS | Part.SESSION
        follow_changes(self, timing | Part.JOIN | Part.ANSWERS | Part.SLIPS, self._changed)

    def watch_compact(self, compact: bool) -> None:
        self.set_class(compact, "-compact")
        if self.is_mounted:
            self.tick()

    def _changed(self, parts: Part) -> None:
        if parts & (Part.PAGE | Part.AGENDA | Part.TIMERS):
            self.advice = advice_line(self.live)
        if parts & ~(Part.JOIN | Part.ANSWERS | Part.SLIPS):
            self.tick()
        else:  # only the phones: their line alone (a flood of answers costs no timing)
            self.query_one(JoinStatus).show_line()
            self._hide_if_empty()

    def tick(self) -> None:
        """Read the session's timing and show it (once a second, and at a change)."""
        live = self.live
        timing = live.timing()
        compact = self.compact
        now = live.clock.wall()
        started = (
            f" · {t('status.started', time=clock(timing.started_at))}" if timing.started_at else ""
        )
        self._set("#status-segment", f"{live.theme.title} · {live.page.segment.title}")
        self._set("#status-position", f"{live.position + 1}/{len(live.pages)}")
        self._set("#status-clock", t("status.clock", time=clock(now)) + started)
        self.query_one(AgendaBar).show(live.schedule, live.page.segment.id, timing.progress)
        left_minutes = math.ceil(abs(timing.item_left) / 60)
        item_left = t(
            "status.item_left" if timing.item_left >= 0 else "status.item_over",
            minutes=left_minutes,
        )
        if compact:
            item_left = (
                f"{live.page.segment.title} · {live.position + 1}/{len(live.pages)} · {item_left}"
            )
        self._set("#status-item-left", item_left)
        self._set("#status-timing", self._timing_text(timing))
        current = pace(timing)  # the timing just read, not a second reading
        label = self.query_one("#status-pace", Label)
        for name in Pace:
            label.set_class(current.pace is name, f"-{name.value}")
        label.set_class(current.paused, "-paused")
        self._set("#status-pace", self._pace_text(current))
        if now >= self._message_until:
            self._show_message(self._fitted_advice(), "")
        self.query_one(JoinStatus).show_line()
        self._hide_if_empty()

    def _hide_if_empty(self) -> None:
        """In the single window the room sees this line too: it takes no room when it says
        nothing."""
        empty = (
            not self.query_one("#status-message", TextLine).text
            and not self.query_one(JoinStatus).display
        )
        self.query_one("#status-messages").set_class(empty, "-empty")

    def _timing_text(self, timing: TimingStatus) -> str:
        if timing.started_at is None or timing.planned_end is None:
            return t("status.not_started")
        text = t(
            "status.timing", elapsed=_hours_minutes(timing.elapsed), end=clock(timing.planned_end)
        )
        if timing.paused_seconds >= 60:
            text += " · " + t("status.paused_minutes", minutes=int(timing.paused_seconds // 60))
        return text

    @staticmethod
    def _pace_text(current: PaceReading) -> str:
        if current.paused:
            return t("status.pace.paused")
        return t(f"status.pace.{current.pace.value}", minutes=current.minutes)

    def say(self, text: str, severity: str = "information") -> None:
        """Show a message in the status line for a few seconds (errors longer)."""
        seconds = ERROR_SECONDS if severity == "error" else MESSAGE_SECONDS
        self._message_until = self.live.clock.wall() + seconds
        self._show_message(text, severity)
        self._hide_if_empty()

    def _fitted_advice(self) -> str:
        """What `j` would change is a standing hint: one line, shortened by whole parts, so
        the page keeps its rows (a message the consultant caused wraps instead). Never in the
        single window: the room sees it, and the agenda's arithmetic is the consultant's."""
        if self.compact:
            return ""
        join = self.query_one(JoinStatus)
        room = self.size.width - (join.outer_size.width if join.display else 0) - 2
        return shortened(self.advice, room) if room > 10 else self.advice

    def on_resize(self) -> None:
        self._refit_advice()

    def on_join_status_resized(self, event: JoinStatus.Resized) -> None:
        event.stop()
        self._refit_advice()

    def _refit_advice(self) -> None:
        if self.live.clock.wall() >= self._message_until:
            self._show_message(self._fitted_advice(), "")

    def _show_message(self, text: str, severity: str) -> None:
        label = self.query_one("#status-message", Label)
        label.set_class(severity == "error", "-error")
        label.set_class(severity == "warning", "-warning")
        self._set("#status-message", text)

    def _set(self, selector: str, text: str) -> None:
        self.query_one(selector, TextLine).text = text
