"""One wake-up a second for everything in a window that shows time.

A running countdown, the status line's clock and minutes, the look for a room view: each used
to keep its own timer, so a window with a countdown woke several times a second at unrelated
moments. Here they share one timer per app. It fires just after the second turns — the running
countdown's second when one is shown (its digits change then), else the wall clock's — and
calls each part in turn inside one batch, so that second is at most one repaint.
"""

from __future__ import annotations

import math
import time
import weakref
from collections.abc import Callable

from textual.app import App
from textual.dom import DOMNode
from textual.timer import Timer

AFTER_THE_SECOND = 0.005
"""How long after the second turns the parts are called (a digit never shows a second late)."""

Phase = Callable[[], float | None]
"""Seconds until a shown countdown's digits change next, or None (nothing is counting)."""


class SecondTick:
    """The app's one timer for what shows time."""

    def __init__(self, app: App[object]) -> None:
        self.app = app
        self._parts: list[tuple[weakref.ref[DOMNode], Callable[[], object]]] = []
        self._phase: tuple[weakref.ref[DOMNode], Phase] | None = None
        self._timer: Timer | None = None
        self._last_phase: float | None = None
        """The countdown's phase when the timer was last set: the same value again means its
        clock has not moved (a clock held still, as in a test), and waiting on it would wake
        at once, again and again."""

    def add(self, node: DOMNode, callback: Callable[[], object]) -> None:
        self._parts.append((weakref.ref(node), callback))
        if self._timer is None:
            self.reschedule()

    def align(self, node: DOMNode, phase: Phase) -> None:
        """Fire in step with `phase` (a running countdown's seconds) from now on."""
        self._phase = (weakref.ref(node), phase)
        self.reschedule()

    def reschedule(self) -> None:
        """Wait for the next second again (a countdown started or stopped: its phase moved)."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(self._delay(), self._fire, name="second-tick")

    def _delay(self) -> float:
        if self._phase is not None:
            node, phase = self._phase
            owner = node()
            if owner is None or not owner.is_attached:
                self._phase = None
            else:
                seconds = phase()
                still, self._last_phase = seconds == self._last_phase, seconds
                if seconds is not None and not still:
                    return max(0.0, seconds) + AFTER_THE_SECOND
        now = time.time()
        return math.ceil(now) - now + AFTER_THE_SECOND

    def _fire(self) -> None:
        self._timer = None
        self._parts = [(n, c) for n, c in self._parts if _present(n)]
        with self.app.batch_update():
            for _, callback in list(self._parts):
                callback()
        if self._parts:
            self.reschedule()


def _present(node: weakref.ref[DOMNode]) -> bool:
    """Whether the part is still in the app (a removed widget's callback is dropped)."""
    owner = node()
    return owner is not None and owner.is_attached


_ticks: weakref.WeakKeyDictionary[App[object], SecondTick] = weakref.WeakKeyDictionary()


def second_tick(node: DOMNode) -> SecondTick:
    """The app's tick (made the first time a part asks for it)."""
    app = node.app
    tick = _ticks.get(app)
    if tick is None:
        tick = _ticks[app] = SecondTick(app)
    return tick


def each_second(node: DOMNode, callback: Callable[[], object]) -> None:
    """Call `callback` once a second, with the app's other parts that show time, for as long
    as `node` is in the app."""
    second_tick(node).add(node, callback)
