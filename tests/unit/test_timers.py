"""Countdowns: back to the planned time, the break that starts by itself and whose return time
stands still, and no countdown that starts while the whole session is paused."""

from datetime import datetime

import pytest

from sessions.agenda.timers import speaker_key
from sessions.theme.model import SegmentKind


@pytest.fixture
def with_break(live):
    """The session with an extra 10-minute break after its first item; at its first page."""
    schedule, break_id = live.schedule.add_extra(
        live.schedule.items[0].id, SegmentKind.BREAK, "Pause"
    )
    live.set_schedule(schedule)
    live.nav.start()
    return next(i for i, p in enumerate(live.pages) if p.segment.id == break_id)


def first_timed(live):
    return next(
        i for i, p in enumerate(live.pages) if p.seconds and p.segment.kind is not SegmentKind.BREAK
    )


def test_reset_undoes_plus_and_minus_even_at_zero(live, clock):
    live.go_to(first_timed(live))
    page = live.page
    planned = page.seconds
    live.timers.start(page.key, planned)
    for _ in range(planned // 60):
        live.timers.adjust(page.key, planned, -60)
    countdown = live.timers.for_page(page)
    assert countdown.finished and countdown.duration == 0
    reset = live.timers.reset(page.key, planned)
    assert reset.duration == planned and reset.remaining() == planned and not reset.running
    live.timers.adjust(page.key, planned, +60)
    assert live.timers.for_page(page).remaining() == planned + 60
    assert live.timers.reset(page.key, planned).remaining() == planned
    live.timers.reload()
    assert live.timers.for_page(page).remaining() == planned, "the reset is saved"


def test_a_finished_speakers_timer_starts_over(live, clock):
    live.go_to(first_timed(live))
    key = speaker_key(live.page)
    live.timers.start(key, 30)
    clock.advance(45)
    assert live.timers.get(key, 30).finished
    assert live.timers.start(key, 30).finished, "start does not restart a finished timer"
    reset = live.timers.reset(key, 30)
    assert reset.remaining() == 30 and not reset.running
    assert live.timers.start(key, 30).running
    clock.advance(10)
    assert live.timers.get(key, 30).remaining() == 20


def test_the_break_countdown_starts_by_itself_and_its_return_time_stands_still(
    live, clock, with_break
):
    page = live.pages[with_break]
    assert page.segment.kind is SegmentKind.BREAK and page.seconds == 600
    # Before the break: now plus the planned break, moving with the clock.
    assert live.timers.break_return(page) == clock.wall() + 600
    clock.advance(60)
    assert live.timers.break_return(page) == clock.wall() + 600

    assert live.go_to(with_break)
    countdown = live.timers.for_page(page)
    assert countdown.running, "entering the break starts its countdown"
    back = live.break_return()
    assert back == clock.wall() + 600
    clock.advance(60)
    assert live.break_return() == back, "the return time does not drift"
    clock.advance(60)
    assert live.break_return() == back
    # The consultant extends the break by a minute: the return time moves by a minute.
    live.timers.adjust(page.key, page.seconds, 60)
    assert live.break_return() == back + 60
    assert datetime.fromtimestamp(live.break_return()).second == datetime.fromtimestamp(back).second
    clock.advance(600)
    assert live.break_return() is None, "the break is over"
    live.go_to(0)
    assert live.break_return() is None, "not a break"


def test_a_break_the_consultant_paused_stays_paused_when_entered_again(live, clock, with_break):
    live.go_to(with_break)
    page = live.page
    live.timers.toggle(page.key, page.seconds)
    clock.advance(120)
    live.back()
    live.go_to(with_break)
    assert not live.timers.for_page(page).running
    assert live.timers.for_page(page).remaining() == 600


def test_no_countdown_starts_while_the_session_is_paused(live, clock, with_break):
    live.go_to(first_timed(live))
    page = live.page
    live.pause_session()
    assert not live.timers.toggle(page.key, page.seconds).running
    assert not live.timers.start(page.key, page.seconds).running
    assert not live.timers.start(speaker_key(page), 30).running
    clock.advance(60)
    assert live.timers.for_page(page).remaining() == page.seconds
    # A break entered during the pause waits for the session to go on.
    live.go_to(with_break)
    assert not live.timers.for_page(live.page).running
    live.resume_session()
    assert live.timers.for_page(live.page).running
    assert live.break_return() == clock.wall() + 600


def test_a_running_countdown_is_frozen_by_the_pause_and_goes_on_after(live, clock):
    live.nav.start()
    live.go_to(first_timed(live))
    page = live.page
    live.timers.toggle(page.key, page.seconds)
    clock.advance(30)
    live.pause_session()
    clock.advance(300)
    assert live.timers.for_page(page).remaining() == page.seconds - 30
    live.timers.toggle(page.key, page.seconds)  # refused: the session is paused
    assert not live.timers.for_page(page).running
    live.resume_session()
    clock.advance(10)
    assert live.timers.for_page(page).remaining() == page.seconds - 40
    live.timers.toggle(page.key, page.seconds)
    assert not live.timers.for_page(page).running, "t pauses it when the session runs"
