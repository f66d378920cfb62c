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
