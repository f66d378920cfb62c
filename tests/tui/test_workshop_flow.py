"""The path a consultant walks, driven with Pilot, asserting what is on disk and on screen."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, OptionList, TextArea

from sessions.models import NoteTag
from tests.tui.helpers import HOSTILE, make_app, new_live, notes_on_disk, page_of
from tui.screens.agenda_planner import AgendaPlanner
from tui.screens.blank import BlankScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.goto import GotoScreen
from tui.screens.help import HelpScreen
from tui.screens.new_session import NewSessionScreen
from tui.screens.note_form import NoteForm, NoteTextArea
from tui.screens.notes_manager import NotesManager
from tui.screens.presenter import PresenterScreen
from tui.screens.summary import SummaryScreen
from tui.widgets.big_clock import BigClock
from tui.widgets.room_notes import RoomNotes


async def choose_theme(app, pilot, theme_id: str) -> None:
    """Highlight a theme once the start screen's worker has listed them (on a loaded machine
    one pause is not enough: Enter then found no theme and the form never came)."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    themes = app.screen.query_one("#themes", OptionList)
    index = next(i for i, e in enumerate(app.library.entries()) if e.id == theme_id)
    themes.focus()
    themes.highlighted = index


async def test_a_new_session_plans_then_starts_when_the_consultant_begins(
    library, repository, clock
):
    app = make_app(library, repository, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await choose_theme(app, pilot, "alle-oevelser")
        await pilot.press("enter")
        assert isinstance(app.screen, NewSessionScreen)
        await pilot.press(*"Solsikken")
        app.screen.query_one("#participants", Input).focus()
        await pilot.press("1", "4")
        app.screen.query_one("#other-minutes", Input).focus()
        await pilot.press("6", "0", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaPlanner)
        live = app.live
        assert live is not None and live.started_at is None
        assert live.schedule.plan == 60
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PresenterScreen)
        assert live.started_at == clock.wall()
        (summary,) = repository.list()
        assert summary.workplace == "Solsikken" and summary.plan == 60


async def test_clicker_keys_the_timer_notes_and_the_end(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("pagedown", "right", "space")
        assert live.position == 3
        await pilot.press("pageup", "left")
        assert live.position == 1

        await pilot.press("g")
        assert isinstance(app.screen, GotoScreen)
        target = page_of(live, "reflection")
        await pilot.press(*["down"] * (target - live.position), "enter")
        assert live.position == target
        await pilot.press("t")
        clock.advance(61)
        app.screen.query_one("#countdown").tick()
        left = (live.page.seconds or 0) - 61
        assert app.screen.query_one(BigClock).value == f"{left // 60}:{left % 60:02d}"

        # A note with markup, pasted lines and a tag; on disk before the form is gone.
        await pilot.press("n")
        assert isinstance(app.screen, NoteForm)
        app.post_message(events.Paste(HOSTILE + "\nlinje to"))  # as a terminal does
        await pilot.pause()
        await pilot.press("tab", "right", "right", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PresenterScreen)
        (note,) = notes_on_disk(repository, live.info.id)
        assert note.text == HOSTILE + "\nlinje to" and note.tag is NoteTag.CHALLENGE

        # Editing keeps the tag and the privacy.
        await pilot.press("e")
        assert isinstance(app.screen, NotesManager)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NoteForm) and form.tag is NoteTag.CHALLENGE
        await pilot.press("ctrl+end", *" mere", "enter")
        await pilot.pause()
        (note,) = notes_on_disk(repository, live.info.id)
        assert note.tag is NoteTag.CHALLENGE and note.text.endswith("mere")

        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "b")
        assert isinstance(app.screen, BlankScreen)
        assert live.display.current.blank
        await pilot.press("x")
        await pilot.pause()
        assert not live.display.current.blank

        live.go_to(len(live.pages) - 1)  # the screen hears of it as of every change
        await pilot.press("pagedown")
        await pilot.pause()
        assert not live.nav.finished, "the last page asks first"
        await pilot.press("y")
        await pilot.pause()
        assert live.nav.finished
        assert isinstance(app.screen, SummaryScreen)


async def test_a_private_note_never_shows_its_text_in_the_single_window(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("N", *"HEMMELIGT")
        form = app.screen
        assert isinstance(form, NoteForm) and form.private
        area = form.query_one(NoteTextArea)
        assert area.masked
        assert "HEMMELIGT" not in "".join(s.text for s in area.render_line(0))
        await pilot.press("ctrl+t")
        assert not area.masked, "the consultant can peek"
        await pilot.press("ctrl+t", "enter")
        await pilot.pause()
        (note,) = notes_on_disk(repository, live.info.id)
        assert note.private and note.text == "HEMMELIGT"
        room_notes = app.screen.query_one(RoomNotes)
        await pilot.press("l")
        await pilot.pause()
        assert "HEMMELIGT" not in str(room_notes.query_one("#room-notes-body").render())
        await pilot.press("e")
        listed = app.screen.query_one("#notes-list", OptionList).get_option_at_index(0)
        assert "HEMMELIGT" not in str(listed.prompt)


async def test_a_private_note_is_shown_on_the_console(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live, layout="console")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("N", *"til mig", "enter")
        await pilot.pause()
        assert "til mig" in str(app.screen.query_one("#console-notes").render())


async def test_every_way_out_of_a_live_session_asks_first(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        for keys in (("q",), ("ctrl+q",)):
            await pilot.press(*keys)
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("n")
            assert app.is_running
        await pilot.press("q", "y")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_restored_draft_keeps_its_tag_and_privacy(library, repository, clock):
    from sessions.models import Draft

    live = new_live(repository, library, clock)
    live.notebook.save_draft(
        Draft(live.page.segment.id, "halvt skrevet", 0, None, NoteTag.IDEA, True)
    )
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NoteForm)
        assert form.text == "halvt skrevet" and form.tag is NoteTag.IDEA and form.private
        assert isinstance(form.query_one(NoteTextArea), TextArea)


async def test_the_form_asks_the_sector_and_the_console_shows_its_example_first(
    library, repository, clock
):
    from textual.widgets import Select

    from sessions.theme.notes import for_sector

    app = make_app(library, repository, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await choose_theme(app, pilot, "alle-oevelser")
        await pilot.press("enter")
        assert isinstance(app.screen, NewSessionScreen)
        await pilot.press(*"Jobcentret")
        app.screen.query_one("#participants", Input).focus()
        await pilot.press("2", "0")
        assert app.screen.query_one("#sector", Select).value == "andet", "all examples by default"
        app.screen.query_one("#sector", Select).value = "kontor"
        app.screen.query_one("#participants", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        live = app.live
        assert live is not None and live.info.details.sector == "kontor"
    (summary,) = repository.list()
    info, store = repository.open(summary.id, readonly=True)
    assert info.details.sector == "kontor", "stored with the session"
    notes = "Eksempel (omsorg): Et bosted …\nEksempel (kontor): Et jobcenter …"
    assert for_sector(notes, live.info.details.sector).startswith("**Eksempel (kontor)**: ")
