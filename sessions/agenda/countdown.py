"""A countdown computed from a stored deadline, never by counting ticks.

While running it keeps two deadlines: one on the monotonic clock (immune to the wall clock
being set) and one on the wall clock (which keeps moving while the laptop sleeps and survives a
restart). The remaining time is the smaller of the two, so a closed lid or a reboot shows the
truth and a wall clock set backwards does not add time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sessions.clock import Clock

WARNING_SHARE = 0.2
"""The last share of the duration in which the timer warns: the last fifth of any step."""
URGENT_SECONDS = 60.0
"""The last minute is urgent, or the last fifth if that is shorter: a 15-second turn is urgent
for its last 3 seconds, not from its first."""
MAX_COUNTDOWN_SECONDS = 24 * 3600
"""However often time is added, a countdown holds at most a day."""


def urgent_window(duration: float) -> float:
    """The seconds before zero in which a countdown of `duration` is urgent."""
    return min(URGENT_SECONDS, duration * WARNING_SHARE)


def warning_window(duration: float) -> float:
    """The seconds before zero from which a countdown of `duration` warns: the last fifth, and
    never less than twice the urgent window, so that every step, a 15-second turn or a
    5-minute pair talk too, warns before it turns urgent."""
    return min(duration, max(duration * WARNING_SHARE, 2 * urgent_window(duration)))


class CountdownStage(StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    WARNING = "warning"
    URGENT = "urgent"
    DONE = "done"


@dataclass(frozen=True)
class CountdownState:
    """The stored form: enough to rebuild the countdown after a restart."""

    duration: float
    remaining: float  # as of the last pause (or the start)
    ends_at_wall: float | None = None  # set while running

    def to_dict(self) -> dict[str, Any]:
        return {
            "duration": self.duration,
            "remaining": self.remaining,
            "ends_at_wall": self.ends_at_wall,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CountdownState:
        ends = data.get("ends_at_wall")
        return cls(
            duration=float(data["duration"]),
            remaining=float(data["remaining"]),
            ends_at_wall=float(ends) if ends is not None else None,
        )


class Countdown:
    """Start, pause, adjust and restart a countdown of `duration` seconds."""

    def __init__(self, clock: Clock, state: CountdownState) -> None:
        self._clock = clock
        self._state = state
        self._ends_at_monotonic: float | None = None
        if state.ends_at_wall is not None:
            self._ends_at_monotonic = clock.monotonic() + (state.ends_at_wall - clock.wall())

    @classmethod
    def new(cls, clock: Clock, seconds: float) -> Countdown:
        return cls(clock, CountdownState(duration=seconds, remaining=seconds))

    @property
    def state(self) -> CountdownState:
        """The form to store."""
        return self._state

    @property
    def running(self) -> bool:
        return self._state.ends_at_wall is not None

    @property
    def duration(self) -> float:
        return self._state.duration

    def remaining(self) -> float:
        """Seconds left, never below zero."""
        if self._state.ends_at_wall is None or self._ends_at_monotonic is None:
            return max(0.0, self._state.remaining)
        by_monotonic = self._ends_at_monotonic - self._clock.monotonic()
        by_wall = self._state.ends_at_wall - self._clock.wall()
        return max(0.0, min(by_monotonic, by_wall))

    def display_seconds(self) -> int:
        """Whole seconds to show: rounded up, so 0 appears only when time is up."""
        return math.ceil(self.remaining() - 1e-9)

    @property
    def finished(self) -> bool:
        return self.remaining() <= 0

    def stage(self) -> CountdownStage:
        left = self.remaining()
        if left <= 0:
            return CountdownStage.DONE
        if not self.running:
            return CountdownStage.IDLE
        if left <= urgent_window(self._state.duration):
            return CountdownStage.URGENT
        if left <= warning_window(self._state.duration):
            return CountdownStage.WARNING
        return CountdownStage.RUNNING

    def start(self) -> None:
        if self.running or self.finished:
            return
        self._run_for(self._state.remaining)

    def pause(self) -> None:
        if not self.running:
            return
        self._state = CountdownState(self._state.duration, self.remaining(), None)
        self._ends_at_monotonic = None

    def toggle(self) -> None:
        """Start when paused, pause when running; a finished timer starts over."""
        if self.running and not self.finished:
            self.pause()
        elif self.finished:
            self.restart()
            self.start()
        else:
            self.start()

    def adjust(self, seconds: float) -> None:
        """Add (or, negative, take away) time; the remaining time never goes below zero."""
        left = min(MAX_COUNTDOWN_SECONDS, max(0.0, self.remaining() + seconds))
        duration = min(MAX_COUNTDOWN_SECONDS, max(left, self._state.duration + seconds, 0.0))
        if self.running:
            self._state = CountdownState(duration, left, None)
            self._run_for(left)
        else:
            self._state = CountdownState(duration, left, None)

    def restart(self, duration: float | None = None) -> None:
        """Back to the full duration (or a new one), paused."""
        full = self._state.duration if duration is None else duration
        self._state = CountdownState(full, full, None)
        self._ends_at_monotonic = None

    def _run_for(self, seconds: float) -> None:
        self._ends_at_monotonic = self._clock.monotonic() + seconds
        self._state = CountdownState(self._state.duration, seconds, self._clock.wall() + seconds)


def format_clock(seconds: float) -> str:
    """`m:ss` (or `h:mm:ss`) for a number of seconds."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
