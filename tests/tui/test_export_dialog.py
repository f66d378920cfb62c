"""The export dialog: a file that would carry private notes is written only after a warning."""

from __future__ import annotations

import json

from textual.widgets import Button, Checkbox, Input, Label, RadioButton

from tests.sessions_helpers import add_note
from tests.tui.helpers import make_app, new_live
from tui.screens.export_dialog import ExportDialog


def shown(app, selector: str) -> str:
    label = app.screen.query_one(selector, Label)
    return str(label.render()) if label.has_class("-visible") else ""


async def choose(pilot, app, export_format: str) -> None:
    buttons = list(app.screen.query(RadioButton))
    next(b for b in buttons if str(b.label) == export_format).value = True
    await pilot.pause()


async def test_json_and_private_notes_are_written_only_after_a_warning(
    library, repository, clock, tmp_path
):
    live = new_live(repository, library, clock)
    add_note(live, "Kun til mig", private=True)
    session_id = live.info.id
    live.close()
    app = make_app(library, repository, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", "e")
        assert isinstance(app.screen, ExportDialog)
        path = app.screen.query_one("#path", Input)
        assert path.value.endswith(f"referat-{session_id}.md")
        assert shown(app, "#private-warning") == ""

        await choose(pilot, app, "json")
        assert path.value.endswith(f"session-{session_id}.oplaeg.json"), "not named a referat"
        assert "private noter" in shown(app, "#private-warning")
        target = tmp_path / "flyt.json"
        path.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert not target.exists(), "the first press only warns"
        assert str(app.screen.query_one("#export", Button).label) == "Eksportér alligevel"
        assert app.focused is app.screen.query_one("#export", Button)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert json.loads(target.read_text(encoding="utf-8"))["private_notes"] is True


async def test_a_referat_warns_only_when_private_notes_go_in(library, repository, clock, tmp_path):
    live = new_live(repository, library, clock)
    add_note(live, "Kun til mig", private=True)
    live.close()
    app = make_app(library, repository, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", "e")
        await choose(pilot, app, "docx")
        path = app.screen.query_one("#path", Input)
        assert path.value.endswith(".docx") and shown(app, "#private-warning") == ""
        app.screen.query_one("#private", Checkbox).value = True
        await pilot.pause()
        assert "private noter" in shown(app, "#private-warning")
        app.screen.query_one("#private", Checkbox).value = False
        await pilot.pause()
        target = tmp_path / "referat.docx"
        path.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.exists(), "no private notes: written at once"


async def test_the_dialog_says_what_is_wrong_with_the_file_in_its_own_words(
    library, repository, clock, tmp_path
):
    live = new_live(repository, library, clock)
    live.close()
    existing = tmp_path / "referat.md"
    existing.write_text("tidligere", encoding="utf-8")
    app = make_app(library, repository, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "e")
        path = app.screen.query_one("#path", Input)

        path.value = "   "
        await pilot.press("enter")
        await pilot.pause()
        assert "Skriv, hvor filen skal gemmes" in shown(app, "#form-error")

        path.value = str(existing)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        error = shown(app, "#form-error")
        assert "Overskriv" in error and "--force" not in error, "the dialog's words, not the CLI's"
        assert existing.read_text(encoding="utf-8") == "tidligere"
        assert not app.screen.query_one("#export", Button).disabled, "ready to try again"

        path.value = str(tmp_path)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert [p.name for p in tmp_path.glob("referat-*.md")], "a folder gets the usual file name"
