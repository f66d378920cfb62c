"""With a countdown running and nothing typed, only what shows time repaints: the digits once a
second, the status line when its minutes change. Everything else stays as it was drawn, in the
consultant's window and in the room view."""

from __future__ import annotations

from collections import Counter

import pytest
from textual.widget import Widget

from sessions.clock import FakeClock
from sessions.live import LiveSession
from sessions.presence import announce_console, withdraw
from tests.tui.helpers import make_app, new_live
from tui.room import RoomApp, RoomScreen
from tui.widgets.countdown_display import CountdownDisplay
from tui.widgets.status_bar import StatusBar

SECONDS = 30
SHOWS_TIME = {"BigClock", "CountdownDisplay", "AgendaBar"}
"""Widgets that draw time; besides these, only the status line's labels may change."""
STATUS_LABELS = {"status-clock", "status-timing", "status-item-left", "status-pace"}


def on_a_running_countdown(live: LiveSession) -> None:
    position = next(i for i, p in enumerate(live.pages) if p.seconds and p.seconds > SECONDS)
    live.go_to(position)
    page = live.page
    assert page.seconds is not None
    live.timers.start(page.key, page.seconds)


def changed_widgets(counted: Counter[str]) -> set[str]:
    return {name for name, times in counted.items() if times}


async def test_the_console_repaints_only_what_shows_time(library, repository, clock: FakeClock):
    live = new_live(repository, library, clock)
    on_a_running_countdown(live)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        countdown = app.screen.query_one(CountdownDisplay)
        status = app.screen.query_one(StatusBar)
        counted = Counter[str]()
        with pytest.MonkeyPatch.context() as patch:
            original = Widget.refresh

            def counting(self: Widget, *args: object, **kwargs: object) -> Widget:
                counted[self.id if self.id in STATUS_LABELS else type(self).__name__] += 1
                return original(self, *args, **kwargs)  # type: ignore[arg-type]

            patch.setattr(Widget, "refresh", counting)
            for _ in range(SECONDS):
                clock.advance(1.0)
                countdown.tick()  # what its interval calls, a few times a second
                status.tick()  # … and the status line's, once a second
                await pilot.pause()
        assert changed_widgets(counted) <= SHOWS_TIME | STATUS_LABELS, counted
        assert counted["BigClock"] >= SECONDS, "the digits repaint every second"
        assert counted["BigClock"] <= SECONDS + 1, "… and only once a second"


async def test_the_room_view_repaints_only_the_countdown(library, repository, clock: FakeClock):
    live = new_live(repository, library, clock)
    on_a_running_countdown(live)
    announcement = announce_console(repository.data_dir, live.info.id)
    room = RoomApp(repository, library, clock=clock)
    try:
        async with room.run_test(size=(80, 24)) as pilot:
            screen = room.screen
            assert isinstance(screen, RoomScreen)
            screen.follow()
            await pilot.pause()
            countdown = screen.query_one(CountdownDisplay)
            counted = Counter[str]()
            with pytest.MonkeyPatch.context() as patch:
                original = Widget.refresh

                def counting(self: Widget, *args: object, **kwargs: object) -> Widget:
                    counted[type(self).__name__] += 1
                    return original(self, *args, **kwargs)  # type: ignore[arg-type]

                patch.setattr(Widget, "refresh", counting)
                for _ in range(SECONDS):
                    clock.advance(1.0)
                    screen.follow()  # a wake-up with the session's files unchanged
                    countdown.tick()
                    await pilot.pause()
            assert changed_widgets(counted) <= {"BigClock", "CountdownDisplay"}, counted
            assert SECONDS <= counted["BigClock"] <= SECONDS + 1
    finally:
        withdraw(announcement)
        live.close()


async def test_a_second_going_by_repaints_only_the_digits_that_changed() -> None:
    from textual.app import App, ComposeResult
    from textual.geometry import Region

    from tui.widgets.big_clock import BigClock

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield BigClock()

    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        clock = app.query_one(BigClock)
        clock.value = "5:59"
        await pilot.pause()
        regions: list[Region] = []
        with pytest.MonkeyPatch.context() as patch:
            original = Widget.refresh

            def recording(self: Widget, *regions_asked: Region, **kwargs: object) -> Widget:
                if isinstance(self, BigClock):
                    regions.extend(regions_asked or [self.size.region])
                return original(self, *regions_asked, **kwargs)  # type: ignore[arg-type]

            patch.setattr(Widget, "refresh", recording)
            clock.value = "5:58"
        (region,) = regions
        assert region.x > 0 and region.right == clock.size.width, "the last digit only"
        assert region.width < clock.size.width // 3
