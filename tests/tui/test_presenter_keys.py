"""What the consultant's keys do on the presenter: the clicker always turns the page, focus never
breaks an exercise's keys, the timer obeys, and the palette offers what works — in Danish."""

from __future__ import annotations

from datetime import datetime

from textual.command import CommandPalette

from sessions.exercises.scale import ScaleState
from sessions.storage.changes import Part
from tests.tui.helpers import make_app, new_live, page_of
from tui.messages import SessionChanged
from tui.screens.confirm import ConfirmScreen
from tui.screens.rebalance import RebalanceScreen
from tui.themes import DARK, LIGHT
from tui.widgets.stage import Stage


def go(app, live, position: int) -> None:
    live.go_to(position)
    app.screen.enter_page()


async def test_pagedown_turns_a_long_slide_instead_of_scrolling_it(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(80, 24)) as pilot:
        go(app, live, 1)  # the fourteen-line slide
        await pilot.pause()
        await pilot.press("pagedown")
        assert live.position == 2
        await pilot.press("pageup", "down", "down")
        assert live.position == 1, "the arrow keys scroll a long page instead"


async def test_tab_never_takes_the_keys_away_from_the_exercise(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(80, 24)) as pilot:
        go(app, live, page_of(live, "scale"))
        await pilot.pause()
        await pilot.press("tab", "tab", "down", "3")
        await pilot.pause()
        state = live.exercises.state(live.page.segment)
        assert isinstance(state, ScaleState)
        assert state.selected == 1 and state.stats(1).counts[3] == 1


async def test_leaving_a_round_that_has_not_finished_asks_first(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        go(app, live, page_of(live, "round"))
        round_page = live.position
        await pilot.pause()
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        assert live.exercises.state(live.page.segment).speaker == 3
        await pilot.press("pageup")
        assert live.exercises.state(live.page.segment).speaker == 2, "PgUp: the previous speaker"
        await pilot.press("pageup", "pageup")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert live.position == round_page
        await pilot.press("pageup", "y")
        assert live.position == round_page - 1


async def test_the_timer_resets_to_its_planned_time_and_waits_for_a_session_pause(
    library, repository, clock
):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        go(app, live, page_of(live, "reflection"))
        planned = live.page.seconds
        await pilot.press("t", *["minus"] * 5)
        countdown = live.timers.for_page(live.page)
        assert countdown is not None and countdown.finished
        await pilot.press("r")
        assert countdown.remaining() == planned and not countdown.running
        await pilot.press("p", "t")
        assert not countdown.running, "the whole session is paused"
        await pilot.press("p", "t")
        assert countdown.running


async def test_a_break_starts_its_clock_and_its_return_time_stays_put(library, repository, clock):
    live = new_live(repository, library, clock, plan=120)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        position = next(i for i, p in enumerate(live.pages) if p.segment.kind.value == "break")
        go(app, live, position - 1)
        await pilot.press("pagedown")
        countdown = live.timers.for_page(live.page)
        assert countdown is not None and countdown.running
        back = datetime.fromtimestamp(clock.wall() + 600).strftime("%H.%M")
        stage = app.screen.query_one(Stage)
        shown = stage.return_time
        assert shown == back
        clock.advance(120)
        app.screen.post_message(SessionChanged(Part.PAGE))  # a repaint two minutes on
        await pilot.pause()
        assert stage.return_time == shown
        await pilot.press("plus")
        later = datetime.fromtimestamp(clock.wall() + 540).strftime("%H.%M")
        assert stage.return_time == later


async def test_j_shows_its_changes_first_and_z_takes_them_back(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        clock.advance(25 * 60)  # 25 minutes on the first page: far behind
        before = live.schedule
        await pilot.press("j")
        assert isinstance(app.screen, RebalanceScreen)
        await pilot.press("escape")
        assert live.schedule == before, "cancelled: nothing changed"
        await pilot.press("j", "enter")
        await pilot.pause()
        assert live.schedule != before
        assert all(i.minutes >= i.minimum for i in live.schedule.active)
        await pilot.press("z")
        await pilot.pause()
        assert live.schedule == before


async def test_the_light_theme_is_a_key_away_and_remembered(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == DARK
        await pilot.press("d")
        await pilot.pause()
        assert app.theme == LIGHT and live.display.current.light


async def test_the_palette_speaks_danish_and_offers_the_exercise_on_the_page(
    library, repository, clock
):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        go(app, live, page_of(live, "scale"))
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.query_one("CommandInput").placeholder == "Søg efter en handling …"
        await pilot.press(*"hånd")
        await pilot.pause(0.5)
        options = palette.query_one("CommandList")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("En hånd mere" in p for p in prompts)
        await pilot.press("enter")
        await pilot.pause()
        state = live.exercises.state(live.page.segment)
        assert state.stats(0).counts[1] == 1


async def test_turning_pages_faster_than_they_are_drawn(library, repository, clock):
    """A clicker held down: each exercise widget is taken down again while it mounts."""
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(120, 32)) as pilot:
        for _ in range(8):
            go(app, live, 0)
            await pilot.pause()
            for _ in range(6):
                app.screen.action_next()
            await pilot.pause()
        assert live.position == 6
