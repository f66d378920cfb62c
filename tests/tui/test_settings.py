"""The app and config.toml: its mistakes are shown (and the app runs), the facilitator is filled
in on a new session's form, the console tells the room view its language."""

from __future__ import annotations

import json

from textual.widgets import Input

from sessions.presence import console_file
from tests.tui.helpers import make_app, new_live
from tui.app import OplaegApp
from tui.config import config_dir, load_settings
from tui.screens.new_session import NewSessionScreen


async def test_mistakes_in_the_files_are_shown_and_the_app_starts(library, repository, clock):
    folder = config_dir()
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text('light = "ja"\n[keys]\nnxet = "x"\n', encoding="utf-8")
    app = OplaegApp(
        library,
        repository,
        None,
        clock,
        offer_resume=False,
        config_dir=folder,
        settings=load_settings(folder),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        assert any("'light' skal være true eller false" in m for m in shown)
        assert any("[keys] 'nxet'" in m for m in shown)


async def test_the_new_session_form_has_the_facilitator_from_the_file(library, repository, clock):
    folder = config_dir()
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text('facilitator = "Mette Holm"\n', encoding="utf-8")
    app = OplaegApp(
        library, repository, None, clock, offer_resume=False, settings=load_settings(folder)
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionScreen)
        assert app.screen.query_one("#facilitator", Input).value == "Mette Holm"


async def test_the_console_says_its_language_for_the_room_view(library, repository, clock):
    from sessions.i18n import set_language

    set_language("en")
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        said = json.loads(console_file(repository.data_dir).read_text(encoding="utf-8"))
        assert said["language"] == "en"


async def test_light_in_the_file_makes_the_start_screen_light(library, repository, clock):
    from tui.config import Settings
    from tui.themes import DARK, LIGHT

    for light, theme in ((True, LIGHT), (None, DARK)):
        app = OplaegApp(
            library, repository, None, clock, offer_resume=False, settings=Settings(light=light)
        )
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.theme == theme
