"""The statements asked again, last time beside now, on the wall and on the console: the third
session of a workplace (hands and phones), counted and on its result page."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from sessions.followup.repeat import REPEAT_ITEM_ID
from tests.followup_helpers import session, three_sessions
from tui.room import RoomApp

SIZES = [(80, 24), (200, 60)]


def third_session_on(repository, library, clock, *, result: bool):
    """Sessions one and two done; the third open on its statements asked again."""
    three_sessions(repository, library, clock, last=2)
    live = session(repository, library, clock, 2)
    position = next(
        i
        for i, page in enumerate(live.pages)
        if page.segment.id == REPEAT_ITEM_ID and page.index == (1 if result else 0)
    )
    live.go_to(position)
    return live


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause(0.2)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("result", [False, True], ids=["count", "result"])
def test_the_wall_shows_last_time_beside_now(
    result, size, snap_compare, library, repository, clock
):
    live = third_session_on(repository, library, clock, result=result)
    session_id = live.info.id
    live.close()
    app = RoomApp(repository, library, session_id, clock=clock)
    assert snap_compare(app, terminal_size=size, run_before=settle)


@pytest.mark.parametrize("phones", [False, True], ids=["80x24", "100x30-phones"])
def test_the_single_window_keeps_the_fifth_row_above_the_countdown(
    phones, snap_compare, library, repository, clock
):
    """The single window (what the room sees without a projector, under the status bar) on the
    statements asked again: the countdown takes only the rows the statements leave it, in
    plain digits when they leave too few, so the scale's fifth row is never under it."""
    from tests.tui.helpers import make_app
    from tests.tui.test_snapshots import phones_on
    from tests.tui.test_snapshots import settle as settled
    from tui.screens.presenter import PresenterScreen

    live = third_session_on(repository, library, clock, result=False)
    app = make_app(library, repository, clock, live=live)

    async def ready(pilot: Pilot[None]) -> None:
        await settled(pilot)
        if phones:
            phones_on(live)  # after the start, which turns the phones off
            screen = app.screen
            assert isinstance(screen, PresenterScreen)  # the answers' writes told it
            await settled(pilot)
        await pilot.pause(0.2)

    size = (100, 30) if phones else (80, 24)
    assert snap_compare(app, terminal_size=size, run_before=ready)
