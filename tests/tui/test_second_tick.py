"""Everything that shows time in a window wakes on one timer a second (`second_tick`): the
countdown's digits, the status line, the look for a room view. Nothing else keeps a timer."""

from __future__ import annotations

import asyncio

from textual.app import App

from sessions.clock import FakeClock
from sessions.live import LiveSession
from sessions.presence import announce_console, withdraw
from tests.tui.helpers import make_app, new_live
from tui.room import RoomApp, RoomScreen
from tui.widgets.countdown_display import CountdownDisplay

WAIT_SECONDS = 6.0
"""The longest a test waits for a second to go by (a loaded machine is slow)."""


def timed_page(live: LiveSession) -> None:
    position = next(i for i, p in enumerate(live.pages) if p.seconds)
    live.go_to(position)


def running_page(live: LiveSession) -> None:
    """On the first timed page, its countdown running."""
    timed_page(live)
    page = live.page
    assert page.seconds is not None
    live.timers.start(page.key, page.seconds)


def timers(app: App[None]) -> list[str]:
    """The names of the timers the app and its widgets keep (Textual's own screen updates,
    which run only after a change, left out)."""
    nodes = [app, *app.screen_stack, *app.screen.walk_children()]
    return sorted(
        timer.name for node in nodes for timer in node._timers if timer.name != "screen_update"
    )


async def until(condition, seconds: float = WAIT_SECONDS) -> bool:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds / 0.05)):
        if condition():
            return True
        await asyncio.sleep(0.05)
    return bool(condition())


async def test_the_console_keeps_one_timer_and_a_countdown_started_later_ticks(
    library, repository, clock: FakeClock
):
    """A countdown that was stopped when the window opened ticks once started (its display
    once took Textual's own `_running` for its own and was left off the second's list)."""
    live = new_live(repository, library, clock)
    timed_page(live)
    app = make_app(library, repository, clock, live=live, layout="auto")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        display = app.screen.query_one(CountdownDisplay)
        assert not display.running
        await pilot.press("t")
        await pilot.pause()
        assert display.running
        shown = display.digits
        clock.advance(2.0)
        assert await until(lambda: display.digits != shown), "the digits moved on"
        assert timers(app) == ["second-tick"], "one timer for all that shows time"


async def test_the_room_view_keeps_one_timer(library, repository, clock: FakeClock):
    live = new_live(repository, library, clock)
    running_page(live)
    announcement = announce_console(repository.data_dir, live.info.id)
    room = RoomApp(repository, library, clock=clock)
    try:
        async with room.run_test(size=(80, 24)) as pilot:
            screen = room.screen
            assert isinstance(screen, RoomScreen)
            assert await until(lambda: bool(screen.query(CountdownDisplay)))
            await pilot.pause()
            display = screen.query_one(CountdownDisplay)
            shown = display.digits
            clock.advance(2.0)
            assert await until(lambda: display.digits != shown), "the digits moved on"
            assert timers(room) == ["second-tick"]
    finally:
        withdraw(announcement)
        live.close()


async def test_a_countdown_on_a_clock_held_still_wakes_the_window_once_a_second(
    library, repository, clock: FakeClock
):
    """The tick waits for the running countdown's next second. On a clock that does not move
    (a test's clock, or a machine's clock stopped) that second never comes, and waiting for it
    woke the window every few milliseconds, a core busy for nothing: the tick then keeps to
    the wall clock's seconds instead."""
    from tui.widgets.second_tick import each_second

    live = new_live(repository, library, clock)
    running_page(live)
    app = make_app(library, repository, clock, live=live, layout="auto")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        display = app.screen.query_one(CountdownDisplay)
        assert display.running
        calls: list[float] = []
        each_second(display, lambda: calls.append(asyncio.get_running_loop().time()))
        await asyncio.sleep(1.5)
        assert 1 <= len(calls) <= 2, f"{len(calls)} wake-ups in 1.5 s"
