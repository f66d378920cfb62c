"""The served room view is for this laptop's browser only: a socket from another page is refused,
a viewer cannot ask for a giant terminal, only a few viewers at once, a viewer's process ends
when its socket closes (even one that will not leave by itself), the room view is started from
an argument list, and a browser that connects never turns the console into the console."""

from __future__ import annotations

import asyncio
import os
import sys
import textwrap
import time
from pathlib import Path

import pytest
from aiohttp import WSServerHandshakeError

from sessions.presence import announce_console, rooms_following, withdraw
from tui.room_server import MAX_COLUMNS, MAX_ROWS, RoomServer, address_only, clamp
from tui.serve import RoomPresence, room_command

FAKE_ROOM_VIEW = """
import os, signal, sys, time
{ignore}
with open({record!r}, "a") as out:
    out.write(f"{{os.getpid()}} {{os.environ['COLUMNS']}} {{os.environ['ROWS']}}\\n")
sys.stdout.write("__GANGLION__\\n")
sys.stdout.flush()
{body}
"""
LEAVES_WHEN_ASKED = """
while True:
    chunk = sys.stdin.buffer.read1(4096)
    if not chunk or b'"quit"' in chunk:
        break
"""
"""Reads until its input closes: a room view that leaves when the server lets it go."""
STAYS = "while True:\n    time.sleep(1)"
"""Never reads, never leaves: a room view stuck drawing."""


def fake_room_view(tmp_path: Path, *, stays: bool = False, ignores_sigterm: bool = False):
    record = tmp_path / "started.txt"
    script = tmp_path / "room_view.py"
    script.write_text(
        textwrap.dedent(
            FAKE_ROOM_VIEW.format(
                record=str(record),
                ignore="signal.signal(signal.SIGTERM, signal.SIG_IGN)" if ignores_sigterm else "",
                body=STAYS if stays else textwrap.dedent(LEAVES_WHEN_ASKED),
            )
        ),
        encoding="utf-8",
    )
    return [sys.executable, str(script)], record


def started(record: Path) -> list[tuple[int, int, int]]:
    if not record.exists():
        return []
    return [tuple(map(int, line.split())) for line in record.read_text().splitlines()]


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # A zombie is gone too: it only waits for its parent to read its status.
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split()[2] == "Z"


async def wait_for(condition, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(0.05)
    return condition()


def server_for(argv: list[str], **kwargs) -> RoomServer:
    return RoomServer(
        argv, host="127.0.0.1", port=0, title="oplaeg", language="da", texts={}, **kwargs
    )


async def client_of(aiohttp_client, server: RoomServer):
    return await aiohttp_client(await server._make_app())


def own_origin(client) -> dict[str, str]:
    return {"Origin": f"http://{client.host}:{client.port}"}


async def test_a_socket_from_another_page_is_refused(aiohttp_client, tmp_path):
    argv, record = fake_room_view(tmp_path)
    client = await client_of(aiohttp_client, server_for(argv))
    for headers in ({"Origin": "http://evil.example"}, {}):
        with pytest.raises(WSServerHandshakeError) as refused:
            await client.ws_connect("/ws", headers=headers)
        assert refused.value.status == 403
    renamed = await client.get("/", headers={"Host": f"evil.example:{client.port}"})
    assert renamed.status == 403, "a name pointed at this computer (DNS rebinding) is refused"
    await asyncio.sleep(0.3)
    assert started(record) == [], "no room view was started for them"
    socket = await client.ws_connect("/ws", headers=own_origin(client))
    assert await wait_for(lambda: len(started(record)) == 1)
    await socket.close()


async def test_a_viewer_cannot_ask_for_a_giant_terminal(aiohttp_client, tmp_path):
    argv, record = fake_room_view(tmp_path)
    client = await client_of(aiohttp_client, server_for(argv))
    socket = await client.ws_connect("/ws?width=20000&height=20000", headers=own_origin(client))
    assert await wait_for(lambda: len(started(record)) == 1)
    (_pid, columns, rows) = started(record)[0]
    assert (columns, rows) == (MAX_COLUMNS, MAX_ROWS) == (400, 150)
    await socket.close()
    assert clamp("20000", 80, MAX_COLUMNS) == 400 and clamp("-5", 80, 400) == 1
    assert clamp("abc", 80, MAX_COLUMNS) == 80


async def test_only_a_few_viewers_at_once(aiohttp_client, tmp_path):
    argv, record = fake_room_view(tmp_path)
    server = server_for(argv, max_viewers=2)
    client = await client_of(aiohttp_client, server)
    first = await client.ws_connect("/ws", headers=own_origin(client))
    second = await client.ws_connect("/ws", headers=own_origin(client))
    with pytest.raises(WSServerHandshakeError) as refused:
        await client.ws_connect("/ws", headers=own_origin(client))
    assert refused.value.status == 503
    await first.close()
    assert await wait_for(lambda: len(started(record)) == 2)
    # A place is free again once a viewer has left.
    assert await wait_for(lambda: len(server.viewers) == 1)
    third = await client.ws_connect("/ws", headers=own_origin(client))
    assert await wait_for(lambda: len(started(record)) == 3)
    await second.close()
    await third.close()


@pytest.mark.parametrize("ignores_sigterm", [False, True])
async def test_a_viewers_process_ends_when_its_socket_closes(
    aiohttp_client, tmp_path, ignores_sigterm
):
    argv, record = fake_room_view(tmp_path, stays=True, ignores_sigterm=ignores_sigterm)
    client = await client_of(aiohttp_client, server_for(argv))
    socket = await client.ws_connect("/ws", headers=own_origin(client))
    assert await wait_for(lambda: len(started(record)) == 1)
    pid = started(record)[0][0]
    assert not gone(pid)
    await socket.close()
    assert await wait_for(lambda: gone(pid), 15), "asked, then terminated, then killed"


def test_the_room_view_is_started_from_an_argument_list_without_a_shell(tmp_path):
    data_dir = tmp_path / "data dir with 'quotes' & spaces"
    argv = room_command(data_dir, "abc", themes_dir=r"C:\Temaer\fælles")
    assert argv[0] == sys.executable
    assert str(data_dir) in argv and r"C:\Temaer\fælles" in argv, "passed as they are"
    assert argv[-3:] == ["projector", "--served", "abc"] and "--browser" not in argv
    assert "exec" not in argv


def test_only_addresses_and_localhost_are_served():
    assert address_only("127.0.0.1:8000") == "127.0.0.1"
    assert address_only("localhost:8000") == "localhost"
    assert address_only("[::1]:8000") == "::1"
    assert address_only("evil.example:8000") is None
    assert address_only("127.0.0.1.nip.io:8000") is None


def test_a_browser_that_connects_never_turns_the_console_into_the_console(tmp_path):
    """The consultant's own launch announces the room view; what it serves does not."""
    data_dir = tmp_path
    console = announce_console(data_dir, "abc")
    presence = RoomPresence(data_dir, None)
    try:
        assert rooms_following(data_dir, "abc") == 0
        presence.follow()
        assert rooms_following(data_dir, "abc") == 1, "the launch follows what the console shows"
        presence.withdraw()
        assert rooms_following(data_dir, "abc") == 0, "and lets go when it ends"
    finally:
        presence.withdraw()
        withdraw(console)


async def test_a_served_room_view_does_not_announce_itself(library, repository, clock):
    from tests.tui.helpers import new_live
    from tui.room import RoomApp, RoomScreen

    live = new_live(repository, library, clock)
    room = RoomApp(repository, library, live.info.id, clock=clock, served=True)
    async with room.run_test(size=(100, 30)) as pilot:
        screen = room.screen
        assert isinstance(screen, RoomScreen)
        screen.follow()
        await pilot.pause()
        assert screen.live is not None, "it shows the session"
        assert rooms_following(repository.data_dir, live.info.id) == 0, "but never announces it"
    terminal = RoomApp(repository, library, live.info.id, clock=clock)
    async with terminal.run_test(size=(100, 30)) as pilot:
        terminal.screen.follow()
        await pilot.pause()
        assert rooms_following(repository.data_dir, live.info.id) == 1, "a terminal's view does"
    live.close()


def children_of(pid: int) -> list[int]:
    """The living children of `pid`: a zombie (an ended viewer its parent has not yet read)
    is left out, as `gone` counts it gone; listing it took the last viewer for the next."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, parent = stat.rsplit(")", 1)[1].split()[:2]
        if int(parent) == pid and state != "Z":
            found.append(int(entry.name))
    return found


def environment_of(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode(errors="replace").partition("=")[::2] for item in raw if item)


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads processes from /proc")
async def test_the_real_room_view_is_bounded_and_ends_on_close_and_on_sigterm(
    library, repository, clock, tmp_path
):
    """`oplaeg projector --browser` itself: a viewer asking for 20000×20000 gets a 400×150
    room view that stays small, ends when its socket closes; another obeys SIGTERM."""
    import aiohttp

    from tests.browser.test_room_in_browser import free_port, serve, wait_for_group_to_end
    from tests.browser.test_room_in_browser import wait_for_port as port_open
    from tests.tui.helpers import new_live

    live = new_live(repository, library, clock)
    port = free_port()
    server = serve(repository.data_dir, live.info.id, port)
    origin = {"Origin": f"http://127.0.0.1:{port}"}
    url = f"http://127.0.0.1:{port}/ws?width=20000&height=20000"
    try:
        await asyncio.to_thread(port_open, port)
        following = lambda: rooms_following(repository.data_dir, live.info.id)  # noqa: E731
        assert await wait_for(lambda: following() == 1, 10), "the consultant's launch counts"
        async with aiohttp.ClientSession() as session:
            socket = await session.ws_connect(url, headers=origin)
            assert await wait_for(lambda: len(children_of(server.pid)) == 1, 30)
            (child,) = children_of(server.pid)
            await asyncio.sleep(2)
            assert following() == 1, "a browser that connects adds nothing"
            environment = environment_of(child)
            assert (environment["COLUMNS"], environment["ROWS"]) == ("400", "150")
            assert "TEXTUAL_DRIVER" in environment, "a room view, started without a shell"
            await asyncio.sleep(5)
            assert rss_mib(child) < 400, f"{rss_mib(child):.0f} MiB"
            await socket.close()
            assert await wait_for(lambda: gone(child), 15), "ended with its socket"

            socket = await session.ws_connect(url, headers=origin)
            assert await wait_for(lambda: len(children_of(server.pid)) == 1, 30)
            (child,) = children_of(server.pid)
            await asyncio.sleep(3)
            os.kill(child, 15)
            assert await wait_for(lambda: gone(child), 8), "obeys SIGTERM"
            await socket.close()
    finally:
        live.close()
        server.terminate()
        server.wait(timeout=15)
        wait_for_group_to_end(server.pid)
    assert rooms_following(repository.data_dir, live.info.id) == 0, "withdrawn when it ends"


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--port", "99999"], "'99999' er ikke en port"),
        (["--host", "999.0.0.1"], "'999.0.0.1' er ikke en IP-adresse"),
        (["--host", "203.0.113.9"], "Lærredet kan ikke vises på 203.0.113.9"),
    ],
)
def test_a_bad_address_for_the_browser_room_view_is_one_line(capsys, tmp_path, argv, said):
    from tui import cli

    try:
        code = cli.main(["--data-dir", str(tmp_path), "projector", "--browser", *argv])
    except SystemExit as stopped:
        code = stopped.code
    err = capsys.readouterr().err
    assert code in (1, 2)
    assert len(err.strip().splitlines()) == 1, err
    assert said in err and "Traceback" not in err


async def test_no_shell_is_asked_to_start_a_viewer(aiohttp_client, tmp_path, monkeypatch):
    """As on Windows, where cmd.exe cannot read a POSIX shell's quoting: a shell is never used,
    so a path with spaces and quotes reaches the room view as it is."""

    async def no_shell(*args, **kwargs):
        raise AssertionError("a shell was asked to start the room view")

    monkeypatch.setattr(asyncio, "create_subprocess_shell", no_shell)
    folder = tmp_path / "Mine dokumenter" / "konsulent's ting"
    folder.mkdir(parents=True)
    argv, record = fake_room_view(folder)
    client = await client_of(aiohttp_client, server_for(argv))
    socket = await client.ws_connect("/ws", headers=own_origin(client))
    assert await wait_for(lambda: len(started(record)) == 1)
    await socket.close()
