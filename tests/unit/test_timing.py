"""A whole simulated session on a fake clock: pauses, a closed lid, a crash and a resume."""

from sessions.timing import Pause, paused_between, status, time_spent, visits
from tests.conftest import reopen


def test_visits_and_time_spent_skip_pauses():
    entries = [("a", 0.0), ("b", 600.0), ("a", 900.0), ("__end__", 1000.0)]
    assert [v.item_id for v in visits(entries)] == ["a", "b", "a"]
    spent = time_spent(entries, [Pause(100.0, 160.0)], now=5000.0)
    assert spent == {"a": 600.0 - 60.0 + 100.0, "b": 300.0}
    assert paused_between([Pause(10.0, None)], 0.0, 50.0) == 40.0


def test_a_two_hour_session_on_a_fake_clock(live, repository, library, clock):
    live.start()
    schedule = live.schedule
    assert live.timing().behind == 0
    first = schedule.items[0]

    # The welcome runs 3 minutes over.
    clock.advance((first.minutes + 3) * 60)
    assert round(live.timing().item_left) == -180
    assert round(live.timing().behind) == 180
    second_item_page = next(i for i, p in enumerate(live.pages) if p.segment.id != first.id)
    live.go_to(second_item_page)
    assert round(live.timing().behind) == 180

    # A fire drill: everything stands still for 10 minutes.
    live.pause_session()
    assert live.paused and live.timing().paused
    before = live.timing()
    clock.advance(600)
    during = live.timing()
    assert during.elapsed == before.elapsed
    assert round(during.behind) == round(before.behind)
    live.resume_session()
    assert not live.paused

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

    # Apply the suggestion, then run the rest exactly to plan: the session ends on time.
    from sessions.schedule import apply, suggest

    behind_minutes = round(status_after.behind / 60)
    current_id = again.page.segment.id
    again.set_schedule(apply(again.schedule, suggest(again.schedule, current_id, behind_minutes)))
    assert abs(again.timing().behind) < 60
    for item in again.schedule.active[again.schedule.index_of(current_id) :]:
        left = again.timing().item_left if item.id == current_id else item.minutes * 60
        clock.advance(max(0.0, left))
        following = [
            i
            for i, p in enumerate(again.pages)
            if p.segment.id
            not in {x.id for x in again.schedule.active[: again.schedule.index_of(item.id) + 1]}
        ]
        if following:
            again.go_to(following[0])
    again.finish()
    final = again.timing()
    assert abs(final.projected_end - final.planned_end) < 60
    assert again.finished
    again.close()


def test_status_before_the_start(live):
    current = live.timing()
    assert current.started_at is None and current.behind == 0


def test_status_for_a_schedule_that_does_not_add_up(live, clock):
    live.start()
    live.set_schedule(live.schedule.set_minutes(live.schedule.items[-1].id, 20))
    extra = 20 - [i for i in live.schedule.items][-1].original_minutes
    assert round(live.timing().behind) == extra * 60
    assert status(live.schedule, "nope", live.started_at, [], [], clock.wall()).item_left == 0
