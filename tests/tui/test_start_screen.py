"""The start screen reads the stored sessions once when it first appears (with 500 sessions
each reading is felt), and again when the consultant comes back to it."""

from __future__ import annotations

from tests.tui.helpers import make_app
from tui.screens.start import StartScreen


async def test_the_sessions_are_read_once_per_showing(library, repository, clock, monkeypatch):
    reads: list[int] = []
    listed = repository.list
    monkeypatch.setattr(repository, "list", lambda: reads.append(1) or listed())
    app = make_app(library, repository, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert len(reads) == 1
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert len(reads) == 2, "read again on coming back"


async def test_a_resume_accepted_while_the_themes_are_read_opens_the_session(
    repository, clock, monkeypatch
):
    """The consultant says yes to going on before the start screen has read the themes (each
    file made slow): the session opens; no "unknown theme"."""
    from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir
    from tests.tui.helpers import new_live
    from tests.unit.test_theme_library_race import slow_parser
    from tui.screens.presenter import PresenterScreen

    bundled = [(bundled_content_dir(), ThemeOrigin.BUNDLED)]
    earlier = new_live(repository, ThemeLibrary(bundled), clock, theme_id="social-stoette")
    earlier.close()
    read = slow_parser(monkeypatch)
    library = ThemeLibrary(bundled)
    errors: list[str] = []
    app = make_app(library, repository, clock, offer_resume=True)
    monkeypatch.setattr(app, "show_error", lambda error: errors.append(str(error)))
    async with app.run_test(size=(100, 30)) as pilot:
        while not read:  # the start screen's worker has begun reading
            await pilot.pause(0.01)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert errors == []
        assert isinstance(app.screen, PresenterScreen)
        assert app.live is not None and app.live.theme.id == "social-stoette"


async def test_the_preview_names_the_themes_checklist_and_hides_it_for_a_theme_without(
    library, repository, clock
):
    from tui.widgets.theme_prep import ThemePrep

    app = make_app(library, repository, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        prep = app.screen.query_one(ThemePrep)
        shown = str(prep.render())
        assert prep.display and "Før mødet: 15 punkter" in shown
        assert "oplaeg handout alene-arbejde --prep" in shown
        await pilot.press("down")  # the test theme with every exercise, and no checklist
        await pilot.pause()
        assert not prep.display
