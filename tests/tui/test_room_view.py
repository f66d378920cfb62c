"""The room view follows the console through the session's files: pages, timers, blanking,
breaks and the group's work reach it; speaker notes and private notes never do. It only reads."""

from __future__ import annotations

import pytest

from sessions.presence import announce_console, rooms_following, withdraw
from tests.tui.helpers import make_app, new_live, page_of
from tui.room import RoomApp, RoomScreen
from tui.widgets.stage import Stage


def visible_text(app) -> str:
    """Everything the room view draws, as text."""
    return "\n".join(str(widget.render()) for widget in app.screen.query("Static, Label, Markdown"))


@pytest.fixture
def console(library, repository, clock):
    live = new_live(repository, library, clock)
    announcement = announce_console(repository.data_dir, live.info.id)
    yield live
    withdraw(announcement)


async def test_the_room_view_follows_page_timer_blank_and_exercise(
    console, library, repository, clock
):
    live = console
    desk = make_app(library, repository, clock, live=live, layout="auto")
    room = RoomApp(repository, library, clock=clock)
    async with (
        desk.run_test(size=(120, 30)) as desk_pilot,
        room.run_test(size=(80, 24)) as room_pilot,
    ):
        screen = room.screen
        assert isinstance(screen, RoomScreen)
        screen.follow()
        await room_pilot.pause()
        assert screen.live is not None and screen.live.page.key == live.page.key
        assert rooms_following(repository.data_dir, live.info.id) == 1

        await desk_pilot.press("pagedown")
        screen.follow()
        await room_pilot.pause()
        assert screen.live.page.key == live.page.key

        desk.screen.check_presence()
        assert desk.screen.console, "with a room view open, the desk is the console"

        live.go_to(page_of(live, "scale"))
        desk.screen.enter_page()
        await desk_pilot.press("4", "t")
        screen.follow()
        await room_pilot.pause()
        stage = screen.query_one(Stage)
        followed = screen.live.exercises.state(screen.live.page.segment)
        assert followed.stats(0).counts[4] == 1
        assert stage.countdown() is not None and stage.countdown().running

        await desk_pilot.press("b")
        screen.follow()
        assert screen.has_class("-blank")
        await desk_pilot.press("b")
        live.display.change(blank=False)
        screen.follow()
        assert not screen.has_class("-blank")


async def test_speaker_notes_and_private_notes_never_reach_the_room(
    console, library, repository, clock
):
    live = console
    live.notebook.add(live.page.segment.id, 0, "HEMMELIGT", private=True)
    live.display.change(notes_to_room=True)
    room = RoomApp(repository, library, clock=clock)
    async with room.run_test(size=(100, 30)) as pilot:
        room.screen.follow()
        await pilot.pause()
        text = visible_text(room)
        assert "HEMMELIGT" not in text
        assert "Præsentér dig" not in text, "the first slide's speaker notes"
        assert "Velkommen" in text


async def test_the_room_view_waits_calmly_and_never_writes(library, repository, clock):
    room = RoomApp(repository, library, clock=clock)
    async with room.run_test(size=(80, 24)) as pilot:
        screen = room.screen
        screen.follow()
        await pilot.pause()
        assert screen.live is None
        assert "venter" in str(screen.query_one("#room-waiting").render())
        live = new_live(repository, library, clock)
        folder = repository.root / live.info.id
        announcement = announce_console(repository.data_dir, live.info.id)
        screen.follow()
        await pilot.pause()
        assert screen.live is not None
        before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
        for _ in range(3):
            screen.follow()
        after = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
        assert before == after
        withdraw(announcement)
        live.close()
        screen.follow()
        await pilot.pause()
        assert screen.live is None, "the console went away: back to waiting"


async def test_a_served_room_view_ends_when_its_server_is_gone(
    library, repository, clock, monkeypatch
):

    from tui import room as room_module

    room = RoomApp(repository, library, clock=clock, served=True)
    async with room.run_test(size=(80, 24)) as pilot:
        room.end_with_the_server()
        await pilot.pause()
        assert room.is_running, "its server is still there"
        monkeypatch.setattr(room_module.os, "getppid", lambda: 1)
        room.end_with_the_server()
        await pilot.pause()
        assert not room.is_running
