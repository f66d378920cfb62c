"""The screens as pictures (SVG), compared with the accepted ones: every exercise kind as the
room sees it at a projector's two typical sizes, the console, the single window, the forms."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from sessions.live import LiveSession
from sessions.phones.answers import JoinState, SlipTarget
from tests.tui.helpers import make_app, new_live
from tests.tui.scenes import SCENES, scene
from tui.room import RoomApp
from tui.screens.presenter import PresenterScreen

SIZES = [(80, 24), (200, 60)]


async def settle(pilot: Pilot[None]) -> None:
    """Let the page be drawn (an exercise that fits its list to the rows it was given redraws
    once after the first layout, and the clock settles after it)."""
    await pilot.pause(0.2)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", SCENES)
def test_the_room_sees(name, size, snap_compare, library, repository, clock):
    live = scene(repository, library, clock, name)
    session_id = live.info.id
    live.close()
    app = RoomApp(repository, library, session_id, clock=clock)
    assert snap_compare(app, terminal_size=size, run_before=settle)


@pytest.mark.parametrize("name", ["slide", "scale", "case"])
def test_the_console(name, snap_compare, library, repository, clock):
    live = scene(repository, library, clock, name)
    app = make_app(library, repository, clock, live=live, layout="console")
    assert snap_compare(app, terminal_size=(120, 40), run_before=settle)


CONSOLE_SIZES = [(80, 24), (100, 30), (120, 40)]
PHONE_CODE = "3101"


def phones_on(live: LiveSession) -> None:
    """Phones as the console sees them once `J` is on, without a server (a fixed code): a few
    answers on the scale and the vote, a text waiting."""
    address = "192.168.1.20:8765/k7m2p9qx"
    live.answers.set_join_state(
        JoinState(on=True, url=f"http://{address}", address=address, code=PHONE_CODE)
    )
    for phone, value in enumerate((4, 5, 3)):
        live.answers.answer_scale("skala", 0, f"phone-{phone}", value)
    for phone in range(2):
        live.answers.vote("stemmer", f"phone-{phone}", "Fast sparring hver fredag", 1, 3)
    live.answers.add_slip("tavle", 0, "Mails efter kl. 16", SlipTarget.COLUMN, 0)


@pytest.mark.parametrize("size", CONSOLE_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", ["scale", "sorting", "voting", "case"])
def test_the_console_with_phones_on(name, size, snap_compare, library, repository, clock):
    """The laptop console: no QR code (the wall has it), the operated list with its selection
    in view, whole words in the notes, the next page on screen."""
    live = scene(repository, library, clock, name)
    app = make_app(library, repository, clock, live=live, layout="console")

    async def phones(pilot: Pilot[None]) -> None:
        phones_on(live)  # after the app started (a new start turns phones off)
        screen = app.screen
        assert isinstance(screen, PresenterScreen)  # the answers' writes told it
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=phones)


def test_the_moderation_dialog_with_36_texts_at_80x24(snap_compare, library, repository, clock):
    """The title, the key line and the dialog's own keys stay on screen; identical texts are
    one line with a count."""
    live = scene(repository, library, clock, "sorting")
    app = make_app(library, repository, clock, live=live, layout="console")

    async def texts(pilot: Pilot[None]) -> None:
        phones_on(live)
        for number in range(35):
            text = f"Forslag {number % 30} om telefonen på kontoret efter kl. 15"
            live.answers.add_slip("tavle", 0, text, SlipTarget.COLUMN, number % 3)
        screen = app.screen
        assert isinstance(screen, PresenterScreen)  # the texts' writes told it
        await settle(pilot)
        await pilot.press("S")
        await pilot.press("space", "down", "space", "end")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=texts)


async def settle_at_size(pilot: Pilot[None]) -> None:
    """Settle, then have the window take its size once more, as a window dragged into place
    does: the wall's clock fits what the laid-out page leaves it, and a board that fills the
    rest was first laid out while the window was still opening."""
    await settle(pilot)
    width, height = pilot.app.size
    await pilot.resize_terminal(width + 1, height)
    await settle(pilot)
    await pilot.resize_terminal(width, height)
    await settle(pilot)


@pytest.mark.parametrize("name", ["round", "sorting"])
def test_the_single_window(name, snap_compare, library, repository, clock):
    live = scene(repository, library, clock, name)
    app = make_app(library, repository, clock, live=live)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle_at_size)


def test_the_start_screen(snap_compare, library, repository, clock):
    new_live(repository, library, clock).close()
    app = make_app(library, repository, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_the_agenda_before_the_session(snap_compare, library, repository, clock):
    live = new_live(repository, library, clock, started=False)
    app = make_app(library, repository, clock, live=live)
    assert snap_compare(app, terminal_size=(100, 30), run_before=settle)


def test_a_private_note_in_the_single_window(snap_compare, library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    assert snap_compare(app, press=["N", *"lederen virker presset"], terminal_size=(80, 24))


def test_the_help(snap_compare, library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    assert snap_compare(app, press=["question_mark"], terminal_size=(100, 40))
