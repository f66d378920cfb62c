from sessions.agenda.countdown import Countdown, CountdownStage, CountdownState, format_clock
from sessions.clock import FakeClock


def test_counts_down_from_the_deadline():
    clock = FakeClock()
    countdown = Countdown.new(clock, 300)
    assert countdown.stage() is CountdownStage.IDLE
    countdown.start()
    clock.advance(100.4)
    assert abs(countdown.remaining() - 199.6) < 1e-6
    assert countdown.display_seconds() == 200
    assert countdown.stage() is CountdownStage.RUNNING


def test_pause_freezes_and_resume_continues():
    clock = FakeClock()
    countdown = Countdown.new(clock, 120)
    countdown.start()
    clock.advance(30)
    countdown.pause()
    clock.advance(500)
    assert countdown.remaining() == 90
    countdown.toggle()
    clock.advance(10)
    assert countdown.remaining() == 80


def test_stages_warning_urgent_done():
    clock = FakeClock()
    countdown = Countdown.new(clock, 600)
    countdown.start()
    clock.advance(600 - 120)  # 2 minutes left: the last 20 %
    assert countdown.stage() is CountdownStage.WARNING
    clock.advance(61)
    assert countdown.stage() is CountdownStage.URGENT
    clock.advance(59)
    assert countdown.stage() is CountdownStage.DONE
    assert countdown.finished
    clock.advance(100)
    assert countdown.remaining() == 0
    assert countdown.display_seconds() == 0


def stages_over(duration: float) -> dict[CountdownStage, tuple[float, float]]:
    """Each stage a running countdown of `duration` passes through, with the remaining seconds
    at which it was first and last seen (a fake clock stepped a quarter of a second at a time)."""
    clock = FakeClock()
    countdown = Countdown.new(clock, duration)
    countdown.start()
    seen: dict[CountdownStage, tuple[float, float]] = {}
    while not countdown.finished:
        left = countdown.remaining()
        first, _ = seen.get(countdown.stage(), (left, left))
        seen[countdown.stage()] = (first, left)
        clock.advance(0.25)
    return seen


def test_a_short_turn_is_urgent_only_in_its_last_fifth():
    seen = stages_over(15)
    assert seen[CountdownStage.RUNNING][1] > 3, "not urgent from its first second"
    assert seen[CountdownStage.URGENT][0] == 3.0, "urgent for the last fifth: 3 of 15 seconds"


def test_urgent_is_the_last_minute_or_the_last_fifth_whichever_is_shorter():
    assert stages_over(600)[CountdownStage.URGENT][0] == 60.0
    assert stages_over(200)[CountdownStage.URGENT][0] == 40.0
    assert stages_over(300)[CountdownStage.URGENT][0] == 60.0


def test_every_step_warns_in_its_last_fifth_and_before_it_turns_urgent():
    for duration in (600, 900, 3600):  # long steps: the last fifth warns, the last minute urges
        seen = stages_over(duration)
        assert seen[CountdownStage.WARNING][0] == duration / 5, duration
        assert seen[CountdownStage.URGENT][0] == 60.0
    # Short steps warn too (they never turned yellow when the fifth and the urgent window were
    # one): yellow lasts at least as long as the urgent stage that follows it.
    for duration, warns, urges in (
        (15, 6.0, 3.0),
        (120, 48.0, 24.0),
        (300, 120.0, 60.0),
        (420, 120.0, 60.0),
    ):
        seen = stages_over(duration)
        assert seen[CountdownStage.WARNING][0] == warns, duration
        assert seen[CountdownStage.URGENT][0] == urges, duration


def test_zero_is_shown_only_when_time_is_up():
    clock = FakeClock()
    countdown = Countdown.new(clock, 10)
    countdown.start()
    clock.advance(9.99)
    assert countdown.display_seconds() == 1
    clock.advance(0.01)
    assert countdown.display_seconds() == 0


def test_adjust_adds_and_removes_minutes_without_going_negative():
    clock = FakeClock()
    countdown = Countdown.new(clock, 300)
    countdown.start()
    clock.advance(100)
    countdown.adjust(60)
    assert countdown.remaining() == 260
    assert countdown.running
    countdown.adjust(-600)
    assert countdown.remaining() == 0
    countdown.adjust(60)
    assert countdown.remaining() == 60
    assert countdown.running


def test_adjust_while_paused():
    clock = FakeClock()
    countdown = Countdown.new(clock, 300)
    countdown.adjust(-60)
    assert countdown.remaining() == 240
    assert countdown.duration == 240
    assert not countdown.running


def test_restart_goes_back_to_full_time_paused():
    clock = FakeClock()
    countdown = Countdown.new(clock, 300)
    countdown.start()
    clock.advance(200)
    countdown.restart()
    assert countdown.remaining() == 300
    assert not countdown.running


def test_toggle_on_a_finished_timer_starts_it_over():
    clock = FakeClock()
    countdown = Countdown.new(clock, 60)
    countdown.start()
    clock.advance(61)
    countdown.toggle()
    assert countdown.running
    assert countdown.remaining() == 60


def test_survives_a_restart_of_the_app_and_the_computer():
    clock = FakeClock()
    countdown = Countdown.new(clock, 600)
    countdown.start()
    clock.advance(100)
    stored = CountdownState.from_dict(countdown.state.to_dict())
    clock.advance(50)  # the app is closed for 50 s ...
    clock.restart(monotonic=3.0)  # ... and the computer rebooted
    again = Countdown(clock, stored)
    assert again.running
    assert again.remaining() == 450


def test_a_timer_that_ran_out_while_closed_shows_as_ended():
    clock = FakeClock()
    countdown = Countdown.new(clock, 60)
    countdown.start()
    stored = countdown.state
    clock.advance(3600)
    assert Countdown(clock, stored).stage() is CountdownStage.DONE


def test_suspend_counts_the_time_the_lid_was_closed():
    clock = FakeClock()
    countdown = Countdown.new(clock, 600)
    countdown.start()
    clock.advance(60)
    clock.suspend(120)  # monotonic stands still while asleep
    assert countdown.remaining() == 420


def test_wall_clock_set_backwards_adds_no_time():
    clock = FakeClock()
    countdown = Countdown.new(clock, 600)
    countdown.start()
    clock.advance(60)
    clock._wall -= 3600  # the user sets the clock an hour back
    assert countdown.remaining() == 540


def test_no_drift_over_two_hours_of_irregular_ticks():
    clock = FakeClock()
    countdown = Countdown.new(clock, 7200)
    countdown.start()
    elapsed = 0.0
    steps = [0.25, 0.26, 2.6, 0.24, 0.25, 1.0]  # a blocked loop skips ticks
    index = 0
    while elapsed < 7000:
        step = steps[index % len(steps)]
        clock.advance(step)
        elapsed += step
        index += 1
    assert abs(countdown.remaining() - (7200 - elapsed)) < 1e-6


def test_format_clock():
    assert format_clock(0) == "0:00"
    assert format_clock(65) == "1:05"
    assert format_clock(3725) == "1:02:05"
