"""The agenda on the real clock: from the actual start, pushed on by pauses, with what happened
to each item, and the same numbers as the status line."""

from datetime import datetime, timedelta

from sessions.agenda.agenda_clock import agenda_view
from sessions.agenda.schedule import Schedule
from sessions.agenda.timing import ItemState, Pace, Pause, status, time_log

BOOKED = datetime(2026, 11, 24, 13, 0)


def page_of(live, item_id):
    return next(i for i, p in enumerate(live.pages) if p.segment.id == item_id)


def test_before_the_start_the_agenda_runs_from_the_booked_time(live):
    view = live.agenda()
    assert not view.started and view.start == BOOKED
    assert view.rows[0].planned_start == BOOKED
    assert view.planned_end == BOOKED + timedelta(minutes=90)
    assert view.projected_end == view.planned_end and view.projected_minutes == 90
    assert all(r.state is ItemState.TO_COME for r in view.rows)
    assert all(r.expected_start == r.planned_start for r in view.rows)
    assert view.pace.pace is Pace.NOT_STARTED and view.pauses == ()


def test_the_agenda_runs_from_the_actual_start_and_agrees_with_the_status_line(live, clock):
    clock.advance(4 * 60)  # the session begins 4 minutes after the booked time
    live.nav.start()
    items = live.schedule.active
    first, second, third = items[0], items[1], items[2]
    clock.advance((first.minutes + 3) * 60)  # three minutes over
    live.go_to(page_of(live, second.id))
    clock.advance(60)
    view = live.agenda()
    started = BOOKED + timedelta(minutes=4)
    assert view.started and view.start == started
    assert view.rows[0].planned_start == started
    assert view.rows[1].planned_start == started + timedelta(minutes=first.minutes)
    rows = {r.item.id: r for r in view.rows}
    assert rows[first.id].state is ItemState.DONE
    assert rows[first.id].minutes_used == first.minutes + 3
    assert rows[first.id].actual_start == started
    assert rows[second.id].state is ItemState.NOW and rows[second.id].current
    assert rows[second.id].expected_start == started + timedelta(minutes=first.minutes + 3)
    assert rows[second.id].minutes_used == 1
    # The next item can be expected when the current one has had its time.
    assert rows[third.id].expected_start == started + timedelta(
        minutes=first.minutes + 3 + second.minutes
    )
    assert rows[third.id].planned_start == started + timedelta(
        minutes=first.minutes + second.minutes
    )
    # The same numbers as the status line.
    timing = live.timing()
    assert view.planned_end == datetime.fromtimestamp(timing.planned_end)
    assert view.projected_end == datetime.fromtimestamp(timing.projected_end)
    assert view.pace == live.pace() and view.pace.pace is Pace.BEHIND and view.pace.minutes == 3
    assert view.projected_minutes == 93 and view.difference == 3
    assert view.projected_end == started + timedelta(minutes=93)


def test_pauses_push_the_planned_times_and_are_shown(live, clock):
    live.nav.start()
    started = datetime.fromtimestamp(clock.wall())
    items = live.schedule.active
    clock.advance(60)
    live.pause_session()
    clock.advance(10 * 60)
    view = live.agenda()
    assert view.paused_now and view.paused_minutes == 10
    (pause,) = view.pauses
    assert pause.start == started + timedelta(minutes=1) and pause.end is None
    assert pause.minutes == 10 and not pause.closed
    assert view.rows[0].planned_start == started, "the pause began after it"
    assert view.rows[1].planned_start == started + timedelta(minutes=items[0].minutes + 10)
    assert view.rows[0].paused_minutes == 10
    assert view.planned_end == started + timedelta(minutes=100)
    live.resume_session()
    clock.advance(5 * 60)
    after = live.agenda()
    assert not after.paused_now and after.pauses[0].end == started + timedelta(minutes=11)
    assert after.rows[1].planned_start == started + timedelta(minutes=items[0].minutes + 10)
    assert after.pace.pace is Pace.ON_TIME


def test_a_jump_keeps_the_items_jumped_over_to_come(live, clock):
    live.nav.start()
    last = live.schedule.active[-1]
    clock.advance(60)
    live.go_to(page_of(live, last.id))
    view = live.agenda()
    rows = {r.item.id: r for r in view.rows}
    middle = live.schedule.active[1]
    assert rows[middle.id].state is ItemState.TO_COME
    assert rows[middle.id].expected_start is None, "when it will be run is the consultant's choice"
    assert rows[last.id].state is ItemState.NOW


def test_skipped_items_have_no_clock_time(live, clock):
    second = live.schedule.items[1]
    live.set_schedule(live.schedule.toggle_skip(second.id))
    view = live.agenda()
    row = next(r for r in view.rows if r.item.id == second.id)
    assert row.state is ItemState.SKIPPED and row.planned_start is None
    assert view.planned_minutes == 90 - second.minutes


def test_a_finished_session_shows_its_real_end(live, clock):
    live.nav.start()
    clock.advance(30 * 60)
    live.finish()
    clock.advance(3600)
    view = live.agenda()
    assert view.projected_end == view.start + timedelta(minutes=30)
    assert view.pace.pace is Pace.FINISHED
    assert all(r.state in (ItemState.DONE, ItemState.SKIPPED) for r in view.rows)


def test_the_referat_time_log_runs_from_the_actual_start_and_pauses(theme):
    schedule = Schedule.from_theme(theme, 90)
    a, b = schedule.items[0], schedule.items[1]
    began = (BOOKED + timedelta(minutes=3)).timestamp()
    entries = [(a.id, began), (b.id, began + a.minutes * 60 + 600)]
    pauses = [Pause(began + 60, began + 660)]
    rows = time_log(schedule, BOOKED, entries, pauses)
    assert rows[0].planned_start == BOOKED + timedelta(minutes=3)
    assert rows[1].planned_start == BOOKED + timedelta(minutes=3 + a.minutes + 10)
    assert rows[0].spent == a.minutes * 60
    never = time_log(schedule, BOOKED, [], [])
    assert never[0].planned_start == BOOKED


def test_agenda_view_is_pure(theme):
    schedule = Schedule.from_theme(theme, 90)
    first = schedule.items[0]
    entries = [(first.id, BOOKED.timestamp())]
    timing = status(schedule, first.id, BOOKED.timestamp(), entries, [], BOOKED.timestamp() + 60)
    view = agenda_view(schedule, timing, BOOKED)
    assert view == agenda_view(schedule, timing, BOOKED)
    assert view.rows[0].state is ItemState.NOW and view.rows[0].minutes_used == 1


def test_largest_remainder_adds_up_to_the_total():
    from sessions.agenda.agenda_clock import largest_remainder

    assert largest_remainder([5.4, 9.6, 0.5], 16) == [5, 10, 1]
    assert largest_remainder([5.4, 9.6, 0.5], 15) == [5, 10, 0]
    assert largest_remainder([5.4, 9.6, 0.5], 14) == [5, 9, 0]
    assert largest_remainder([], 0) == []
    assert sum(largest_remainder([1.3] * 7, 9)) == 9


def test_the_minutes_column_adds_up_to_the_total_it_stands_over(live, clock):
    """Done items count what they used, not what was planned: the column says so too."""
    live.nav.start()
    items = live.schedule.active
    for item, over in zip(items[:3], (2.4, 1.6, -0.7), strict=True):
        clock.advance((item.minutes + over) * 60)
        live.go_to(page_of(live, items[items.index(item) + 1].id))
    clock.advance(40)
    view = live.agenda()
    column = view.column_minutes()
    assert sum(m for m in column if m is not None) == view.projected_minutes
    rows = {r.item.id: (r, m) for r, m in zip(view.rows, column, strict=True)}
    assert rows[items[0].id][1] in (items[0].minutes + 2, items[0].minutes + 3)
    assert rows[items[-1].id][1] == items[-1].minutes, "items to come keep their planned minutes"
