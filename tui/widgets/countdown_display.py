"""The big timer: the remaining time in large digits, coloured by stage and said in words under
them ("Snart tid", "Sidste minut" in inverse video, "Tiden er gået" at zero), so no stage is
shown by colour alone.

It reads its countdown once a second, just after the digits change, on the window's one
timer for what shows time (`second_tick`): time is read from the stored deadline, never
counted, and it repaints only when the shown text or stage changes.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.message import Message
from textual.reactive import var

from sessions.agenda.countdown import (
    URGENT_SECONDS,
    Countdown,
    CountdownStage,
    format_clock,
    urgent_window,
)
from sessions.i18n import t
from tui.widgets.big_clock import BigClock
from tui.widgets.second_tick import second_tick
from tui.widgets.text_line import TextLine

_STAGE_CLASSES = {stage: f"-{stage.value}" for stage in CountdownStage}
_COUNTING = (CountdownStage.RUNNING, CountdownStage.WARNING, CountdownStage.URGENT)


class CountdownDisplay(Vertical):
    """Shows the countdown `source` returns (None hides the display)."""

    DEFAULT_CSS = """
    CountdownDisplay { height: auto; width: 100%; }
    CountdownDisplay Center { height: auto; }
    CountdownDisplay #countdown-state { width: 100%; text-align: center; color: $text-muted; }
    CountdownDisplay #countdown-digits { color: $foreground; }
    CountdownDisplay.-running #countdown-digits { color: $timer-running; }
    CountdownDisplay.-warning #countdown-digits { color: $timer-warning; }
    CountdownDisplay.-urgent #countdown-digits { color: $timer-urgent; }
    CountdownDisplay.-done #countdown-digits { color: $timer-done; }
    /* Not by colour alone: the warning and the last minute are said in words, the last minute
       and the end in inverse video. */
    CountdownDisplay.-warning #countdown-state { color: $timer-warning; text-style: bold; }
    CountdownDisplay.-urgent #countdown-state {
        color: $background; background: $timer-urgent; text-style: bold;
    }
    CountdownDisplay.-done #countdown-state, CountdownDisplay.-halfway #countdown-state {
        color: $background; background: $timer-done; text-style: bold;
    }
    CountdownDisplay.-halfway #countdown-state { background: $timer-warning; }
    """

    digits: var[str] = var("", init=False)
    """The time shown ("7:00"); the same again repaints nothing."""
    shown_stage: var[CountdownStage | None] = var(None, init=False)
    """The stage the colours show (running, warning, urgent, done); None before the first."""

    class TimeUp(Message):
        """Posted once when a running countdown reaches zero."""

    class Halfway(Message):
        """Posted once when a walk and talk's countdown passes half time."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._source: Callable[[], Countdown | None] = lambda: None
        self._budget = (40, 3)
        self._halfway_said = False
        self._counting = False  # not `_running`: that is Textual's (is the widget running)
        self._ticking = False
        self.halfway_text: str | None = None
        """Said from half time on (walk and talk: "Byt roller!"); None: no such signal."""
        self.done_text: str | None = None
        """Said at zero instead of "Tiden er gået" (walk and talk: "Kom tilbage")."""

    def compose(self) -> ComposeResult:
        with Center():
            yield BigClock(id="countdown-digits")
        yield TextLine(id="countdown-state")

    @property
    def running(self) -> bool:
        """Whether the countdown shown is counting (as of the last `tick`)."""
        return self._counting

    def on_mount(self) -> None:
        self.tick()
        self._ticking = True
        tick = second_tick(self)
        tick.add(self, self.tick)
        tick.align(self, self._until_next_change)

    def _until_next_change(self) -> float | None:
        """Seconds until the digits change: the fraction of a second left before the next
        whole second of a running countdown (None when nothing counts: the wall's second)."""
        countdown = self._source()
        if countdown is None or not countdown.running:
            return None
        remaining = countdown.remaining()
        if remaining <= 0:
            return None
        return remaining - math.floor(remaining)

    def _in_step(self) -> None:
        """The countdown shown started, stopped or is another one: its seconds turn at
        another moment."""
        if self._ticking:
            second_tick(self).reschedule()

    def follow(self, source: Callable[[], Countdown | None]) -> None:
        """Show the countdown `source` returns from now on (another page); never rings for
        the change itself."""
        self._source = source
        self.set_reactive(CountdownDisplay.shown_stage, None)  # never rings for the change
        self.set_reactive(CountdownDisplay.digits, "")  # the next digits fit anew
        self._halfway_said = False
        self.tick()
        self._in_step()  # another countdown, another phase

    def tick(self) -> None:
        """Bring the digits and the stage up to date; cheap when nothing visible changed."""
        countdown = self._source()
        running = countdown is not None and countdown.running
        if running != self._counting:  # started or stopped: wake in step with its seconds
            self._counting = running
            self._in_step()
        if self.display != (countdown is not None):
            self.display = countdown is not None
        if countdown is None:
            return
        text = format_clock(countdown.display_seconds())
        self.digits = text
        stage = countdown.stage()
        halfway = (
            self.halfway_text is not None
            and countdown.running
            and 0 < countdown.remaining() <= countdown.duration / 2
        )
        if halfway and not self._halfway_said:
            self._halfway_said = True
            if self.shown_stage in _COUNTING:
                self.post_message(self.Halfway())
        self.shown_stage = stage
        self.set_class(halfway and stage is not CountdownStage.DONE, "-halfway")
        self.query_one("#countdown-state", TextLine).text = self._text_for(
            countdown, stage, halfway
        )

    def watch_shown_stage(
        self, before: CountdownStage | None, stage: CountdownStage | None
    ) -> None:
        for name in _STAGE_CLASSES.values():
            self.remove_class(name)
        if stage is not None:
            self.add_class(_STAGE_CLASSES[stage])
        if stage is CountdownStage.DONE and before in _COUNTING:
            self.post_message(self.TimeUp())

    def _text_for(self, countdown: Countdown, stage: CountdownStage, halfway: bool) -> str:
        if stage is CountdownStage.DONE:
            return self.done_text or t("countdown.time_up")
        if halfway and self.halfway_text:
            return self.halfway_text
        if stage is CountdownStage.IDLE and countdown.remaining() < countdown.duration:
            return t("countdown.paused")
        if stage is CountdownStage.URGENT:
            last_minute = urgent_window(countdown.duration) >= URGENT_SECONDS
            return t("countdown.last_minute" if last_minute else "countdown.last_seconds")
        if stage is CountdownStage.WARNING:
            return t("countdown.warning")
        return ""

    def set_budget(self, width: int, height: int) -> None:
        """The room the digits may take; they grow to fill it."""
        self._budget = (max(1, width), max(1, height))
        self._fit()

    def watch_digits(self, before: str, digits: str) -> None:
        self.query_one(BigClock).value = digits
        if len(digits) != len(before):  # "9:59" to "10:00", or another countdown
            self._fit()

    def _fit(self) -> None:
        clock = self.query_one(BigClock)
        clock.fit(*self._budget, widest="".join("0" if c.isdigit() else c for c in clock.value))
