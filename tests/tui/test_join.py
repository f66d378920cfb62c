"""Phones in the app: J turns the participant server on and off (never on by itself), the wall
shows the room code and the phones' counts merged with the hands, the texts wait on the console
until the consultant puts them up, and the server stops with the session and the app."""

from __future__ import annotations

import aiohttp
import pytest

from sessions.presence import announce_console, withdraw
from sessions.storage.tables import PHONE_ANSWERS_TABLE
from tests.tui.helpers import HOSTILE, make_app, new_live, page_of, stored
from tui.join_options import JoinOptions
from tui.room import RoomApp, RoomScreen
from tui.screens.moderation import ModerationScreen
from tui.widgets.join_code import JoinCode
from tui.widgets.join_status import JoinStatus
from tui.widgets.stage import Stage

LOOPBACK = JoinOptions(host="127.0.0.1")


def go(app, live, position: int) -> None:
    live.nav.go_to(position)
    app.screen.enter_page()


def status_text(app) -> str:
    return str(app.screen.query_one("#status-message").render())


async def fetch(url: str) -> int:
    async with aiohttp.ClientSession() as browser, browser.get(url) as response:
        return response.status


async def test_j_turns_joining_on_and_off_and_says_where(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    app.join.options = LOOPBACK
    async with app.run_test(size=(120, 30)) as pilot:
        assert not app.join.on and not live.answers.join_state().on, "never on by itself"
        await pilot.press("J")
        await pilot.pause()
        server = app.join.server
        assert server is not None and server.host == "127.0.0.1"
        assert server.service.code in status_text(app)
        state = stored(repository, live.info.id, "join", "1")
        assert state is not None and state["on"] and state["url"] == server.url
        assert "token" not in state and "salt" not in str(state)
        assert await fetch(server.url) == 200
        join_line = str(app.screen.query_one(JoinStatus).render())
        assert join_line == f"Mobiler: kode {server.service.code}", "the address is the room's"
        url = server.url
        await pilot.press("J")
        await pilot.pause()
        assert not app.join.on and "slået fra" in status_text(app)
        assert not stored(repository, live.info.id, "join", "1")["on"]
        with pytest.raises(aiohttp.ClientConnectionError):
            await fetch(url)
        await pilot.press("J")
        await pilot.pause()
        assert app.join.server.url == url, "the same address again: the wall's code still works"


async def test_join_from_the_command_line_starts_with_the_session(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    app.join.options = JoinOptions(host="127.0.0.1", start=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.join.on
        url = app.join.server.url
        assert await fetch(url) == 200
    with pytest.raises(aiohttp.ClientConnectionError):
        await fetch(url)  # the app exited: the server is gone
    assert not stored(repository, live.info.id, "join", "1")["on"]


async def test_the_end_of_the_session_ends_joining(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    app.join.options = LOOPBACK
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("J")
        await pilot.pause()
        go(app, live, len(live.pages) - 1)
        await pilot.pause()
        await pilot.press("pagedown", "y")
        await pilot.pause()
        await pilot.pause()
        assert not app.join.on


async def test_the_wall_shows_the_code_and_the_phones_counts(library, repository, clock):
    live = new_live(repository, library, clock)
    announcement = announce_console(repository.data_dir, live.info.id)
    desk = make_app(library, repository, clock, live=live, layout="auto")
    desk.join.options = LOOPBACK
    room = RoomApp(repository, library, clock=clock)
    try:
        async with (
            desk.run_test(size=(120, 30)) as desk_pilot,
            room.run_test(size=(100, 30)) as room_pilot,
        ):
            screen = room.screen
            assert isinstance(screen, RoomScreen)
            go(desk, live, page_of(live, "scale"))
            await desk_pilot.press("J", "4", "4")  # two hands on 4, by key
            await desk_pilot.pause()
            service = desk.join.server.service
            for value in ("2", "4", "5"):
                service.answer_scale(service.devices.issue(), "skala", "0", value)
            screen.follow()
            await room_pilot.pause()
            code = screen.query_one(JoinCode)
            assert code.display, "the code is up at the start of an exercise that asks"
            shown = "\n".join(str(w.render()) for w in code.query("Static"))
            assert desk.join.server.address in shown and "█" in shown
            scale = screen.query_one(Stage).exercise
            text = "\n".join(str(w.render()) for w in scale.query("Static"))
            assert "3 har svaret på mobilen" in text
            assert "5 svar" in text, "two hands and three phones"
            await desk_pilot.press("K")
            screen.follow()
            await room_pilot.pause()
            assert not screen.query_one(JoinCode).display, "hidden by the consultant"
            go(desk, live, page_of(live, "case"))
            screen.follow()
            await room_pilot.pause()
            assert screen.query_one(JoinCode).display, "the next exercise shows it again"
            go(desk, live, page_of(live, "scale", 1))
            screen.follow()
            await room_pilot.pause()
            assert not screen.query_one(JoinCode).display, "a result step asks nothing"
    finally:
        withdraw(announcement)


async def test_texts_wait_for_the_consultant_who_puts_them_up(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live, layout="console")
    app.join.options = LOOPBACK
    async with app.run_test(size=(120, 30)) as pilot:
        go(app, live, page_of(live, "sorting"))
        await pilot.press("J")
        await pilot.pause()
        service = app.join.server.service
        service.send_slip("tavle", "Mails efter kl. 16", "0")
        service.send_slip("tavle", HOSTILE, "1")
        service.send_slip("tavle", "Fast sparring", "1")
        await pilot.pause(0.2)
        assert "3 sedler venter" in str(app.screen.query_one(JoinStatus).render())
        board = app.screen.stage.exercise
        assert "Mails" not in "\n".join(str(w.render()) for w in board.query("Static"))
        await pilot.press("S")
        await pilot.pause()
        moderation = app.screen
        assert isinstance(moderation, ModerationScreen)
        listed = [str(o.prompt) for o in moderation.query_one("#slips").options]
        assert listed == [
            "☐ Stop · Mails efter kl. 16",
            f"☐ Start · {HOSTILE}",
            "☐ Start · Fast sparring",
        ]
        await pilot.press("enter")  # up on the board
        await pilot.press("x")  # the hostile one: rejected
        await pilot.press("u", "x")  # undone, then rejected again
        await pilot.press("w", "home", "ctrl+k", *"Sparring hver fredag", "enter")
        await pilot.pause()
        assert live.answers.pending() == []
        state = live.exercises.state(live.page.segment)
        assert [(i.text, i.column) for i in state.items] == [
            ("Mails efter kl. 16", 0),
            ("Sparring hver fredag", 1),
        ]
        await pilot.press("escape")
        await pilot.pause()
        board = app.screen.stage.exercise
        drawn = "".join(str(w.render()) for w in board.query(".board-column"))
        assert "Mailsefterkl.16" in "".join(drawn.split()), "on the board (wrapped in its column)"
        assert not app.screen.query_one(JoinStatus).display or "sedler" not in str(
            app.screen.query_one(JoinStatus).render()
        )


async def test_where_the_room_sees_the_screen_the_texts_are_hidden(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live, layout="single")
    app.join.options = LOOPBACK
    async with app.run_test(size=(120, 30)) as pilot:
        go(app, live, page_of(live, "case"))
        await pilot.press("J")
        await pilot.pause()
        app.join.server.service.send_slip("sagen", "Lederen er problemet", "")
        await pilot.press("S")
        await pilot.pause()
        options = app.screen.query_one("#slips").options
        assert "Lederen" not in str(options[0].prompt) and "20 tegn" in str(options[0].prompt)
        await pilot.press("ctrl+t")
        assert "Lederen er problemet" in str(app.screen.query_one("#slips").options[0].prompt)
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert live.exercises.state(live.page.segment).agreements == ("Lederen er problemet",)


async def test_phone_answers_reach_the_store_through_the_running_app(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)
    app.join.options = LOOPBACK
    async with app.run_test(size=(120, 30)) as pilot:
        go(app, live, page_of(live, "scale"))
        await pilot.press("J")
        await pilot.pause()
        server = app.join.server
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as phone:
            await phone.get(server.url)  # a browser keeps a numeric host's cookie
            async with phone.post(
                f"{server.url}/answer",
                data={"kind": "scale", "segment": "skala", "statement": "1", "value": "2"},
                allow_redirects=False,
            ) as response:
                assert response.status == 303
                assert response.headers["Location"].endswith("?n=saved#s1")
        answers = [
            (d["statement"], value)
            for _, d in live.store.items(PHONE_ANSWERS_TABLE)
            for value in d["values"].values()
        ]
        assert answers == [(1, 2)]
        await pilot.pause(0.6)  # counts are brought up to date 4 times a second
        scale = app.screen.stage.exercise
        assert "1 har svaret på mobilen" in "\n".join(
            str(w.render()) for w in scale.query("Static")
        )


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (200, 60)])
async def test_the_text_beside_the_wall_code_wraps_left_of_it(library, repository, clock, size):
    """The code docks right; the page's text wraps in what is left, never cut off behind it
    ("Luk øjnene, og vis med fing")."""
    live = new_live(repository, library, clock, "kraenkende-handlinger")  # a long instruction
    announcement = announce_console(repository.data_dir, live.info.id)
    desk = make_app(library, repository, clock, live=live, layout="auto")
    desk.join.options = LOOPBACK
    room = RoomApp(repository, library, clock=clock)
    try:
        async with desk.run_test(size=(120, 30)) as desk_pilot, room.run_test(size=size) as pilot:
            screen = room.screen
            assert isinstance(screen, RoomScreen)
            go(desk, live, page_of(live, "scale"))
            await desk_pilot.press("J")
            await desk_pilot.pause()
            screen.follow()
            await pilot.pause()
            code = screen.query_one(JoinCode)
            stage = screen.query_one(Stage)
            text = stage.query_one("#stage-markdown")
            frame = stage.query_one("#stage-text")
            if code.display:
                assert text.region.right <= code.region.x, "the text runs in under the code"
            assert text.region.right <= stage.content_region.right
            assert frame.max_scroll_x == 0, "no line is wider than the text's column"
    finally:
        withdraw(announcement)
        live.close()
