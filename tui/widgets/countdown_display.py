"""The big timer: remaining time in large digits, coloured by stage, "time is up" at zero."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.message import Message
from textual.widgets import Label

from sessions.countdown import Countdown, CountdownStage, format_clock
from sessions.i18n import t
from tui.widgets.big_clock import BigClock

_STAGE_CLASSES = {stage: f"-{stage.value}" for stage in CountdownStage}


class CountdownDisplay(Vertical):
    """Shows a `Countdown`; call `refresh_from` a few times a second."""

    class TimeUp(Message):
        """Posted once when a running countdown reaches zero."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._stage: CountdownStage | None = None
        self._shown: str | None = None
        self._budget = (40, 3)
        self.done_text: str | None = None
        """What to say at zero instead of "Tiden er gået" (e.g. "Kom tilbage")."""

    def compose(self) -> ComposeResult:
        with Center():
            yield BigClock(id="countdown-digits")
        yield Label("", id="countdown-state", markup=False)

    def refresh_from(self, countdown: Countdown | None) -> None:
        """Update the digits and the stage; cheap when nothing visible changed."""
        if self.display != (countdown is not None):
            self.display = countdown is not None
        if countdown is None:
            self._stage = None
            return
        text = format_clock(countdown.display_seconds())
        stage = countdown.stage()
        if text != self._shown:
            refit = self._shown is None or len(text) != len(self._shown)
            self._shown = text
            self.query_one(BigClock).value = text
            if refit:
                self._fit()
        if stage != self._stage:
            was_counting = self._stage in (
                CountdownStage.RUNNING,
                CountdownStage.WARNING,
                CountdownStage.URGENT,
            )
            self._stage = stage
            for name in _STAGE_CLASSES.values():
                self.remove_class(name)
            self.add_class(_STAGE_CLASSES[stage])
            text = self._state_text(countdown, stage)
            if stage is CountdownStage.DONE and self.done_text:
                text = self.done_text
            self.query_one("#countdown-state", Label).update(text)
            if stage is CountdownStage.DONE and was_counting:
                self.post_message(self.TimeUp())

    def set_budget(self, width: int, height: int) -> None:
        """The room the digits may take; they grow to fill it."""
        self._budget = (max(1, width), max(3, height))
        self._fit()

    def _fit(self) -> None:
        clock = self.query_one(BigClock)
        clock.fit(*self._budget, widest="".join("0" if c.isdigit() else c for c in clock.value))

    def reset(self) -> None:
        """Forget the last stage, so switching pages never rings the bell."""
        self._stage = None
        self._shown = None

    @staticmethod
    def _state_text(countdown: Countdown, stage: CountdownStage) -> str:
        if stage is CountdownStage.DONE:
            return t("presenter.time_up")
        if stage is CountdownStage.IDLE:
            paused = countdown.remaining() < countdown.duration
            return t("presenter.timer_paused" if paused else "presenter.timer_idle")
        return ""
