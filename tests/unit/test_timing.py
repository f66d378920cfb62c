"""A whole simulated session on a fake clock: pauses, a closed lid, a crash and a resume; and
the rule that ahead or behind comes from time, not from the page shown."""

import pytest

from sessions.agenda.schedule import Schedule
from sessions.agenda.timing import (
    END_MARKER,
    ItemState,
    Pace,
    Pause,
    TimingStatus,
    ended_at,
    pace,
    paused_between,
    session_pauses,
    shifted,
    status,
    time_spent,
    visits,
)
from tests.conftest import reopen


def first_page_of(live, item_id):
    return next(i for i, p in enumerate(live.pages) if p.segment.id == item_id)


def test_visits_and_time_spent_skip_pauses():
    entries = [("a", 0.0), ("b", 600.0), ("a", 900.0), ("__end__", 1000.0)]
    assert [v.item_id for v in visits(entries)] == ["a", "b", "a"]
    spent = time_spent(entries, [Pause(100.0, 160.0)], now=5000.0)
    assert spent == {"a": 600.0 - 60.0 + 100.0, "b": 300.0}
    assert paused_between([Pause(10.0, None)], 0.0, 50.0) == 40.0
    assert ended_at(entries) == 1000.0 and ended_at(entries[:-1]) is None


def test_a_two_hour_session_on_a_fake_clock(live, repository, library, clock):
    live.nav.start()
    schedule = live.schedule
    assert live.timing().behind == 0
    first = schedule.items[0]

    # The welcome runs 3 minutes over.
    clock.advance((first.minutes + 3) * 60)
    assert round(live.timing().item_left) == -180
    assert round(live.timing().behind) == 180
    live.go_to(first_page_of(live, schedule.items[1].id))
    assert round(live.timing().behind) == 180

    # A fire drill: everything stands still for 10 minutes.
    live.pause_session()
    assert live.timers.paused and live.timing().paused
    before = live.timing()
    clock.advance(600)
    during = live.timing()
    assert during.elapsed == before.elapsed
    assert round(during.behind) == round(before.behind)
    live.resume_session()
    assert not live.timers.paused

    # The lid is closed for 2 minutes of talk: the wall clock moves, the monotonic does not.
    clock.suspend(120)
    assert round(live.timing().elapsed) == (first.minutes + 3) * 60 + 120

    # A crash, and the app opened again 30 s later: the clocks still tell the truth.
    live.store._lock.release()
    clock.advance(30)
    clock.restart(monotonic=5.0)
    again = reopen(repository, library, live.info.id, clock)
    status_after = again.timing()
    assert round(status_after.elapsed) == (first.minutes + 3) * 60 + 150
    assert round(status_after.paused_seconds) == 600
    assert status_after.planned_end == again.started_at + 90 * 60 + 600

    # Apply the rebalancing, then run the rest exactly to plan: the session ends on time.
    assert again.pace().pace is Pace.BEHIND
    assert again.apply_rebalance(again.rebalance())
    assert abs(again.timing().behind) < 60
    current_id = again.page.segment.id
    for item in again.schedule.active[again.schedule.index_of(current_id) :]:
        left = again.timing().item_left if item.id == current_id else item.minutes * 60
        clock.advance(max(0.0, left))
        done = {x.id for x in again.schedule.active[: again.schedule.index_of(item.id) + 1]}
        following = [i for i, p in enumerate(again.pages) if p.segment.id not in done]
        if following:
            again.go_to(following[0])
    again.finish()
    final = again.timing()
    assert final.finished and again.finished
    assert abs(final.projected_end - final.planned_end) < 60
    again.close()


def test_status_before_the_start(live):
    current = live.timing()
    assert current.started_at is None and current.behind == 0
    assert pace(current).pace is Pace.NOT_STARTED and not pace(current).suggests
    assert all(p.state is ItemState.TO_COME for p in current.items)


def test_status_for_a_schedule_that_does_not_add_up(live, clock):
    live.nav.start()
    last = live.schedule.items[-1]
    live.set_schedule(live.schedule.set_minutes(last.id, 20))
    assert round(live.timing().behind) == (20 - last.original_minutes) * 60
    assert status(live.schedule, "nope", live.started_at, [], [], clock.wall()).item_left == 0


def test_jumping_to_the_last_page_does_not_make_the_session_ahead(live, clock):
    """The UX test saw "107 min foran" after `g` to the last page."""
    live.nav.start()
    clock.advance(60)
    assert live.go_to(len(live.pages) - 1)
    timing = live.timing()
    first = live.schedule.items[0]
    # The first item was left after 1 of its minutes: that much is really gained; everything
    # jumped over is still to come.
    assert round(timing.behind) == -(first.minutes - 1) * 60
    states = {p.item.id: p.state for p in timing.items}
    assert states[first.id] is ItemState.DONE
    assert states[live.schedule.items[-1].id] is ItemState.NOW
    assert all(states[i.id] is ItemState.TO_COME for i in live.schedule.items[1:-1])

    # And looking back does not count the last item as done either.
    clock.advance(30)
    live.go_to(first_page_of(live, live.schedule.items[1].id))
    back = live.timing()
    assert back.of(live.schedule.items[-1].id).state is ItemState.TO_COME
    assert round(back.behind) == round(timing.behind)


def test_an_item_left_early_counts_what_it_used_and_one_run_over_too(live, clock):
    live.nav.start()
    first, second = live.schedule.items[0], live.schedule.items[1]
    clock.advance((first.minutes - 2) * 60)  # two minutes early
    live.go_to(first_page_of(live, second.id))
    assert round(live.timing().behind) == -120
    assert pace(live.timing()).pace is Pace.AHEAD
    assert not pace(live.timing()).suggests, "2 min ahead is not worth a suggestion"
    clock.advance((second.minutes + 9) * 60)  # nine minutes over
    assert round(live.timing().behind) == 7 * 60
    assert pace(live.timing()).minutes == 7 and pace(live.timing()).suggests


def make_status(behind: float, *, paused=False, finished=False, started=True) -> TimingStatus:
    return TimingStatus(
        started_at=0.0 if started else None,
        elapsed=0.0,
        paused_seconds=0.0,
        planned_end=0.0,
        projected_end=behind,
        item_left=0.0,
        behind=behind,
        progress=0.0,
        paused=paused,
        finished=finished,
    )


@pytest.mark.parametrize(
    ("behind", "expected", "minutes", "suggests", "adjustment"),
    [
        (0, Pace.ON_TIME, 0, False, 0),
        (119, Pace.ON_TIME, 1, False, 0),
        (-119, Pace.ON_TIME, 1, False, 0),
        (120, Pace.BEHIND, 2, True, 2),
        (179, Pace.BEHIND, 2, True, 2),
        (-120, Pace.AHEAD, 2, False, -2),
        (-299, Pace.AHEAD, 4, False, -4),
        (-300, Pace.FAR_AHEAD, 5, True, -5),
        (-6420, Pace.FAR_AHEAD, 107, True, -107),
    ],
)
def test_pace_classification(behind, expected, minutes, suggests, adjustment):
    reading = pace(make_status(behind))
    assert (reading.pace, reading.minutes, reading.suggests, reading.adjustment) == (
        expected,
        minutes,
        suggests,
        adjustment,
    )


def test_no_suggestion_while_paused_finished_or_not_started():
    assert not pace(make_status(600, paused=True)).suggests
    assert pace(make_status(600, paused=True)).pace is Pace.BEHIND
    assert pace(make_status(600, finished=True)).pace is Pace.FINISHED
    assert pace(make_status(600, finished=True)).adjustment == 0
    assert pace(make_status(0, started=False)).pace is Pace.NOT_STARTED


def test_a_finished_session_stops_its_clock_and_a_reopened_one_counts_the_gap_as_a_pause(theme):
    schedule = Schedule.from_theme(theme, 90)
    a, b = schedule.items[0].id, schedule.items[1].id
    entries = [(a, 0.0), (b, 300.0), (END_MARKER, 900.0)]
    ended = status(schedule, b, 0.0, entries, [], now=90_000.0)
    assert ended.finished and ended.ended_at == 900.0
    assert ended.elapsed == 900.0 and ended.projected_end == 900.0
    assert all(p.state in (ItemState.DONE, ItemState.SKIPPED) for p in ended.items)
    assert ended.of(a).state is ItemState.DONE and ended.of(b).state is ItemState.DONE
    reopened = [*entries, (b, 4500.0)]
    again = status(schedule, b, 0.0, reopened, [], now=4560.0)
    assert not again.finished
    assert again.paused_seconds == 3600.0 and again.elapsed == 960.0
    assert again.of(b).spent == 600.0 + 60.0
    assert session_pauses(reopened, [])[0] == Pause(900.0, 4500.0, closed=True)


def test_shifted_moves_planned_times_past_pauses():
    pauses = [Pause(100.0, 160.0), Pause(500.0, None)]
    assert shifted(0.0, 50.0, pauses, now=1000.0) == 50.0
    assert shifted(0.0, 100.0, pauses, now=1000.0) == 160.0
    assert shifted(0.0, 200.0, pauses, now=1000.0) == 260.0
    assert shifted(0.0, 600.0, pauses, now=1000.0) == 1000.0 + 600.0 - 440.0
