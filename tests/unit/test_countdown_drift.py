"""Over two hours a countdown keeps to the wall clock to the second: time is read from its
deadline, so a loop that ticks late, or stalls for seconds, never makes it drift."""

from __future__ import annotations

import random

from sessions.agenda.countdown import Countdown, CountdownStage
from sessions.clock import FakeClock

TWO_HOURS = 2 * 3600.0


def test_two_hours_of_irregular_ticks_end_on_the_second() -> None:
    clock = FakeClock()
    countdown = Countdown.new(clock, TWO_HOURS)
    countdown.start()
    ends = clock.wall() + TWO_HOURS
    chance = random.Random(2)
    elapsed = 0.0
    while elapsed < TWO_HOURS - 5:
        # A tick every quarter second, sometimes late, now and then a stalled loop.
        step = 0.25 + chance.random() * 0.05 + (2.6 if chance.random() < 0.01 else 0.0)
        clock.advance(step)
        elapsed += step
        shown = countdown.display_seconds()
        left = ends - clock.wall()  # the truth, by the wall clock
        # The remaining time rounded up to whole seconds (to 10 µs: a fake clock that adds
        # quarter seconds to epoch seconds for two hours gathers that much float noise).
        assert shown - 1 - 1e-5 < left <= shown + 1e-5, f"after {elapsed:.2f} s"
    clock.advance(ends - clock.wall() - 0.001)
    assert countdown.display_seconds() == 1
    assert countdown.stage() is not CountdownStage.DONE
    clock.advance(0.001)
    assert countdown.display_seconds() == 0
    assert countdown.stage() is CountdownStage.DONE


def test_pausing_for_a_while_moves_the_end_by_exactly_that_while() -> None:
    clock = FakeClock()
    countdown = Countdown.new(clock, TWO_HOURS)
    countdown.start()
    clock.advance(1800.25)
    countdown.pause()
    clock.advance(600.0)
    countdown.start()
    clock.advance(TWO_HOURS - 1800.25 - 0.5)
    assert countdown.display_seconds() == 1
    clock.advance(0.5)
    assert countdown.finished
