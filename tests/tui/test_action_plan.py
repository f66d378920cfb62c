"""The action plan and private notes, driven with Pilot."""

from __future__ import annotations

from textual.widgets import Checkbox, DataTable, Input

from sessions.export import export_session
from sessions.storage.session_store import SessionStore
from tests.tui.helpers import HOSTILE, make_app, new_live
from tui.screens.action_plan import ActionForm, ActionPlanScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.note_form import NoteForm
from tui.screens.presenter import PresenterScreen


async def test_write_edit_and_delete_actions(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, ActionPlanScreen)
        await pilot.press("n")
        assert isinstance(app.screen, ActionForm)
        await pilot.press("enter")
        assert isinstance(app.screen, ActionForm), "a 'what' is required"
        app.screen.query_one("#action-what", Input).value = HOSTILE
        app.screen.query_one("#action-who", Input).value = "AMR og leder"
        app.screen.query_one("#action-when", Input).value = "Inden 1. marts"
        app.screen.query_one("#action-follow_up", Input).value = "Personalemødet i april"
        await pilot.press("enter")
        assert isinstance(app.screen, ActionPlanScreen)
        (action,) = live.actions()
        assert (action.what, action.who) == (HOSTILE, "AMR og leder")
        assert app.screen.query_one(DataTable).row_count == 1
        await pilot.press("enter")  # edit
        assert isinstance(app.screen, ActionForm)
        app.screen.query_one("#action-who", Input).value = "Arbejdsmiljøgruppen"
        await pilot.press("enter")
        assert live.actions()[0].who == "Arbejdsmiljøgruppen"
        await pilot.press("n")
        app.screen.query_one("#action-what", Input).value = "Tjek-ind på alle teammøder"
        await pilot.press("enter")
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await pilot.press("f")
        await pilot.press(*"uge 10", "enter")
        assert live.next_follow_up == "uge 10"
        await pilot.press("escape")
        assert isinstance(app.screen, PresenterScreen)
        session_id = live.info.id
    store = SessionStore.open(repository.root / session_id, readonly=True)
    actions = [d["what"] for d in store.all("actions").values()]
    referat = export_session(store, "md").decode()
    store.close()
    assert actions == [HOSTILE]
    assert "| Hvad | Hvem | Hvornår | Opfølgning | Status |" in referat
    assert "Arbejdsmiljøgruppen" in referat
    assert "Næste opfølgning: uge 10." in referat


async def test_a_private_note_stays_off_the_projector_and_the_referat(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"kun for mig")
        assert isinstance(app.screen, NoteForm)
        app.screen.query_one("#note-private", Checkbox).value = True
        await pilot.press("enter")
        await pilot.pause()
        body = str(app.screen.query_one("#notes-body").render())
        assert "kun for mig" not in body and "kun til dig" in body
        (note,) = live.notes()
        assert note.private
        referat = export_session(live.store, "md").decode()
        assert "kun for mig" not in referat
        assert "kun for mig" in export_session(live.store, "md", include_private=True).decode()
