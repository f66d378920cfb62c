"""The theme's 'Før mødet' checklist on the console: once, after the agenda and before the first
page of a session not yet begun; never in the single window the room sees."""

from __future__ import annotations

from textual.widgets import Static

from tests.tui.helpers import make_app, new_live
from tui.screens.agenda_planner import AgendaPlanner
from tui.screens.prep import PrepScreen
from tui.screens.presenter import PresenterScreen


async def test_the_console_shows_the_checklist_once_before_the_first_page(
    library, repository, clock
):
    live = new_live(repository, library, clock, "kraenkende-handlinger", started=False)
    app = make_app(library, repository, clock, live=live, layout="console")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AgendaPlanner)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        shown = str(app.screen.query_one("#prep-list", Static).render())
        assert "☐ Aftal med lederen og AMR/TR" in shown
        assert "Arbejdsmiljørepræsentant (AMR): ________" in shown
        assert live.started_at is None, "the session begins when the checklist is put away"
        await pilot.press("down", "enter")  # scrolls, then goes on
        await pilot.pause()
        assert isinstance(app.screen, PresenterScreen)
        assert live.started_at is not None


async def test_the_single_window_never_shows_the_checklist(library, repository, clock):
    live = new_live(repository, library, clock, "kraenkende-handlinger", started=False)
    app = make_app(library, repository, clock, live=live, layout="single")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PresenterScreen)
        assert live.started_at is not None
