"""Managing earlier sessions from the start screen."""

from __future__ import annotations

import dataclasses

from textual.widgets import Input, OptionList

from tests.conftest import DETAILS
from tests.tui.helpers import HOSTILE, make_app
from tui.screens.confirm import ConfirmScreen
from tui.screens.start import StartScreen
from tui.screens.summary import SummaryScreen
from tui.screens.text_prompt import TextPrompt


def make_sessions(repository, theme, *workplaces):
    from sessions.live import LiveSession

    for workplace in workplaces:
        info, store = repository.create(theme, dataclasses.replace(DETAILS, workplace=workplace))
        live = LiveSession(repository, info, store, theme, repository.clock)
        live.add_note(HOSTILE)
        live.add_note("hemmelig", private=True)
        live.save_action(None, "Tjek-ind på teammøder", "AMR", "Marts", "April")
        live.close()


async def test_view_filter_rename_and_delete(library, repository, clock, theme):
    make_sessions(repository, theme, "Solsikken", "Bostøtten")
    app = make_app(library, repository, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab")
        sessions = app.screen.query_one("#sessions", OptionList)
        assert sessions.option_count == 2

        await pilot.press("slash")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"bost", "enter")
        assert sessions.option_count == 1
        assert "Bostøtten" in str(sessions.get_option_at_index(0).prompt)

        await pilot.press("v")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.pause()
        shown = app.screen.query_one("#summary-markdown").source
        assert "Tjek-ind på teammøder" in shown and "hemmelig" not in shown
        await pilot.press("escape")

        await pilot.press("r")
        assert isinstance(app.screen, TextPrompt)
        app.screen.query_one(Input).value = "Bostøtten Vest"
        await pilot.press("enter")
        assert "Bostøtten Vest" in str(sessions.get_option_at_index(0).prompt)

        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert [s.workplace for s in repository.list()] == ["Solsikken"]
        assert len(repository.trashed()) == 1

        await pilot.press("slash", "ctrl+u", "enter")  # an empty search shows every session
        assert "Solsikken" in str(sessions.get_option_at_index(0).prompt)
