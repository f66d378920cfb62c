"""`oplaeg projector --browser`: the room view served to a real browser on this computer only,
following the console."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from sessions.clock import SystemClock
from sessions.live import LiveSession
from sessions.repository import SessionRepository
from sessions.storage.locations import prepare_data_dir
from tests.conftest import DETAILS
from tests.tui.helpers import FIXTURES, library_with_fixtures

WAIT_SECONDS = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(data_dir: Path, session_id: str, port: int) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "tui.cli", "--data-dir", str(data_dir), "projector"]
    command += [session_id, "--browser", "--port", str(port)]
    return subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "OPLAEG_DATA_DIR": str(data_dir)},
        start_new_session=True,  # the server and the room views it starts, to stop together
    )


def wait_for_port(port: int) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port}")


def wait_for_group_to_end(group: int) -> bool:
    """Whether anything of the server's process group is still running after a while (it is
    then killed, so no test leaves a room view behind)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return False
        time.sleep(0.2)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(group, signal.SIGKILL)
    return True


def picture(page, settle: float = 1.5) -> bytes:
    page.wait_for_timeout(settle * 1000)
    return page.screenshot()


def picture_of_nothing(browser) -> bytes:
    """A black page of the same size: what an empty room view would look like."""
    page = browser.new_page(viewport={"width": 1024, "height": 640})
    page.set_content("<body style='margin:0;background:#000'></body>")
    shot = page.screenshot()
    page.close()
    return shot


def wait_until_changed(page, before: bytes) -> bytes:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        now = picture(page, 0.5)
        if now != before:
            return now
    raise AssertionError("the room view in the browser did not change")


def test_the_room_view_in_a_browser_follows_the_console(browser, tmp_path):
    data_dir = prepare_data_dir(tmp_path / "data")
    (data_dir / "themes").mkdir()
    shutil.copy(FIXTURES / "alle-oevelser.md", data_dir / "themes")
    repository = SessionRepository(data_dir, SystemClock())
    library = library_with_fixtures()
    theme = library.get("alle-oevelser")
    info, store = repository.create(theme, DETAILS)
    live = LiveSession(repository, info, store, theme, SystemClock())
    live.nav.start()
    port = free_port()
    server = serve(data_dir, info.id, port)
    try:
        assert server.stdout is not None
        first = server.stdout.readline()
        assert f"http://127.0.0.1:{port}" in first, first
        wait_for_port(port)
        page = browser.new_page(viewport={"width": 1024, "height": 640})
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_selector("body.-first-byte", timeout=WAIT_SECONDS * 1000)
        slide = picture(page, 3)
        assert slide != picture_of_nothing(browser), "the slide is drawn"
        live.advance()
        moved = wait_until_changed(page, slide)
        assert moved != slide
    finally:
        live.close()
        server.terminate()
        try:
            server.wait(timeout=15)
            stopped = True
        except subprocess.TimeoutExpired:
            server.kill()
            stopped = False
        room_views_left = wait_for_group_to_end(server.pid)
    assert stopped, "Ctrl+C or SIGTERM stops the server within seconds"
    assert not room_views_left, "the room view ends with the server that served it"


def test_the_browser_view_listens_only_on_this_computer(tmp_path):
    from tui.serve import LOOPBACK, room_command

    assert LOOPBACK == "127.0.0.1"
    command = room_command(tmp_path, "abc")
    assert command[-3:] == ["projector", "--served", "abc"] and "--browser" not in command
