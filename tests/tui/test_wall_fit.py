"""The wall's countdown takes only the rows the page's content leaves it: at a laptop's 80×24, a
small projector's 100×30 and a big one's 200×60, with the phones' code beside the text, the
digits are never cut off and never cover the group's work (they fall back to a smaller scale,
or to plain digits, when the rows are too few)."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.geometry import Region
from textual.widget import Widget

from sessions.followup.repeat import REPEAT_ITEM_ID
from sessions.live import LiveSession
from tests.followup_helpers import session, three_sessions
from tests.tui.helpers import make_app
from tests.tui.scenes import scene
from tests.tui.test_snapshots import phones_on, settle
from tui.room import RoomApp
from tui.screens.presenter import PresenterScreen
from tui.widgets.big_clock import BigClock, rows_for
from tui.widgets.countdown_display import CountdownDisplay
from tui.widgets.stage import Stage

SIZES = [(80, 24, False), (100, 30, True), (200, 60, True)]
"""A laptop's terminal (the phones' code takes too many of its columns to be shown beside a
follow-up's statements), a small projector and a big one with the phones on."""
PAGES = [
    "followup-count",
    "followup-result",
    "scale",
    "scale-result",
    "sorting",
    "voting-result",
    "walk",
    "round",
]


def open_on(name: str, repository, library, clock, *, phones: bool) -> str:
    """The session shown on the wall for `name`, closed (the room view opens it)."""
    if name.startswith("followup"):
        three_sessions(repository, library, clock, last=2)
        live = session(repository, library, clock, 2)
        index = 1 if name.endswith("result") else 0
        live.go_to(
            next(
                i
                for i, page in enumerate(live.pages)
                if page.segment.id == REPEAT_ITEM_ID and page.index == index
            )
        )
    else:
        live = scene(repository, library, clock, name)
    if phones:
        phones_on(live)
    session_id = live.info.id
    live.close()
    return session_id


def leaves(widget: Widget) -> list[Widget]:
    """The displayed widgets under `widget` that have no displayed children of their own."""
    found: list[Widget] = []
    for child in widget.displayed_children:
        found.extend(leaves(child) if child.displayed_children else [child])
    return found


def inside(inner: Region, outer: Region) -> bool:
    return (
        inner.x >= outer.x
        and inner.y >= outer.y
        and inner.right <= outer.right
        and inner.bottom <= outer.bottom
    )


@pytest.mark.parametrize("window", ["room", "single"])
@pytest.mark.parametrize(
    "case", SIZES, ids=lambda c: f"{c[0]}x{c[1]}" + ("-phones" if c[2] else "")
)
@pytest.mark.parametrize("name", PAGES)
async def test_the_countdown_fits_what_the_page_leaves(
    name, case, window, library, repository, clock
):
    """In the room view, and in the single window (the one the room sees without a
    projector, under its status bar)."""
    width, height, phones = case
    session_id = open_on(name, repository, library, clock, phones=phones and window == "room")
    if window == "room":
        app: App[None] = RoomApp(repository, library, session_id, clock=clock)
    else:
        live = LiveSession.open(repository, library, session_id, clock)
        app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(width, height)) as pilot:
        if window == "single" and phones:
            await settle(pilot)
            phones_on(live)  # after the start, which turns the phones off
            screen = app.screen
            assert isinstance(screen, PresenterScreen)  # the answers' writes told it
        await settle(pilot)
        stage = app.screen.query_one(Stage)
        for _ in range(60):  # the clock looks again after a few refreshes; a loaded machine
            if not stage._clock_refit_planned:
                break
            await pilot.pause(0.05)
        await pilot.pause(0.1)
        countdown = stage.query_one(CountdownDisplay)
        if not countdown.display:
            pytest.skip("no countdown on this page")
        digits = countdown.query_one(BigClock)
        room = stage.content_region
        wanted = rows_for(digits.scale) if digits.scale else 1
        assert digits.region.height == wanted, "the digits are drawn whole"
        assert inside(countdown.region, room), (
            f"the countdown {countdown.region} is cut off by the stage {room} "
            f"(scale {digits.scale})"
        )
        exercise = stage.exercise
        content = [stage.query_one("#stage-title"), stage.query_one("#stage-step")]
        if stage.query_one("#stage-text").display:
            content.append(stage.query_one("#stage-text"))
        if exercise is not None:
            for leaf in leaves(exercise):
                assert inside(leaf.region, exercise.region), (
                    f"{leaf!r} at {leaf.region} is cut off by its exercise {exercise.region}"
                )
                content.append(leaf)
        for part in content:
            if part.display and part.region.height:
                assert not part.region.overlaps(countdown.region), (
                    f"{part!r} at {part.region} is under the countdown {countdown.region}"
                )


async def refits_done(pilot, stage: Stage) -> None:
    for _ in range(60):  # the clock looks again after a few refreshes; a loaded machine
        if not stage._clock_refit_planned:
            break
        await pilot.pause(0.05)
    await pilot.pause(0.1)


@pytest.mark.parametrize("name", ["followup-count", "followup-result", "scale"])
async def test_a_measurement_taken_mid_layout_does_not_decide_the_clock(
    name, library, repository, clock
):
    """Text or a list laid out before its final width is measured too tall for a moment: the
    clock shrinks for it, and grows back once the content is seen to need less, twice in a
    row, so the clock is the same size whatever order the layouts came in (the follow-up's
    pages at 80×24 showed big digits in one run and a plain "3:00" in the next)."""
    session_id = open_on(name, repository, library, clock, phones=False)
    app = RoomApp(repository, library, session_id, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        stage = app.screen.query_one(Stage)
        await refits_done(pilot, stage)
        digits = stage.query_one(CountdownDisplay).query_one(BigClock)
        settled = digits.scale
        assert settled, f"{name} leaves room for big digits at 80x24"
        # What a layout still catching up measures: content that leaves the clock no rows.
        stage._clock_cap.rows = 0
        stage._fit_clock()
        assert digits.scale < settled, "the clock shrank for the measurement"
        await refits_done(pilot, stage)
        assert digits.scale == settled, "the clock grew back to its settled size"
        assert stage.exercise is not None and not stage.exercise.held_back


async def test_a_clock_that_grew_into_the_contents_rows_gives_them_back(library, repository, clock):
    """If the rows the clock grew into were the content's (a scale then leaves statements out
    for lack of rows), the clock goes back to the size it grew from and stays: the content
    comes first, and the clock never swings between two sizes."""
    session_id = open_on("scale", repository, library, clock, phones=False)
    app = RoomApp(repository, library, session_id, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        stage = app.screen.query_one(Stage)
        await refits_done(pilot, stage)
        exercise = stage.exercise
        assert exercise is not None and not exercise.held_back
        before = stage._clock_cap.rows
        stage._clock_cap._grew_from = 0  # as if it had just grown from nothing
        exercise.held_back = True  # and the scale had then left statements out
        stage._refit_clock()
        assert stage._clock_cap.rows == 0 and not stage._clock_cap._may_grow
        await refits_done(pilot, stage)
        assert stage._clock_cap.rows == 0, f"stays at what it grew from (was {before})"
