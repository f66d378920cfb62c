"""A second session for the same workplace follows up the first one's action plan."""

from __future__ import annotations

from textual.widgets import Input

from sessions.export import export_session
from sessions.models import FollowUpStatus
from tests.tui.helpers import HOSTILE, highlight_theme, make_app, new_live
from tui.screens.agenda_planner import AgendaPlanner
from tui.screens.confirm import ConfirmScreen
from tui.screens.followup import FollowUpScreen
from tui.screens.presenter import PresenterScreen
from tui.screens.text_prompt import TextPrompt


async def test_follow_up_the_last_action_plan(library, repository, clock):
    first = new_live(repository, library, clock)
    first.save_action(None, HOSTILE, "AMR", "Marts", "April")
    first.save_action(None, "Fast tjek-ind", "Leder", "Nu", "Maj")
    first.close()
    clock.advance(30 * 86400)

    app = make_app(library, repository, clock)
    async with app.run_test(size=(110, 32)) as pilot:
        highlight_theme(app, "social-stoette")
        await pilot.press("enter")
        await pilot.press(*"botilbuddet solsikken")  # the same workplace, other letter case
        app.screen.query_one("#participants", Input).value = "9"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaPlanner)
        live = app.live
        assert live is not None
        assert live.schedule.items[1].id == "opfoelgning"
        assert live.schedule.difference() == 10, "the planner shows the 10 extra minutes"
        await pilot.press("enter")
        assert isinstance(app.screen, PresenterScreen)

        page = next(i for i, p in enumerate(live.pages) if p.segment.id == "opfoelgning")
        await pilot.press(*["right"] * page)
        shown = app.screen.query_one("#exercise-markdown").source
        assert "Fast tjek\\-ind" in shown or "Fast tjek-ind" in shown

        await pilot.press("o")
        assert isinstance(app.screen, FollowUpScreen)
        await pilot.press("1", "down", "4", "c")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"For travlt i foråret", "enter")
        await pilot.press("escape")
        statuses = [(f.status, f.comment) for f in live.followups()]
        assert statuses == [
            (FollowUpStatus.DONE, ""),
            (FollowUpStatus.DROPPED, "For travlt i foråret"),
        ]
        referat = export_session(live.store, "md").decode()
        assert "- Opfølgning på handlingsplanen fra 24. november 2026: " in referat
        assert "1 gennemført" in referat and "1 droppet" in referat
        assert "| Fast tjek-ind | Leder | Droppet | For travlt i foråret |" in referat
        html = export_session(live.store, "html").decode()
        assert "Gennemført" in html and "&lt;script&gt;" in html


async def test_no_question_for_a_new_workplace(library, repository, clock):
    app = make_app(library, repository, clock)
    async with app.run_test(size=(110, 32)) as pilot:
        highlight_theme(app, "social-stoette")
        await pilot.press("enter", *"Ny arbejdsplads")
        app.screen.query_one("#participants", Input).value = "9"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaPlanner)
