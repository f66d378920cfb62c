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
        shown = display._shown
        clock.advance(2.0)
        assert await until(lambda: display._shown != shown), "the digits moved on"
        assert timers(app) == ["second-tick"], "one timer for all that shows time"


async def test_the_room_view_keeps_one_timer(library, repository, clock: FakeClock):
    live = new_live(repository, library, clock)
    timed_page(live)
    page = live.page
    assert page.seconds is not None
    live.timers.start(page.key, page.seconds)
    announcement = announce_console(repository.data_dir, live.info.id)
    room = RoomApp(repository, library, clock=clock)
    try:
        async with room.run_test(size=(80, 24)) as pilot:
            screen = room.screen
            assert isinstance(screen, RoomScreen)
            assert await until(lambda: bool(screen.query(CountdownDisplay)))
            await pilot.pause()
            display = screen.query_one(CountdownDisplay)
            shown = display._shown
            clock.advance(2.0)
            assert await until(lambda: display._shown != shown), "the digits moved on"
            assert timers(room) == ["second-tick"]
    finally:
        withdraw(announcement)
        live.close()
