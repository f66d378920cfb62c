"""The walkthrough's case (issue #24), by the keys a consultant presses: PgDn, `j` Enter, `z`,
then the JSON export imports on another laptop's data folder."""

from __future__ import annotations

import json

from sessions.export import export_session
from sessions.repository import SessionRepository
from sessions.storage.locations import prepare_data_dir
from tests.tui.helpers import make_app, new_live
from tui import cli


async def test_an_undone_rebalance_exports_a_session_that_imports(
    library, repository, clock, tmp_path, capsys
):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("pagedown")
        clock.advance(25 * 60)  # far behind: `j` has minutes to take
        before = live.schedule
        await pilot.press("j", "enter")
        await pilot.pause()
        assert live.schedule != before
        await pilot.press("z")
        await pilot.pause()
        assert live.schedule == before
        exported = export_session(live.store, "json")
    file = tmp_path / "flyttet.json"
    file.write_bytes(exported)
    other = tmp_path / "anden-laptop"
    assert cli.main(["--data-dir", str(other), "import", str(file)]) == 0, capsys.readouterr().err
    session_id = json.loads(exported)["tables"]["session"]["1"]["id"]
    imported = SessionRepository(prepare_data_dir(other), clock)
    _, store = imported.open(session_id, readonly=True)
    try:
        again = json.loads(export_session(store, "json"))
        assert again["tables"] == json.loads(exported)["tables"], "the same session, moved"
    finally:
        store.close()
