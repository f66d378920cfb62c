"""A real `oplaeg` in a pseudo-terminal, told to stop by SIGTERM or SIGHUP (a closed window).

Besides the ordinary case, two ways Textual can get stuck once the terminal is gone are
recreated inside the app's process: its shutdown never returns (`WriterThread.stop` waits for
ever, as a stack dump of a hung process showed), and its output stops draining so the event
loop itself blocks on a full output queue before the signal comes. Either way the typed text
must be saved, the session closed and the process gone within 5 seconds.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sessions.storage.session_store import SessionStore
from tests.tui.pty_process import start_in_pty

ROOT = Path(__file__).parents[2]
EXIT_WITHIN_SECONDS = 5.0
TYPED = "Sagt lige før det lukkede æøå"

RUN_CLI = """
import sys
from tui.cli import main
sys.exit(main(sys.argv[1:]))
"""

# As in the stack dump: App._shutdown → LinuxDriver.close → WriterThread.stop never returns.
STUCK_SHUTDOWN = """
import threading
import textual.drivers._writer_thread as writer
writer.WriterThread.stop = lambda self: threading.Event().wait()
"""

# A terminal that stops reading (a frozen connection): once FREEZE exists the output thread
# never writes again, the small output queue fills, and the event loop blocks in Queue.put.
STUCK_OUTPUT = """
import os, pathlib, threading
import textual.drivers._writer_thread as writer
writer.MAX_QUEUED_WRITES = 2
FREEZE, STUCK = pathlib.Path(os.environ["FREEZE"]), pathlib.Path(os.environ["STUCK"])
def run(self):
    while (text := self._queue.get()) is not None:
        if FREEZE.exists():
            threading.Event().wait()
        self._file.write(text)
        self._file.flush()
def write(self, text):
    if self._queue.full():
        STUCK.touch()  # the event loop is about to block
    self._queue.put(text)
writer.WriterThread.run = run
writer.WriterThread.write = write
"""


def wait_for(condition, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


def journal_text(folder: Path) -> str:
    journal = folder / "journal.jsonl"
    return journal.read_text(encoding="utf-8") if journal.exists() else ""


@dataclass
class RunningApp:
    child: subprocess.Popen
    master: int
    data: Path
    screen: bytearray = field(default_factory=bytearray)

    @property
    def folder(self) -> Path:
        return next((self.data / "sessions").iterdir())

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())


def start_app(tmp_path: Path, prelude: str = "", **env: str) -> RunningApp:
    data = tmp_path / "data"
    environment = {
        **os.environ,
        "OPLAEG_DATA_DIR": str(data),
        "TERM": "xterm-256color",
        "COLUMNS": "100",
        "LINES": "30",
        **env,
    }
    command = ["start", "social-stoette", "--workplace", "Signal", "--participants", "5"]
    argv = [sys.executable, "-c", prelude + RUN_CLI, *command, "--minutes", "90"]
    process = start_in_pty(argv, environment)
    app = RunningApp(process.child, process.master, data, process.screen)
    sessions = data / "sessions"
    wait_for(lambda: sessions.is_dir() and any(sessions.iterdir()))
    wait_for(lambda: b"Dagsorden" in app.screen)  # the agenda, before the start
    app.type("\r")
    wait_for(lambda: '"started_at"' in journal_text(app.folder))  # the presenter is up
    return app


def stop(app: RunningApp) -> None:
    if app.child.poll() is None:
        app.child.kill()
        app.child.wait()
    time.sleep(0.1)
    os.close(app.master)


def open_note_form_and_type(app: RunningApp) -> None:
    seen = len(app.screen)
    for _ in range(3):  # the presenter may still be drawing its first page
        app.type("n")
        try:
            wait_for(lambda: b"Ctrl+J: ny linje" in app.screen[seen:], seconds=5)
            break
        except AssertionError:
            continue
    app.type(TYPED)
    # Signal as soon as the app shows the text: well before the draft's own autosave.
    wait_for(lambda: "æøå".encode() in app.screen, seconds=10)


def signal_and_time_exit(app: RunningApp, sig: signal.Signals) -> tuple[int, float]:
    sent = time.monotonic()
    app.child.send_signal(sig)
    try:
        code = app.child.wait(timeout=EXIT_WITHIN_SECONDS + 10)
    except subprocess.TimeoutExpired:
        raise AssertionError("oplaeg did not exit after the signal") from None
    return code, time.monotonic() - sent


def assert_saved_and_released(folder: Path) -> None:
    snapshot = json.loads((folder / "session.json").read_text(encoding="utf-8"))
    assert snapshot["draft"]["1"]["text"] == TYPED, "what was typed is kept as the draft"
    assert (folder / "journal.jsonl").read_bytes() == b"", "closed cleanly: journal folded in"
    again = SessionStore.open(folder)  # the lock is free: the session opens again
    assert again.took_over is None, "it was closed, not abandoned"
    again.close()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_keeps_the_draft_and_closes_cleanly(tmp_path: Path, sig: signal.Signals):
    app = start_app(tmp_path)
    try:
        open_note_form_and_type(app)
        code, seconds = signal_and_time_exit(app, sig)
    finally:
        stop(app)
    assert code == 0
    assert seconds < EXIT_WITHIN_SECONDS
    assert_saved_and_released(app.folder)


def test_a_shutdown_that_hangs_is_forced_once_the_data_is_safe(tmp_path: Path):
    app = start_app(tmp_path, STUCK_SHUTDOWN)
    try:
        open_note_form_and_type(app)
        code, seconds = signal_and_time_exit(app, signal.SIGHUP)
    finally:
        stop(app)
    assert code == 0, "forced, but only after the data was saved"
    assert seconds < EXIT_WITHIN_SECONDS
    assert_saved_and_released(app.folder)


def test_a_blocked_event_loop_still_saves_and_exits(tmp_path: Path):
    freeze, stuck = tmp_path / "freeze", tmp_path / "stuck"
    app = start_app(tmp_path, STUCK_OUTPUT, FREEZE=str(freeze), STUCK=str(stuck))
    try:
        open_note_form_and_type(app)
        freeze.touch()
        for _ in range(20):  # each key makes the app draw, until its output queue is full
            if stuck.exists():
                break
            app.type(" ")
            time.sleep(0.2)
        wait_for(stuck.exists, seconds=10)
        time.sleep(0.5)
        code, seconds = signal_and_time_exit(app, signal.SIGHUP)
    finally:
        stop(app)
    assert code == 0
    assert seconds < EXIT_WITHIN_SECONDS
    snapshot = json.loads((app.folder / "session.json").read_text(encoding="utf-8"))
    assert snapshot["draft"]["1"]["text"].startswith(TYPED)
    SessionStore.open(app.folder).close()  # the lock is free: the session opens again
