"""Red team V7: an imported session with extreme values that the check lets through (times at
the ends of the years a session may be in, every agenda item at 600 minutes, a countdown of a
day) opens on the console and turns its pages without a crash."""

from __future__ import annotations

from sessions.clock import FakeClock
from sessions.imports.shapes import EARLIEST, LATEST
from sessions.live import LiveSession
from sessions.repository import SessionRepository
from sessions.storage.locations import prepare_data_dir
from tests.import_fuzz import full_export, leaves, shape, with_values
from tests.tui.helpers import make_app

EXTREMES = {
    ("log", "*", "at"): EARLIEST,
    ("state", "*", "started_at"): EARLIEST,
    ("pauses", "*", "start"): EARLIEST,
    ("pauses", "*", "end"): LATEST - 1,
    ("schedule", "*", "items", "*", "minutes"): 600,
    ("timers", "*", "duration"): 86_400,
    ("timers", "*", "remaining"): 86_400,
    ("timers", "*", "ends_at_wall"): LATEST - 1,
    ("notes", "*", "created_at"): LATEST - 1,
    ("notes", "*", "card"): 10_000,
}


async def test_a_session_of_extremes_resumes_on_the_console(library, tmp_path):
    clock = FakeClock()
    source = SessionRepository(prepare_data_dir(tmp_path / "source"), clock)
    document = full_export(library, source, clock)
    changes = [
        (path, EXTREMES[shape(path)])
        for path, _ in leaves(document["tables"])
        if shape(path) in EXTREMES
    ]
    assert len(changes) > 50
    del document["tables"]["draft"]  # a draft would open the note form first (as it should)
    repository = SessionRepository(prepare_data_dir(tmp_path / "data"), clock)
    info = repository.import_export(with_values(document, changes))
    live = LiveSession.open(repository, library, info.id, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        for _ in range(6):
            await pilot.press("pagedown")
            await pilot.pause()
        clock.advance(90)
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PresenterScreen"
        assert live.position > 0
