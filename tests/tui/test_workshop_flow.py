"""The path a consultant walks, driven with Pilot, asserting what is on disk."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, Static, TextArea

from sessions.models import NoteTag
from sessions.storage.session_store import SessionStore
from tests.tui.helpers import (
    HOSTILE,
    first_timed_page,
    highlight_theme,
    make_app,
    new_live,
    notes_on_disk,
)
from tui.screens.agenda_planner import AgendaPlanner
from tui.screens.blank import BlankScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.goto import GotoScreen
from tui.screens.help import HelpScreen
from tui.screens.new_session import NewSessionScreen
from tui.screens.note_form import NoteForm
from tui.screens.notes_manager import NotesManager
from tui.screens.presenter import PresenterScreen
from tui.widgets.big_clock import BigClock


async def test_a_whole_workshop_then_resume(library, repository, clock):
    app = make_app(library, repository, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        highlight_theme(app, "social-stoette")
        await pilot.press("enter")
        assert isinstance(app.screen, NewSessionScreen)
        await pilot.press(*"Solsikken")
        app.screen.query_one("#participants", Input).focus()
        await pilot.press("1", "4", "enter")
        await pilot.pause()
        # The agenda comes first; the session clock starts when the consultant begins.
        assert isinstance(app.screen, AgendaPlanner)
        live = app.live
        assert live is not None and live.started_at is None
        await pilot.press("enter")
        assert isinstance(app.screen, PresenterScreen)
        assert live.started_at == clock.wall()
        (summary,) = repository.list()
        assert summary.workplace == "Solsikken"

        # Clicker keys step through the pages.
        await pilot.press("pagedown", "right", "space")
        assert live.position == 3
        await pilot.press("pageup", "left")
        assert live.position == 1

        # Jump to the first exercise step and run its timer.
        await pilot.press("g")
        assert isinstance(app.screen, GotoScreen)
        target = first_timed_page(live)
        await pilot.press(*["down"] * (target - live.position), "enter")
        assert live.position == target
        await pilot.press("t")
        clock.advance(61)
        await pilot.pause(0.3)
        seconds = live.page.seconds or 0
        left = seconds - 61
        digits = app.screen.query_one(BigClock)
        assert digits.value == f"{left // 60}:{left % 60:02d}"

        # A note with markup, a paste of several lines and a tag.
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, NoteForm)
        app.post_message(events.Paste(HOSTILE + "\nlinje to\nlinje tre"))  # as a terminal does
        await pilot.pause()
        await pilot.press("tab", "right", "right", "enter")  # Ingen → Positivt → Udfordring, save
        await pilot.pause()
        assert isinstance(app.screen, PresenterScreen)
        (note,) = notes_on_disk(repository, live.info.id)
        assert note.text == HOSTILE + "\nlinje to\nlinje tre"
        assert note.tag is NoteTag.CHALLENGE
        shown = str(app.screen.query_one("#notes-body", Static).render())
        assert "[@click=app.quit]klik[/]" in shown

        # Blank, help and back.
        await pilot.press("b")
        assert isinstance(app.screen, BlankScreen)
        await pilot.press("x")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, PresenterScreen)

        # Quitting asks first, and says everything is saved.
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, PresenterScreen)
        position = live.position
        session_id = live.info.id
        await pilot.press("q", "enter")
    assert app.return_code == 0
    # The lock is released and the journal folded in.
    SessionStore.open(repository.root / session_id).close()

    clock.advance(30)
    again = make_app(library, repository, clock, offer_resume=True)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ConfirmScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, PresenterScreen)
        assert again.live is not None
        assert again.live.position == position
        assert [n.text for n in again.live.notes()] == [HOSTILE + "\nlinje to\nlinje tre"]
        countdown = again.live.countdown()
        assert countdown is not None and countdown.running
        assert round(countdown.remaining()) == (again.live.page.seconds or 0) - 91


async def test_markup_in_a_note_never_becomes_an_action(library, repository, clock):
    live = new_live(repository, library, clock)
    live.add_note("[@click=app.quit]klik her[/]")
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#notes-body", offset=(4, 0))
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, PresenterScreen)


async def test_edit_and_delete_notes(library, repository, clock):
    live = new_live(repository, library, clock)
    live.add_note("første")
    live.add_note("anden")
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, NotesManager)
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, NoteForm)
        await pilot.press("end", *" rettet", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NotesManager)
        await pilot.press("down", "delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, PresenterScreen)
    assert [n.text for n in notes_on_disk(repository, live.info.id)] == ["første rettet"]


async def test_an_empty_note_is_not_saved_and_escape_cancels(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "enter")
        assert isinstance(app.screen, NoteForm)
        assert "tom" in str(app.screen.query_one("#note-error").render())
        await pilot.press(*"kladde", "escape")
        assert isinstance(app.screen, PresenterScreen)
    assert notes_on_disk(repository, live.info.id) == []
    live_again_store = SessionStore.open(repository.root / live.info.id, readonly=True)
    assert live_again_store.get("draft", "1") is None


async def test_a_draft_survives_a_closed_terminal(library, repository, clock):
    live = new_live(repository, library, clock)
    session_id = live.info.id
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"halvt skrevet")
        app.terminate()  # what SIGHUP and SIGTERM call
        await pilot.pause()
    store = SessionStore.open(repository.root / session_id, readonly=True)
    assert (store.get("draft", "1") or {})["text"] == "halvt skrevet"
    store.close()

    from tests.conftest import reopen

    again = make_app(
        library, repository, clock, live=reopen(repository, library, session_id, clock)
    )
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, NoteForm)
        assert again.screen.query_one(TextArea).text == "halvt skrevet"
        await pilot.press("enter")
        await pilot.pause()
    assert [n.text for n in notes_on_disk(repository, session_id)] == ["halvt skrevet"]


async def test_a_failed_save_keeps_the_text_and_says_so(library, repository, clock, monkeypatch):
    from sessions.errors import StorageError

    live = new_live(repository, library, clock)

    def full_disk(*args, **kwargs):
        raise StorageError("the disk is full")

    monkeypatch.setattr(live, "add_note", full_disk)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"vigtig pointe", "enter")
        assert isinstance(app.screen, NoteForm)
        assert "IKKE gemt" in str(app.screen.query_one("#note-error").render())
        assert app.screen.query_one(TextArea).text == "vigtig pointe"


async def test_timer_keys_are_saved(library, repository, clock):
    live = new_live(repository, library, clock)
    live.start()
    live.go_to(first_timed_page(live))
    seconds = live.page.seconds or 0
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("plus", "plus", "minus")
        assert live.countdown().remaining() == seconds + 60
        await pilot.press("t")
        clock.advance(10)
        await pilot.press("t")
        store = SessionStore.open(repository.root / live.info.id, readonly=True)
        (timer,) = store.all("timers").values()
        store.close()
        assert timer["remaining"] == seconds + 50 and timer["ends_at_wall"] is None
        await pilot.press("r")
        assert live.countdown().remaining() == seconds + 60


async def test_time_up_rings_the_bell_once(library, repository, clock, monkeypatch):
    live = new_live(repository, library, clock)
    live.start()
    live.go_to(first_timed_page(live))
    app = make_app(library, repository, clock, live=live)
    rings = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        clock.advance((live.page.seconds or 0) + 1)
        await pilot.pause(0.6)
        assert "Tiden er gået" in str(app.screen.query_one("#countdown-state").render())
        await pilot.pause(0.6)
    assert rings == [1]


async def test_a_session_open_elsewhere_gives_a_clear_message(library, repository, clock):
    live = new_live(repository, library, clock)  # holds the lock, like another window
    app = make_app(library, repository, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.present_session(live.info.id)
        await pilot.pause()
        assert not isinstance(app.screen, PresenterScreen)
        messages = [n.message for n in app._notifications]
        assert any("åben i et andet vindue" in m for m in messages)
    live.close()


async def test_every_action_is_in_the_command_palette(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {
            "Næste side",
            "Start eller pause uret",
            "Skriv en ny note",
            "Gør skærmen sort",
            "Gå til et punkt på dagsordenen",
            "Afslut oplaeg",
        } <= titles


async def test_english_interface(library, repository, clock):
    from sessions.i18n import set_language

    set_language("en")
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "No notes yet" in str(app.screen.query_one("#notes-body", Static).render())


async def test_every_page_fits_small_and_projector_sizes(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    for size in ((80, 24), (200, 60)):
        async with app.run_test(size=size) as pilot:
            for _ in live.pages:
                await pilot.pause()
                screen = app.screen
                assert isinstance(screen, PresenterScreen)
                if live.page.seconds:
                    digits = screen.query_one(BigClock).region
                    assert digits.height >= 3 and digits.bottom <= size[1] - 1
                    assert digits.x >= 0 and digits.right <= screen.query_one("#main").region.right
                    if size == (200, 60):
                        wanted = 8 if screen.needs_room(live.page) else 15
                        assert digits.height >= wanted, "the timer fills a projector"
                status = screen.query_one("#status-position").region
                assert status.width > 0 and status.right <= size[0]
                await pilot.press("right")
        app = make_app(
            library,
            repository,
            clock,
            live=(live := new_live_again(repository, library, clock, live)),
        )


def new_live_again(repository, library, clock, old):
    """The first app closed the session; open it again for the next size."""
    from tests.conftest import reopen

    found = reopen(repository, library, old.info.id, clock)
    found.go_to(0)
    return found


async def test_export_from_the_start_screen(library, repository, clock, tmp_path):
    from tui.screens.export_dialog import ExportDialog
    from tui.screens.start import StartScreen

    live = new_live(repository, library, clock)
    live.add_note(HOSTILE)
    live.close()
    target = tmp_path / "referat.md"
    app = make_app(library, repository, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "sessions"
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert target.read_text(encoding="utf-8").startswith("# Referat: Social støtte")
        await pilot.press("e")
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog), "an existing file is not overwritten"
        assert "exists already" in str(app.screen.query_one("#form-error").render())
        await pilot.press("escape")
    assert "\\[\\@click=app.quit]klik\\[/]" in target.read_text(encoding="utf-8")


async def test_a_broken_user_theme_is_shown_not_fatal(library, repository, clock, data_dir):
    from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir
    from tui.screens.start import StartScreen

    themes = data_dir / "themes"
    themes.mkdir()
    (themes / "halv.md").write_text("---\nid: halv\n---\n## [bold]x[/]\n", encoding="utf-8")
    library = ThemeLibrary(
        [(bundled_content_dir(), ThemeOrigin.BUNDLED), (themes, ThemeOrigin.USER)]
    )
    app = make_app(library, repository, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        highlight_theme(app, "halv")
        option = app.screen.query_one("#themes").highlighted_option
        assert "kan ikke bruges" in str(option.prompt) and "halv.md:" in str(option.prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert any("kan ikke bruges" in n.message for n in app._notifications)
