"""The screens as pictures (SVG), compared with the accepted ones: every exercise kind as the
room sees it at a projector's two typical sizes, the console, the single window, the forms."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tests.tui.helpers import make_app, new_live
from tests.tui.scenes import SCENES, scene
from tui.room import RoomApp

SIZES = [(80, 24), (200, 60)]


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause(0.2)


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


@pytest.mark.parametrize("name", ["round", "sorting"])
def test_the_single_window(name, snap_compare, library, repository, clock):
    live = scene(repository, library, clock, name)
    app = make_app(library, repository, clock, live=live)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


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
