"""Which windows are open, under Windows' rules: `os.kill(pid, 0)` there sends Ctrl+C and
fails for most processes, and a window closed with ✕ never withdraws its announcement. A window
counts while it holds its lock, so one that vanished is gone at once."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from sessions.presence import (
    announce_console,
    announce_room,
    presented_session,
    rooms_following,
    run_dir,
    withdraw,
)
from tests.platforms.emulation import Emulated
from tests.tui.helpers import make_app, new_live

ROOT = Path(__file__).parents[2]
CONSOLE_MODE_ENDS_WITHIN_SECONDS = 2.0


def window(data_dir: Path, kind: str, session_id: str) -> subprocess.Popen[str]:
    """Another process that announces a window and then waits to be closed."""
    code = (
        "import sys, time; from pathlib import Path; from sessions import presence; "
        f"presence.announce_{kind}(Path(sys.argv[1]), sys.argv[2]); "
        "print('ready', flush=True); time.sleep(120)"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(data_dir), session_id],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    return child


def close_with_the_cross(child: subprocess.Popen[str]) -> None:
    """The window is closed without a word: no clean exit, nothing withdrawn."""
    child.kill()
    child.wait(timeout=10)


def test_a_room_view_closed_with_the_cross_is_gone_at_once(data_dir: Path, windows: Emulated):
    child = window(data_dir, "room", "s1")
    try:
        assert rooms_following(data_dir, "s1") == 1
        assert rooms_following(data_dir, "other") == 0
    finally:
        close_with_the_cross(child)
    assert rooms_following(data_dir, "s1") == 0, "its lock is free: it is gone"
    assert windows.ctrl_c_sent == [], "no Ctrl+C was sent to anybody"
    assert list(run_dir(data_dir).glob("room-*")) == [], "what it left is tidied away"


def test_a_console_that_vanished_is_no_longer_followed(data_dir: Path, windows: Emulated):
    child = window(data_dir, "console", "s1")
    try:
        assert presented_session(data_dir) == "s1"
    finally:
        close_with_the_cross(child)
    assert presented_session(data_dir) is None
    assert windows.ctrl_c_sent == []


def test_announcing_and_withdrawing_explicitly(data_dir: Path, windows: Emulated):
    first = announce_room(data_dir, "s1")
    second = announce_room(data_dir, "s1")
    assert first != second, "each window its own announcement"
    assert rooms_following(data_dir, "s1") == 2
    withdraw(first)
    assert rooms_following(data_dir, "s1") == 1
    withdraw(second)
    withdraw(second)  # twice is harmless
    assert rooms_following(data_dir, "s1") == 0
    console = announce_console(data_dir, "s2")
    assert presented_session(data_dir) == "s2"
    assert announce_console(data_dir, "s3") == console, "the console changes its session"
    assert presented_session(data_dir) == "s3"
    withdraw(console)
    assert presented_session(data_dir) is None


def test_a_stale_announcement_of_an_older_oplaeg_is_tidied_away(data_dir: Path):
    folder = run_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "room-4242.json").write_text('{"session_id": "s1", "pid": 4242}', encoding="utf-8")
    assert rooms_following(data_dir, "s1") == 0
    assert list(folder.iterdir()) == []


async def test_the_console_leaves_console_mode_soon_after_the_room_view_is_closed(
    library, repository, clock, windows: Emulated
):
    live = new_live(repository, library, clock)
    child = window(repository.data_dir, "room", live.info.id)
    desk = make_app(library, repository, clock, live=live, layout="auto")
    try:
        async with desk.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            assert desk.screen.console, "a room view follows: the desk is the console"
            close_with_the_cross(child)
            closed = time.monotonic()
            while desk.screen.console:
                assert time.monotonic() - closed < CONSOLE_MODE_ENDS_WITHIN_SECONDS + 3
                await pilot.pause(0.05)
            waited = time.monotonic() - closed
    finally:
        if child.poll() is None:
            close_with_the_cross(child)
    assert waited < CONSOLE_MODE_ENDS_WITHIN_SECONDS
    assert windows.ctrl_c_sent == []
