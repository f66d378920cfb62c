"""`oplaeg projector --browser` under Windows' rules: the command line each viewer's room view is
started with would reach Windows' `CreateProcess` whole, and a viewer that connects is shown the
console's slide by a served room view that itself runs under Windows' rules
(`tests/platforms/as_windows.py`)."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path, PureWindowsPath

import pytest

from sessions.presence import announce_console, withdraw
from tests.platforms.as_windows import RECORD
from tests.platforms.emulation import Emulated
from tests.tui.helpers import new_live
from tui.room_server import RoomServer
from tui.serve import room_command

ROOT = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 40.0
"""A room view starts Python, Textual and a theme: seconds on a loaded machine."""
WINDOWS_PYTHON = r"C:\Users\Anne Marie\AppData\Local\Programs\Python\Python312\python.exe"
WINDOWS_DATA = r"C:\Users\Anne Marie\AppData\Local\oplaeg"
WINDOWS_THEMES = r"C:\Users\Anne Marie\OneDrive - Konsulent & Co\Temaer \"fælles\"\\"


def command_line_to_argv(line: str) -> list[str]:
    """How the MS C runtime (and `CommandLineToArgvW`) splits a command line into arguments:
    whitespace separates outside double quotes; 2n backslashes before a quote are n
    backslashes and the quote toggles quoting; 2n+1 are n and a literal quote; backslashes
    elsewhere are themselves. Single quotes are ordinary characters."""
    arguments: list[str] = []
    current: list[str] = []
    quoted = started = False
    index = 0
    while index < len(line):
        char = line[index]
        if char == "\\":
            run = len(line[index:]) - len(line[index:].lstrip("\\"))
            index += run
            if index < len(line) and line[index] == '"':
                current.append("\\" * (run // 2))
                if run % 2:
                    current.append('"')
                    index += 1
                started = True
                continue
            current.append("\\" * run)
            started = True
            continue
        if char == '"':
            quoted = not quoted
            started = True
        elif char in " \t" and not quoted:
            if started:
                arguments.append("".join(current))
                current, started = [], False
        else:
            current.append(char)
            started = True
        index += 1
    if started:
        arguments.append("".join(current))
    return arguments


def test_the_command_line_parser_reads_windows_quoting():
    """The reference the test below relies on, checked against Microsoft's documented
    examples ("Parsing C++ command-line arguments")."""
    assert command_line_to_argv('"abc" d e') == ["abc", "d", "e"]
    assert command_line_to_argv(r"a\\\b d" + '"e f"g h') == [r"a\\\b", "de fg", "h"]
    assert command_line_to_argv(r"a\\\"b c d") == [r"a\"b", "c", "d"]
    assert command_line_to_argv(r'a\\\\"b c" d e') == [r"a\\b c", "d", "e"]
    assert command_line_to_argv("'a b'") == ["'a", "b'"], "single quotes do not quote"


def test_each_viewers_command_line_reaches_windows_whole(windows: Emulated, monkeypatch):
    """What `CreateProcess` gets for a viewer (Python's `subprocess` joins the list with
    `list2cmdline` on Windows) splits back into the very arguments, backslashes and all."""
    monkeypatch.setattr(sys, "executable", WINDOWS_PYTHON)
    argv = room_command(PureWindowsPath(WINDOWS_DATA), "abc", themes_dir=WINDOWS_THEMES)  # type: ignore[arg-type]
    assert argv[0] == WINDOWS_PYTHON, "the interpreter itself, not a shell"
    assert WINDOWS_DATA in argv and WINDOWS_THEMES in argv, "paths passed as they are"
    assert not any(part.startswith("'") for part in argv), "nothing quoted the POSIX way"
    line = subprocess.list2cmdline(argv)
    assert command_line_to_argv(line) == argv
    assert "cmd" not in argv[0].lower() and "/c" not in argv, "no shell in between"


async def test_a_viewer_is_shown_the_slide_by_a_room_view_under_windows_rules(
    aiohttp_client, library, repository, clock, windows: Emulated, monkeypatch, tmp_path
):
    """The server runs under Windows' rules in this process; the viewer's room view in its own
    process, also under them; the viewer reads the slide from the socket, then the next one
    once the console moves on."""
    live = new_live(repository, library, clock, "social-stoette")
    console = announce_console(repository.data_dir, live.info.id)
    # The viewer's process: `room_command`'s own arguments, run under Windows' rules.
    argv = room_command(repository.data_dir, live.info.id)
    assert argv[1:3] == ["-m", "tui.cli"]
    argv[1:3] = ["-m", "tests.platforms.as_windows", "tui.cli"]
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    record = tmp_path / "ran-as.txt"
    monkeypatch.setenv(RECORD, str(record))
    server = RoomServer(argv, host="127.0.0.1", port=0, title="oplaeg", language="da", texts={})
    try:
        client = await aiohttp_client(await server._make_app())
        origin = {"Origin": f"http://{client.host}:{client.port}"}
        socket = await client.ws_connect("/ws?width=100&height=30", headers=origin)
        screen = Screen()
        try:
            first = live.page.title
            assert await screen.shows(socket, first), f"never showed {first!r}: {screen.tail()}"
            live.advance()
            second = live.page.title
            assert second != first
            assert await screen.shows(socket, second), f"never followed: {screen.tail()}"
        finally:
            await socket.close()
        for _ in range(100):
            if not server.viewers:
                break
            await asyncio.sleep(0.1)
        assert not server.viewers, "the viewer's room view ended with its socket"
        assert record.read_text().split() == [
            "win32",
            "nt",
            "textual.drivers._input_reader_windows",
        ], "the room view ran under Windows' rules, with Textual's Windows input reader"
    finally:
        withdraw(console)
        live.close()
    assert windows.ctrl_c_sent == [], "nobody sent Ctrl+C to find out whether a window lives"


ESCAPE = re.compile(
    r"\x1b(\[[0-9;?$<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|.)"
)


class Screen:
    """What the room view wrote to the socket, as text without its escape sequences."""

    def __init__(self) -> None:
        self.text = ""

    async def shows(self, socket, wanted: str) -> bool:
        words = [word for word in wanted.split() if len(word) > 3] or [wanted]
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            if all(word in self.text for word in words):
                return True
            try:
                message = await socket.receive(timeout=max(0.1, deadline - time.monotonic()))
            except TimeoutError:
                break
            if message.type.name == "BINARY":
                self.text += ESCAPE.sub("", message.data.decode("utf-8", "replace"))
            elif message.type.name in ("CLOSE", "CLOSED", "ERROR"):
                break
        return all(word in self.text for word in words)

    def tail(self) -> str:
        return self.text[-400:]


pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def test_a_served_room_view_ends_when_its_server_is_gone_under_windows_rules(
    library, repository, clock, tmp_path
):
    """Windows never gives an orphan another parent, so the room view cannot tell by its
    parent that the server was killed (Task Manager, a crash). It hears it by its input: the
    server's end of the pipe closes."""
    live = new_live(repository, library, clock, "social-stoette")
    argv = room_command(repository.data_dir, live.info.id)
    argv[1:3] = ["-m", "tests.platforms.as_windows", "tui.cli"]
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
        "COLUMNS": "100",
        "ROWS": "30",
    }
    process = subprocess.Popen(
        argv,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=environment,
    )
    try:
        assert process.stdout is not None and process.stdin is not None
        assert process.stdout.readline() == b"__GANGLION__\n", "the room view started"
        time.sleep(1.5)
        assert process.poll() is None, "it runs while its server does"
        process.stdin.close()  # the server was killed: its end of the pipe is gone
        drained = threading.Thread(target=process.stdout.read, daemon=True)
        drained.start()  # nobody is blocked writing to a full pipe
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pytest.fail("the room view outlived its server")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        live.close()
