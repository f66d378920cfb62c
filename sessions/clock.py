"""Clocks: the real one and a fake one that tests and benchmarks move by hand."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    """Where time comes from. `monotonic` never jumps; `wall` is epoch seconds."""

    def monotonic(self) -> float: ...

    def wall(self) -> float: ...


class SystemClock:
    """The computer's clocks."""

    def monotonic(self) -> float:
        return time.monotonic()

    def wall(self) -> float:
        return time.time()


class FakeClock:
    """A clock that only moves when told to; `suspend` moves the wall clock alone."""

    def __init__(self, wall: float | None = None, monotonic: float = 1000.0) -> None:
        self._wall = wall if wall is not None else datetime(2026, 11, 24, 13, 0).timestamp()
        self._monotonic = monotonic

    def monotonic(self) -> float:
        return self._monotonic

    def wall(self) -> float:
        return self._wall

    def advance(self, seconds: float) -> None:
        """Let `seconds` pass on both clocks."""
        self._monotonic += seconds
        self._wall += seconds

    def suspend(self, seconds: float) -> None:
        """Simulate a closed lid: the wall clock moves, the monotonic clock stands still."""
        self._wall += seconds

    def restart(self, monotonic: float = 50.0) -> None:
        """Simulate a reboot: the monotonic clock starts over from an unrelated value."""
        self._monotonic = monotonic
